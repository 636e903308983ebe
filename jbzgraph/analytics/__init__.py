"""Networks for notebooks: SPARQL projections of the graph → networkx → metrics, files, pictures.

    from jbzgraph.analytics import actor_instrument
    from jbzgraph.store import open_store
    G = actor_instrument(open_store("demo-store"))
"""

from jbzgraph.analytics.metrics import summary_tables
from jbzgraph.analytics.projections import Filters, actor_instrument, alignment, comembership, timeline

__all__ = ["Filters", "actor_instrument", "alignment", "comembership", "summary_tables", "timeline"]
