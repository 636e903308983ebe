"""Query parameters: binding a declared variable gives exactly the rows that filtering the
unbound query on that column gives, for every parameter of every library query; a value
reaches the query text only as an escaped constant in its slots."""

import pytest

from jbzgraph.errors import QueryError
from jbzgraph.pipeline import build
from jbzgraph.query import bound_query, list_queries, load_query, parameters, run_query
from jbzgraph.query.library import SLOT_RE
from jbzgraph.store import open_store
from tests.helpers import LETTERS


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("store"))
    assert build([LETTERS], s).failed == []
    return s


CASES = [(name, p) for name in list_queries() for p in parameters(load_query(name))]


def test_every_per_letter_query_declares_source(store):
    for name in list_queries():
        if "source" in run_query(store, name)[0]:
            assert "source" in {p.name for p in parameters(load_query(name))}, name


@pytest.mark.parametrize(("name", "parameter"), CASES, ids=[f"{n}-{p.name}" for n, p in CASES])
def test_a_bound_parameter_selects_the_rows_with_that_value(store, name, parameter):
    columns, rows = run_query(store, name)
    at = columns.index(parameter.name)
    values = sorted({r[at] for r in rows if r[at]})
    assert values, f"{name}: no {parameter.name} values in the bundled letters"
    for value in values[:: max(1, len(values) // 3)]:  # a few values, spread over the range
        _, bound = run_query(store, name, {parameter.name: value})
        expected = [r for r in rows if r[at] == value]
        assert sorted(bound) == sorted(expected), (name, parameter.name, value)


def test_an_iri_parameter_takes_a_kb_key_in_any_case(store):
    _, by_key = run_query(store, "positions", {"target": "EBSP"})
    _, by_iri = run_query(store, "positions", {"target": "https://w3id.org/jbzgraph/id/instrument/ebsp"})
    assert by_key == by_iri and by_key


@pytest.mark.parametrize(("given", "message"), [
    ({"holdr": "NLD"}, "unknown parameter 'holdr'; positions takes: source, holder, target, stance"),
    ({"target": "NOPE"}, "target='NOPE' is neither an IRI nor a KB key"),
])
def test_a_wrong_parameter_is_one_clear_error(store, given, message):
    with pytest.raises(QueryError, match=message):
        run_query(store, "positions", given)


@pytest.mark.parametrize("name", list_queries())
def test_every_parameter_has_a_slot_and_every_slot_is_a_parameter(name):
    sparql = load_query(name)
    assert {p.name for p in parameters(sparql)} == {m.group(2) for m in SLOT_RE.finditer(sparql)}, name
    assert bound_query(name, sparql, {}) == sparql, "unbound, a query is its file as written"


def test_a_given_value_is_a_constant_in_the_query_text_and_cannot_break_out(store):
    hostile = 'x" } } DELETE WHERE { ?s ?p ?o } #'
    text = bound_query("positions", load_query("positions"), {"source": hostile, "holder": "NLD"})
    assert 'VALUES ?source { "x\\" } } DELETE WHERE { ?s ?p ?o } #" }' in text
    assert 'VALUES ?holder { "NLD" }' in text and "VALUES ?target" not in text and "# slot ?target" in text
    before = len(store)
    assert run_query(store, "positions", {"source": hostile}) == (run_query(store, "positions")[0], [])
    assert len(store) == before


def test_a_declared_parameter_without_a_slot_is_refused():
    sparql = "# Parameters: source (literal: the letter).\nSELECT ?source WHERE { ?l <urn:x:source> ?source }\n"
    with pytest.raises(QueryError, match=r"parameter 'source' has no slot line '# slot \?source'"):
        bound_query("broken", sparql, {})
