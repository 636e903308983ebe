"""Publishing to a real Virtuoso on loopback: same rows as the embedded store, no stale
triples after a republish, a clear error and nothing lost when the server is down."""

import json
import os
import shutil
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from jbzgraph.errors import StoreError
from jbzgraph.pipeline import build
from jbzgraph.publish import RemoteStore, publish
from jbzgraph.query import list_queries, run_query
from jbzgraph.store import open_store
from tests import virtuoso
from tests.helpers import LETTERS

REQUIRED = os.environ.get("JBZGRAPH_REQUIRE_VIRTUOSO") == "1"
pytestmark = [
    pytest.mark.virtuoso,
    pytest.mark.skipif(not virtuoso.available() and not REQUIRED,
                       reason="Virtuoso is not installed (make test installs it)"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory, monkeypatch_module):
    folder = tmp_path_factory.mktemp("virtuoso")
    running = virtuoso.start(folder)
    monkeypatch_module.setenv("JBZGRAPH_SPARQL_USER", virtuoso.USER)
    monkeypatch_module.setenv("JBZGRAPH_SPARQL_PASSWORD", virtuoso.PASSWORD)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("store"))
    assert build([LETTERS], store).failed == []
    return store


def test_publish_answers_every_library_query_with_the_same_rows(server, local):
    report = publish(local, server.endpoint)
    assert set(report.graphs) == set(local.graphs())
    assert all(report.graphs[g] == local.graph_size(g) for g in report.graphs)
    remote = RemoteStore(server.endpoint)
    for name in list_queries():
        here_cols, here = run_query(local, name)
        there_cols, there = run_query(remote, name)
        assert here_cols == there_cols, name
        assert sorted(map(tuple, here)) == sorted(map(tuple, there)), name


def test_republishing_a_changed_letter_leaves_no_stale_triples(server, local, tmp_path):
    store = open_store(tmp_path / "s")
    original = (LETTERS / "2026_geannoteerde-agenda-maart.txt").read_text(encoding="utf-8")
    letter = tmp_path / "2026_geannoteerde-agenda-maart.txt"
    letter.write_text(original, encoding="utf-8")
    build([letter], store)
    publish(store, server.endpoint)
    changed = original.replace("kabinet \nverwelkomt de strategie en steunt", "kabinet \nwijst de strategie af en steunt")
    assert changed != original
    letter.write_text(changed, encoding="utf-8")
    build([letter], store)
    (graph,) = [g for g in store.graphs() if "/graph/letter/" in g]
    publish(store, server.endpoint, graphs=[graph])
    remote = RemoteStore(server.endpoint)
    _, rows = remote.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert int(rows[0]["n"].value) == store.graph_size(graph)
    _, stances = run_query(remote, "positions")
    quotes = [r[6] for r in stances if r[0] == letter.name]
    assert any("wijst de strategie af" in q for q in quotes)
    assert not any("verwelkomt de strategie" in q for q in quotes)


def test_publishing_to_a_server_that_is_down_fails_clearly_and_keeps_the_store(local, monkeypatch):
    monkeypatch.setattr("jbzgraph.publish.graph_store.BACKOFF_SECONDS", 0.01)
    size = len(local)
    with pytest.raises(StoreError, match="cannot reach the server"):
        publish(local, "http://127.0.0.1:9/sparql")
    assert len(local) == size


def test_wrong_credentials_are_refused_without_echoing_them(server, local, monkeypatch):
    monkeypatch.setenv("JBZGRAPH_SPARQL_PASSWORD", "not-the-password")
    with pytest.raises(StoreError) as failure:
        publish(local, server.endpoint, graphs=[local.graphs()[0]])
    assert "HTTP 401" in str(failure.value) and "not-the-password" not in str(failure.value)


def test_isql_is_there_when_virtuoso_is():
    assert shutil.which(virtuoso.ISQL)


def test_a_parameterised_query_gives_the_same_rows_on_the_server(server, local):
    publish(local, server.endpoint)
    remote = RemoteStore(server.endpoint)
    for name, given in (("positions", {"holder": "NLD"}), ("events", {"target": "EBSP"}),
                        ("letters", {"source": "2025-12-17_verslag-jbz-raad.txt"})):
        here = run_query(local, name, given)
        there = run_query(remote, name, given)
        assert here[1], (name, given)
        assert here[0] == there[0] and sorted(map(tuple, here[1])) == sorted(map(tuple, there[1])), (name, given)


def test_every_library_query_asks_the_server_for_sparql_results(tmp_path):
    """Servers answer in the format the Accept header names: a SELECT taken for a DESCRIBE
    (SPARQLWrapper guesses the form from the text) would be sent asking for RDF."""
    accepts = []

    class Endpoint(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            accepts.append(self.headers["Accept"])
            body = json.dumps({"head": {"vars": []}, "results": {"bindings": []}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = HTTPServer(("127.0.0.1", 0), Endpoint)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        remote = RemoteStore(f"http://127.0.0.1:{httpd.server_port}/sparql")
        for name in list_queries():
            run_query(remote, name)
    finally:
        httpd.shutdown()
    assert len(accepts) == len(list_queries())
    assert all(a.startswith("application/sparql-results+json") for a in accepts), accepts
