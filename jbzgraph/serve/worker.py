"""A query worker: a process of its own that opens the store and answers one job at a time.

pyoxigraph cannot cancel a query, so each query runs in a process the server can kill when
it outlives the timeout (see :mod:`jbzgraph.serve.pool`). A job and its answer travel as
JSON (and the answer's body as bytes) over two pipes.

A reader opens the store read-only and reopens it when the store's files changed (at most
every ``REFRESH`` seconds), so letters a concurrent ``jbzgraph build`` writes show up. A
read-only open reads the store as it was at that moment: each letter is written in one
transaction (one atomic RocksDB write batch), so a reader sees a letter whole or not at
all. pyoxigraph calls a read-only open during another process's writes "undefined
behaviour"; what can happen is that the writer compacts away a file this reader had not
opened yet, which RocksDB reports as an I/O error: the worker then reopens and runs the job
again once. Files of RocksDB are never rewritten in place, so a read sees old or new data,
never a mix within a file.
"""

import argparse
import json
import os
import sys
import time
from multiprocessing.connection import Connection

import pyoxigraph as ox

from jbzgraph.serve.results import GRAPH_TYPES, ask_body, binding, graph_body, select_body

REFRESH = 0.5  # seconds between reopenings while the store changes
OPEN_ATTEMPTS = 3  # read-only opens tried before a worker reports it cannot open the store


class StoreView:
    """The store as this worker sees it: reopened after another process wrote to it."""

    def __init__(self, path: str, writable: bool):
        self.path = path
        self.writable = writable
        self.open()

    def _signature(self) -> tuple:
        entries = list(os.scandir(self.path))
        return len(entries), max((e.stat().st_mtime_ns for e in entries), default=0)

    def open(self) -> None:
        if self.writable:
            self.store = ox.Store(self.path)
        else:
            # a file another process removes while this one opens is an I/O error: try again
            for attempt in range(OPEN_ATTEMPTS):
                try:
                    self.store = ox.Store.read_only(self.path)
                    break
                except OSError:
                    if attempt == OPEN_ATTEMPTS - 1:
                        raise
                    time.sleep(REFRESH / 5)
        self.opened = time.monotonic()
        self.seen = self._signature()

    def current(self) -> ox.Store:
        if not self.writable and time.monotonic() - self.opened >= REFRESH and self._signature() != self.seen:
            self.open()
        return self.store


def _dataset(job: dict) -> dict:
    """The protocol's default-graph-uri / named-graph-uri, else the union of all graphs."""
    options: dict = {"use_default_graph_as_union": not job.get("default_graphs")}
    if job.get("default_graphs"):
        options["default_graph"] = [ox.NamedNode(g) for g in job["default_graphs"]]
    if job.get("named_graphs"):
        options["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"]]
    return options


def run_query(store: ox.Store, job: dict) -> tuple[dict, bytes]:
    """A query's answer in the media type chosen for its form, cut after ``limit`` rows."""
    result = store.query(job["query"], **_dataset(job))
    limit = job["limit"]
    if isinstance(result, ox.QueryBoolean):
        media = job["results_type"]
        if media is None:
            return {"status": 406, "message": "ASK answers as SPARQL results (JSON, XML, CSV, TSV)"}, b""
        return {"status": 200, "type": media, "form": "ASK"}, ask_body(bool(result), media)
    if isinstance(result, ox.QuerySolutions):
        media = job["results_type"]
        if media is None:
            return {"status": 406, "message": "SELECT answers as SPARQL results (JSON, XML, CSV, TSV)"}, b""
        variables = [v.value for v in result.variables]
        rows = []
        for solution in result:
            if len(rows) == limit:
                return ({"status": 200, "type": media, "form": "SELECT", "rows": limit, "truncated": True},
                        select_body(variables, rows, media))
            rows.append([solution[v] for v in variables])
        return ({"status": 200, "type": media, "form": "SELECT", "rows": len(rows), "truncated": False},
                select_body(variables, rows, media))
    media = job["graph_type"]
    if media is None:
        return {"status": 406, "message": "CONSTRUCT and DESCRIBE answer as Turtle, N-Triples or JSON-LD"}, b""
    triples, truncated = [], False
    for triple in result:
        if len(triples) == limit:
            truncated = True
            break
        triples.append(triple)
    return ({"status": 200, "type": media, "form": "GRAPH", "rows": len(triples), "truncated": truncated},
            _graph(triples, media))


