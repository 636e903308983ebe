"""``jbzgraph serve`` without a browser: the SPARQL 1.1 Protocol (GET, POST form, POST
body), every results and graph format, the errors (400, 403, 404, 406, 415), the timeout,
the row limit, CORS, SPARQLWrapper and ``jbzgraph query --endpoint`` against it, the
library queries giving the same rows as on the store, and readers during a build."""

import csv
import io
import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from html import escape as html_escape
from html import unescape as html_unescape

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from SPARQLWrapper import JSON, SPARQLWrapper
from typer.testing import CliRunner

from jbzgraph.cli import app as cli
from jbzgraph.kb import load_kb
from jbzgraph.namespace import JBZ, JBZID
from jbzgraph.publish import RemoteStore
from jbzgraph.query import list_queries, load_query, parameters, run_query
from jbzgraph.serve.app import DEFAULT_BASE, Settings
from jbzgraph.serve.server import Background
from jbzgraph.store import open_store
from tests.helpers import LETTERS

COUNT_LETTERS = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?l a <{JBZ.Letter}> }}"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
RESULTS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
           "application/sparql-results+xml": ox.QueryResultsFormat.XML,
           "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV}


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


@pytest.fixture(scope="module")
def local(built_store):
    return open_store(built_store, read_only=True)


def parsed(response) -> list[dict]:
    """The rows of a results document, parsed by pyoxigraph's own results parser (CSV, which
    it does not read, by the csv module), as variable -> lexical value."""
    media = response.headers["content-type"].split(";")[0]
    if media == "text/csv":
        return list(csv.DictReader(io.StringIO(response.text)))
    solutions = ox.parse_query_results(response.content, format=RESULTS[media])
    return [{v.value: s[v].value for v in solutions.variables if s[v] is not None} for s in solutions]


@pytest.mark.parametrize("media", list(RESULTS))
def test_serve_select_answers_in_the_format_accept_asks_for(client, media):
    r = client.get("/sparql", params={"query": COUNT_LETTERS}, headers={"Accept": media})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert parsed(r)[0]["n"] == "5"


@pytest.mark.parametrize(("name", "media"), [("json", "application/sparql-results+json"), ("csv", "text/csv"),
                                             ("tsv", "text/tab-separated-values"),
                                             ("xml", "application/sparql-results+xml")])
def test_serve_format_parameter_overrides_accept(client, name, media):
    r = client.get("/sparql", params={"query": COUNT_LETTERS, "format": name}, headers={"Accept": "text/turtle"})
    assert r.headers["content-type"].startswith(media) and parsed(r)[0]["n"] == "5"


def test_serve_post_form_and_post_body_answer_like_get(client):
    form = client.post("/sparql", data={"query": COUNT_LETTERS})
    body = client.post("/sparql", content=COUNT_LETTERS, headers={"Content-Type": "application/sparql-query"})
    get = client.get("/sparql", params={"query": COUNT_LETTERS})
    assert form.json() == body.json() == get.json()


def test_serve_ask_and_named_graphs(client, local):
    graph = next(g for g in local.graphs() if "/letter/" in g)
    ask = client.get("/sparql", params={"query": f"ASK {{ ?l a <{JBZ.Letter}> }}", "default-graph-uri": graph})
    assert ask.json()["boolean"] is True
    empty = client.get("/sparql", params={"query": f"ASK {{ ?l a <{JBZ.Letter}> }}",
                                          "default-graph-uri": "https://example.org/no-such-graph"})
    assert empty.json()["boolean"] is False


@pytest.mark.parametrize(("accept", "rdflib_format"), [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                                       ("application/ld+json", "json-ld")])
def test_serve_construct_answers_as_rdf(client, accept, rdflib_format):
    query = f"CONSTRUCT {{ ?l a <{JBZ.Letter}> ; <{JBZ.source}> ?s }} WHERE {{ ?l a <{JBZ.Letter}> ; <{JBZ.source}> ?s }}"
    r = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    graph = rdflib.Graph().parse(data=r.text, format=rdflib_format)
    assert len(set(graph.subjects(rdflib.RDF.type, rdflib.URIRef(JBZ.Letter)))) == 5


