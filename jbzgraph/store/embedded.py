"""A persistent on-disk pyoxigraph store, one named graph per letter.

A new letter's graph is loaded in one transaction; a letter already in the store is
replaced in one SPARQL update (drop + insert in one transaction). Either way a rebuild
never leaves stale triples and a failure never leaves half a letter.
"""

from pathlib import Path

import pyoxigraph as ox

from jbzgraph.errors import StoreError


# Written data stays in memory (RocksDB memtables) until flushed: measured, a 400-letter
# build held 640 MB without flushing and under 100 MB flushing every ~30k quads. Each flush
# also starts a compaction competing for the cores: a 1000-letter build with two workers
# took 63 s flushing every 30k quads and 53 s every 300k; 250k keeps memory well bounded.
FLUSH_EVERY_QUADS = 250_000

# A batch of writes leaves RocksDB with many small files that every lookup must visit until
# they are compacted. Measured on 10M triples right after a bulk load: the selective library
# queries took 14-119 ms, after a full compaction (21 s) 4-46 ms. After a 1000-letter build
# (1.2M quads): compaction 2.2 s, aggregations 410 -> 300 ms, selective queries unchanged.
# One letter rebuilt in a big store does not pay for rewriting all of it: only a batch this
# large is compacted.
COMPACT_AFTER_QUADS = 1_000_000


def ntriples(quads: list[ox.Quad]) -> bytes:
    """The quads' triples as N-Triples: what a letter graph travels as between processes."""
    return ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES)


class EmbeddedStore:
    def __init__(self, path: Path | str | None, read_only: bool = False):
        """The store at ``path``; with no path, an empty store in memory (see :meth:`in_memory`)."""
        self.path = Path(path) if path is not None else None
        if self.path is None:
            self.store = ox.Store()
            return
        try:
            if read_only:
                if not self.path.exists():
                    raise StoreError(self.path, "no store here; run `jbzgraph build ... --store DIR` first")
                self.store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(self.path, f"cannot open store: {str(exc).splitlines()[0]}") from None

    _unflushed = 0
    _written = 0

    def replace_graph(self, graph: str, quads: list[ox.Quad]) -> None:
        """Atomically make ``graph`` hold exactly the triples of ``quads``."""
        self.load_graph(graph, ntriples(quads))

    def load_graph(self, graph: str, body: bytes) -> None:
        """Atomically make ``graph`` hold exactly the N-Triples ``body``.

        A graph the store does not hold yet (every letter of a first build) is loaded in
        one transaction; a replacement is a SPARQL update that drops and inserts in one
        transaction. Either way a failure leaves the graph as it was.
        """
        name = ox.NamedNode(graph)
        try:
            if self.store.contains_named_graph(name):
                self.store.update(f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n"
                                  f"{body.decode()}\n}} }}")
            else:
                self.store.load(body, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
        except (OSError, SyntaxError) as exc:
            raise StoreError(self.path, f"cannot write graph {graph}: {exc}") from None
        quads = body.count(b"\n")
        self._unflushed += quads
        self._written += quads
        if self._unflushed >= FLUSH_EVERY_QUADS:
            self.flush()

    def remove_graph(self, graph: str) -> None:
        self.store.update(f"DROP SILENT GRAPH <{graph}>")

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs())

    def contains(self, quad: ox.Quad) -> bool:
        return quad in self.store

    def graph_quads(self, graph: str) -> list[ox.Quad]:
        return list(self.store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def graph_size(self, graph: str) -> int:
        return sum(1 for _ in self.store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def __len__(self) -> int:
        return len(self.store)

    def select(self, sparql: str) -> tuple[list[str], list[dict[str, ox.NamedNode | ox.Literal | None]]]:
        """Run a SELECT over the union of all graphs; rows map variable name to term."""
        result = self.store.query(sparql, use_default_graph_as_union=True)
        columns = [v.value for v in result.variables]
        rows = [{c: sol[c] for c in columns} for sol in result]
        return columns, rows

    def ask(self, sparql: str) -> bool:
        return bool(self.store.query(sparql, use_default_graph_as_union=True))

    def dump(self, fmt: ox.RdfFormat, graph: str | None = None) -> bytes:
        if graph:
            return self.store.dump(format=fmt, from_graph=ox.NamedNode(graph))
        return self.store.dump(format=fmt)

    def in_memory(self) -> "EmbeddedStore":
        """A copy of every quad in a store in memory, for whole-graph work in a long session
        (a notebook): writes to it are not kept.

        Each pattern of a query is an index lookup per row, and on disk RocksDB takes
        ~10× longer for one than memory does. Measured on 1M quads: the copy takes 8 s and
        430 MB; the `events` listing takes 1.1 s on disk and 0.4 s in memory, `evidence` 11 s
        and 3 s. A query bound to one letter is fast either way.
        """
        copy = EmbeddedStore(None)
        copy.store.bulk_extend(self.store.quads_for_pattern(None, None, None, None))
        return copy

    def flush(self) -> None:
        self.store.flush()
        self._unflushed = 0

    def compact(self) -> None:
        """Flush, then rewrite the store's many small files into few (see COMPACT_AFTER_QUADS)."""
        self.flush()
        self.store.optimize()

    def finish(self) -> None:
        """End a batch of writes: flush, and compact when the batch was large."""
        if self._written >= COMPACT_AFTER_QUADS:
            self.compact()
        else:
            self.flush()
        self._written = 0


def open_store(path: Path | str, read_only: bool = False) -> EmbeddedStore:
    return EmbeddedStore(path, read_only=read_only)
