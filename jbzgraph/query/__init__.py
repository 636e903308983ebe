"""Step 7: the named queries of ``queries/*.rq``, their parameters and their output formats."""

from jbzgraph.query.library import bound_query, list_queries, load_query, parameters, run_query
from jbzgraph.query.output import format_rows

__all__ = ["bound_query", "format_rows", "list_queries", "load_query", "parameters", "run_query"]