def test_serve_malformed_query_is_400_with_the_parsers_message(client):
    r = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert r.status_code == 400 and r.text.startswith("malformed SPARQL: error at 1:")


@pytest.mark.parametrize(("request_", "status"), [
    ({"method": "POST", "url": "/sparql", "data": {"update": "INSERT DATA { <http://a> <http://b> <http://c> }"}}, 403),
    ({"method": "POST", "url": "/sparql", "content": "CLEAR ALL", "headers": {"Content-Type": "application/sparql-update"}}, 403),
    ({"method": "POST", "url": "/sparql", "content": "x", "headers": {"Content-Type": "text/plain"}}, 415),
    ({"method": "GET", "url": "/sparql", "params": {"query": COUNT_LETTERS}, "headers": {"Accept": "image/png"}}, 406),
    ({"method": "GET", "url": "/sparql", "params": {"query": COUNT_LETTERS, "format": "png"}}, 400),
    ({"method": "GET", "url": "/sparql"}, 400),
    ({"method": "GET", "url": "/sparql", "params": {"query": "SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"}}, 400),
])
def test_serve_refuses_what_it_should_with_one_line(client, request_, status):
    r = client.request(**request_)
    assert r.status_code == status and r.text.count("\n") == 1 and len(r.text) > 20, r.text


def test_serve_a_slow_query_is_cut_at_the_timeout_and_the_server_goes_on(client):
    started = time.monotonic()
    r = client.get("/sparql", params={"query": SLOW})
    assert r.status_code == 503 and "query cut after 2 s" in r.text
    assert time.monotonic() - started < 5
    for _ in range(3):  # the killed worker is replaced; the other answers meanwhile
        assert client.get("/sparql", params={"query": COUNT_LETTERS}).status_code == 200


def test_serve_a_huge_result_is_limited_and_says_so(client):
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 200 and r.headers["X-Jbzgraph-Limit"] == "5000"
    assert len(r.json()["results"]["bindings"]) == 5000
    small = client.get("/sparql", params={"query": COUNT_LETTERS})
    assert "X-Jbzgraph-Limit" not in small.headers


def test_serve_cors_lets_a_notebook_in_a_browser_read_results(client):
    r = client.get("/sparql", params={"query": COUNT_LETTERS}, headers={"Origin": "http://localhost:8888"})
    assert r.headers["access-control-allow-origin"] == "*"
    pre = client.options("/sparql", headers={"Origin": "http://localhost:8888", "Access-Control-Request-Method": "POST",
                                             "Access-Control-Request-Headers": "content-type"})
    assert pre.status_code == 200 and "POST" in pre.headers["access-control-allow-methods"]
    limited = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"Origin": "http://x"})
    assert "X-Jbzgraph-Limit" in limited.headers["access-control-expose-headers"]


def test_serve_sparqlwrapper_reads_the_endpoint(server):
    w = SPARQLWrapper(f"{server.url}/sparql")
    w.setQuery(COUNT_LETTERS)
    w.setReturnFormat(JSON)
    assert w.queryAndConvert()["results"]["bindings"][0]["n"]["value"] == "5"