def _graph(triples: list[ox.Triple], media: str) -> bytes:
    from jbzgraph.export import context, prefixes

    return graph_body(triples, media, prefixes(), context() if media == GRAPH_TYPES["jsonld"] else None)


def _select(store: ox.Store, sparql: str) -> list[dict]:
    result = store.query(sparql, use_default_graph_as_union=True)
    variables = [v.value for v in result.variables]
    return [{v: binding(s[v]) for v in variables if s[v] is not None} for s in result]


def describe(store: ox.Store, job: dict) -> tuple[dict, bytes]:
    """What a resource page shows, as lists of SPARQL JSON bindings; 404 for an IRI the
    store does not hold. The queries are in :mod:`jbzgraph.serve.describe`."""
    parts = {name: _select(store, sparql) for name, sparql in job["queries"].items()}
    if not parts["outgoing"] and not parts["incoming"]:
        return {"status": 404, "message": f"<{job['iri']}> is not in the store"}, b""
    return {"status": 200, "type": "application/json"}, json.dumps(parts, ensure_ascii=False).encode()


def resource_rdf(store: ox.Store, job: dict) -> tuple[dict, bytes]:
    """A resource's triples (as subject, then as object, each up to the limit) in an RDF format."""
    iri = ox.NamedNode(job["iri"])
    limit = job["limit"]
    seen: dict[ox.Triple, None] = {}
    truncated = False
    for pattern in ((iri, None, None), (None, None, iri)):
        for n, quad in enumerate(store.quads_for_pattern(*pattern, None)):
            if n == limit:
                truncated = True
                break
            seen.setdefault(ox.Triple(quad.subject, quad.predicate, quad.object))
    if not seen:
        return {"status": 404, "message": f"<{iri.value}> is not in the store"}, b""
    return ({"status": 200, "type": job["graph_type"], "rows": len(seen), "truncated": truncated},
            _graph(list(seen), job["graph_type"]))


def update(store: ox.Store, job: dict) -> tuple[dict, bytes]:
    store.update(job["update"])
    return {"status": 204}, b""


OPERATIONS = {"query": run_query, "describe": describe, "rdf": resource_rdf, "update": update}


def answer(view: StoreView, job: dict) -> tuple[dict, bytes]:
    """Run one job; a parse error is the client's (400), an I/O error is retried once on a
    freshly opened store (see the module docstring)."""
    for attempt in (1, 2):
        try:
            return OPERATIONS[job["op"]](view.current(), job)
        except SyntaxError as exc:
            return {"status": 400, "message": f"malformed SPARQL: {exc}"}, b""
        except ValueError as exc:
            return {"status": 400, "message": str(exc)}, b""
        except OSError as exc:
            if attempt == 2:
                return {"status": 500, "message": f"store error: {str(exc).splitlines()[0]}"}, b""
            view.open()
    raise AssertionError("unreachable")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--jobs-fd", type=int, required=True)
    parser.add_argument("--answers-fd", type=int, required=True)
    parser.add_argument("--writable", action="store_true")
    args = parser.parse_args()
    jobs = Connection(args.jobs_fd, writable=False)
    answers = Connection(args.answers_fd, readable=False)
    try:
        view = StoreView(args.store, args.writable)
    except OSError as exc:
        answers.send_bytes(json.dumps({"status": 500, "message": f"cannot open store: {exc}"}).encode())
        sys.exit(1)
    answers.send_bytes(b'{"status": 200, "message": "ready"}')
    while True:
        try:
            job = json.loads(jobs.recv_bytes())
        except EOFError:
            return
        head, body = answer(view, job)
        answers.send_bytes(json.dumps(head).encode())
        answers.send_bytes(body)


if __name__ == "__main__":
    main()
