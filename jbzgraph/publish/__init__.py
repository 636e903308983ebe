"""Step after the store: push the named graphs to a SPARQL 1.1 server, and query it."""

from jbzgraph.publish.graph_store import PublishReport, publish
from jbzgraph.publish.remote import RemoteStore

__all__ = ["PublishReport", "RemoteStore", "publish"]