def _values(local, name: str) -> list[dict]:
    """The query unbound, and bound to one value of each parameter it declares."""
    cases = [{}]
    columns, rows = run_query(local, name)
    for p in parameters(load_query(name)):
        values = sorted({r[columns.index(p.name)] for r in rows if r[columns.index(p.name)]})
        if values:
            cases.append({p.name: values[len(values) // 2]})
    return cases


@pytest.mark.parametrize("name", list_queries())
def test_serve_library_queries_give_the_rows_the_store_gives(server, local, name):
    remote = RemoteStore(f"{server.url}/sparql")
    for given in _values(local, name):
        here, there = run_query(local, name, given), run_query(remote, name, given)
        assert here[0] == there[0]
        assert sorted(map(tuple, here[1])) == sorted(map(tuple, there[1])), (name, given)


def test_serve_library_route_binds_parameters(client, local):
    r = client.get("/library/positions", params={"holder": "NLD", "format": "csv"})
    assert r.status_code == 200
    expected = run_query(local, "positions", {"holder": "NLD"})[1]
    assert len(r.text.strip().splitlines()) == len(expected) + 1 and expected
    assert client.get("/library/positions", params={"nope": "x"}).status_code == 400
    assert client.get("/library/nope").status_code == 404
    injected = client.get("/library/positions", params={"holder": 'NLD" } ?x ?y ?z . { "'})
    assert injected.status_code == 200 and len(injected.text.strip().splitlines()) == 1


def test_serve_jbzgraph_query_endpoint_reads_it(server, local):
    result = CliRunner().invoke(cli, ["query", "letters", "--endpoint", f"{server.url}/sparql", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert len(result.output.strip().splitlines()) == 1 + 5


def _a_position(client) -> str:
    query = f"SELECT ?p WHERE {{ ?p a <{JBZ.Position}> ; <{JBZ.holder}> <{JBZID}org/MULTIPLE> }} ORDER BY ?p LIMIT 1"
    return client.get("/sparql", params={"query": query}).json()["results"]["bindings"][0]["p"]["value"]


def test_serve_a_position_page_quotes_its_sentence_and_links_to_the_span_in_its_letter(client):
    position = _a_position(client)
    r = client.get(position.removeprefix(DEFAULT_BASE.removesuffix("/")), headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    quote = client.get("/sparql", params={"query": f"SELECT ?q WHERE {{ <{position}> <{JBZ.evidence}>/<{JBZ.quote}> ?q }}"}
                       ).json()["results"]["bindings"][0]["q"]["value"]
    assert html_escape(quote, quote=False) in r.text
    link = re.search(r'class="to-letter" href="([^"]+)"', r.text).group(1)
    span = link.split("#span-")[1]
    letter = client.get(link)
    assert letter.status_code == 200
    marked = re.search(rf'<a id="span-{span}"></a><mark class="focus[^"]*"[^>]*>([^<]*)</mark>', letter.text)
    assert marked and quote.startswith(html_unescape(marked.group(1)))


def test_serve_a_letter_page_shows_its_text_and_lists_its_statements(client, local):
    r = client.get("/id/letter/2025-12-17-verslag-jbz-raad-txt")
    assert r.status_code == 200 and 'class="letter-text"' in r.text
    count = local.select(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s <{JBZ.inLetter}> ?l ; <{JBZ.evidence}> ?e . "
                         f"?l <{JBZ.source}> '2025-12-17_verslag-jbz-raad.txt' }}")[1][0]["n"].value
    assert f"Statements ({count})" in r.text and r.text.count("<mark") > 10


@pytest.mark.parametrize(("accept", "rdflib_format"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                                       ("application/n-triples", "nt")])
def test_serve_a_resource_negotiates_rdf(client, accept, rdflib_format):
    position = _a_position(client)
    r = client.get(position.removeprefix(DEFAULT_BASE.removesuffix("/")), headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept) and "Accept" in r.headers["vary"]
    graph = rdflib.Graph().parse(data=r.text, format=rdflib_format)
    assert (rdflib.URIRef(position), rdflib.RDF.type, rdflib.URIRef(JBZ.Position)) in graph
    if rdflib_format == "json-ld":
        assert json.loads(r.text)["@context"]["jbz"] == str(JBZ._NS)


def test_serve_any_iri_of_the_store_has_a_page_and_an_unknown_one_is_404(client):
    country = next(e.iri for e in load_kb().entities.values() if e.key == "NLD")
    page = client.get("/resource", params={"iri": country})
    assert page.status_code == 200 and "<h1>Nederland</h1>" in page.text and "Netherlands" in page.text
    assert client.get("/id/instrument/no-such-thing").status_code == 404
    assert client.get("/id/instrument/no-such-thing", headers={"Accept": "text/turtle"}).status_code == 404
    assert client.get("/resource", params={"iri": "not an iri"}).status_code == 400


@pytest.fixture()
def copied_store(built_store, tmp_path):
    target = tmp_path / "store"
    shutil.copytree(built_store, target)
    return target


def test_serve_updates_only_with_allow_update_and_a_letter_page_without_its_text(copied_store):
    running = Background(Settings(store=copied_store, allow_update=True, timeout=5))
    try:
        with httpx.Client(base_url=running.url, timeout=30) as c:
            insert = "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> <https://example.org/p> 1 } }"
            assert c.post("/sparql", data={"update": insert}).status_code == 204
            ask = {"query": "ASK { <https://example.org/a> ?p ?o }"}
            deadline = time.monotonic() + 5
            while not c.get("/sparql", params=ask).json()["boolean"]:  # readers reopen the store
                assert time.monotonic() < deadline
                time.sleep(0.1)
            letter = c.get("/id/letter/2025-12-17-verslag-jbz-raad-txt")
            assert "text is not in the store" in letter.text and "--letters" in letter.text
    finally:
        running.stop()


def test_serve_readers_during_a_build_see_whole_letters_only(built_store, tmp_path):
    """A build writes letters into the store the server's workers read (they are other
    processes, as with `jbzgraph build` beside `jbzgraph serve`); every reader sees each
    letter graph with all its quads or not at all."""
    from jbzgraph.pipeline import build

    done = open_store(built_store, read_only=True)
    expected = {g: done.graph_size(g) for g in done.graphs()}
    path = tmp_path / "store"
    first = sorted(LETTERS.iterdir())[0]
    store = open_store(path)
    assert build([first], store).failed == []
    counts = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    running = Background(Settings(store=path, timeout=10))
    seen: list[dict[str, int]] = []
    writer = threading.Thread(target=lambda: build([LETTERS], store, validate=False))

    def read() -> None:
        with httpx.Client(base_url=running.url, timeout=30) as c:
            while writer.is_alive():
                rows = c.get("/sparql", params={"query": counts}).json()["results"]["bindings"]
                seen.append({r["g"]["value"]: int(r["n"]["value"]) for r in rows})
            time.sleep(1.0)  # past the workers' refresh
            rows = c.get("/sparql", params={"query": counts}).json()["results"]["bindings"]
            seen.append({r["g"]["value"]: int(r["n"]["value"]) for r in rows})

    try:
        readers = [threading.Thread(target=read) for _ in range(8)]
        writer.start()
        for t in readers:
            t.start()
        for t in readers + [writer]:
            t.join()
    finally:
        running.stop()
    assert len(seen) > 20
    for observed in seen:
        for graph, n in observed.items():
            assert n == expected[graph], (graph, n, expected[graph])
    letters = [sum("/letter/" in g for g in observed) for observed in seen]
    assert min(letters) == 1 and letters[-1] == 5


def test_serve_command_starts_a_server_and_refuses_a_missing_store(built_store, tmp_path):
    missing = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "nothing")])
    assert missing.exit_code == 2 and "no store here" in missing.output and missing.output.count("\n") == 1
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "jbzgraph.cli", "serve", "--store", str(built_store),
                                "--port", str(port), "--log-level", "warning"])
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": COUNT_LETTERS}, timeout=10)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.2)
        assert r.json()["results"]["bindings"][0]["n"]["value"] == "5"
    finally:
        process.terminate()  # uvicorn shuts down gracefully, then dies of the signal it caught
        assert process.wait(timeout=30) in (0, -signal.SIGTERM)
