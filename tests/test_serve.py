"""``jbzgraph serve`` without a browser: the SPARQL 1.1 Protocol (GET, POST form, POST
body), every results and graph format, the errors (400, 403, 404, 406, 415), the timeout,
the row limit, CORS, SPARQLWrapper and ``jbzgraph query --endpoint`` against it, the
library queries giving the same rows as on the store, and readers during a build."""

import csv
import io
import subprocess
import sys
import threading
import time

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from SPARQLWrapper import JSON, SPARQLWrapper
from typer.testing import CliRunner

from jbzgraph.cli import app as cli
from jbzgraph.namespace import JBZ, JBZID
from jbzgraph.publish import RemoteStore
from jbzgraph.query import list_queries, load_query, parameters, run_query
from jbzgraph.serve.app import Settings
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
