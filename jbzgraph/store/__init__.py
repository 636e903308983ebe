"""Step 6: the embedded persistent SPARQL store (pyoxigraph on disk)."""

from jbzgraph.store.embedded import EmbeddedStore, open_store

__all__ = ["EmbeddedStore", "open_store"]
