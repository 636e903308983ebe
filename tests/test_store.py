"""The embedded store after a batch of writes: compaction (EmbeddedStore.finish) keeps every
quad, in the open store and reopened; an in-memory copy holds and answers the same."""

import pyoxigraph as ox

from jbzgraph.pipeline import build
from jbzgraph.query import list_queries, run_query
from jbzgraph.store import embedded, open_store
from tests.helpers import LETTERS


def _quads(store) -> list[bytes]:
    """The store's quads without blank nodes (the ontology's get new labels in every store)."""
    return sorted(q for q in store.dump(ox.RdfFormat.N_QUADS).splitlines() if b"_:" not in q)


def test_a_compacted_store_holds_what_an_uncompacted_one_holds(tmp_path, monkeypatch):
    dumps = []
    for threshold in (0, 10**12):
        monkeypatch.setattr(embedded, "COMPACT_AFTER_QUADS", threshold)
        path = tmp_path / f"store-{threshold}"
        store = open_store(path)
        assert build([LETTERS], store).failed == []
        dumps.append(_quads(store))
        del store
        dumps.append(_quads(open_store(path, read_only=True)))
    assert len(dumps[0]) > 5_000
    assert all(d == dumps[0] for d in dumps)



def test_an_in_memory_copy_holds_every_quad_and_gives_every_query_the_same_rows(tmp_path):
    store = open_store(tmp_path / "store")
    assert build([LETTERS], store).failed == []
    copy = store.in_memory()
    assert copy.path is None
    assert sorted(copy.dump(ox.RdfFormat.N_QUADS).splitlines()) == sorted(
        store.dump(ox.RdfFormat.N_QUADS).splitlines())
    for name in list_queries():
        assert sorted(run_query(copy, name)[1]) == sorted(run_query(store, name)[1]), name
    copy.remove_graph(copy.graphs()[0])
    assert len(copy) < len(store)
