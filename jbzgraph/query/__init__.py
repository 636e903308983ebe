"""Step 7: the named queries of ``queries/*.rq``, their parameters and their output formats."""

from jbzgraph.query.library import list_queries, load_query, parameters, run_query
from jbzgraph.query.output import format_rows

__all__ = ["format_rows", "list_queries", "load_query", "parameters", "run_query"]
