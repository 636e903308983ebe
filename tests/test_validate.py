"""SHACL shapes catch broken letter graphs, in pySHACL and in the compiled build gate alike;
the ASK invariants hold on a built store."""

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyshacl.errors import ReportableRuntimeError
from rdflib import Graph

from jbzgraph.namespace import JBZ, JBZID
from jbzgraph.validate import compiled, shacl
from jbzgraph.validate.data import vocabulary
from tests.helpers import LETTERS, processed

G = ox.NamedNode(f"{JBZID}graph-under-test")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def q(s, p, o):
    return ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)), o if not isinstance(o, str) else ox.NamedNode(o), G)


@pytest.fixture(scope="module")
def report_quads():
    return processed("2025-12-17_verslag-jbz-raad.txt").quads


@pytest.fixture(params=["pyshacl", "compiled"])
def check_quads(request):
    return {"pyshacl": shacl.check_quads, "compiled": compiled.check_quads}[request.param]


def test_shacl_accepts_a_built_letter(report_quads, check_quads):
    assert check_quads(report_quads) == []


def test_shacl_reports_a_position_without_holder_and_a_non_country_member(report_quads, check_quads):
    positions = {x.subject for x in report_quads if x.predicate.value == str(JBZ.holder)}
    victim = sorted(positions, key=lambda t: t.value)[0]
    broken = [x for x in report_quads if not (x.subject == victim and x.predicate.value == str(JBZ.holder))]
    membership = next(x.subject for x in report_quads if x.predicate.value == str(JBZ.member))
    broken.append(q(membership.value, JBZ.member, f"{JBZID}org/COM"))
    found = check_quads(broken)
    assert any(v.focus == f"<{victim.value}>" and v.path.endswith("#holder>") for v in found)
    assert any(v.focus == f"<{membership.value}>" and v.path.endswith("#member>") for v in found)


@pytest.mark.parametrize("value", [
    ox.Literal("17-12-2025"),  # a string, not a date
    ox.Literal("2025-13-45", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),  # no such day
], ids=["string", "impossible-date"])
def test_shacl_reports_a_bad_date_datatype(report_quads, check_quads, value):
    letter = next(x.subject for x in report_quads if x.predicate.value == str(JBZ.source))
    bad = [x for x in report_quads if x.predicate.value != "http://purl.org/dc/terms/date" or x.subject != letter]
    bad.append(ox.Quad(letter, ox.NamedNode("http://purl.org/dc/terms/date"), value, G))
    found = check_quads(bad)
    assert [v.path for v in found] == ["<http://purl.org/dc/terms/date>"]


XSD = "http://www.w3.org/2001/XMLSchema#"
ODD_OBJECTS = [ox.Literal("x"), ox.Literal(""), ox.Literal("-3", datatype=ox.NamedNode(f"{XSD}integer")),
               ox.Literal("2025-13-45", datatype=ox.NamedNode(f"{XSD}date")), ox.Literal("2", datatype=ox.NamedNode(f"{XSD}decimal")),
               ox.Literal("true", datatype=ox.NamedNode(f"{XSD}boolean")), ox.Literal("motie"), ox.Literal("x", language="nl"),
               ox.NamedNode("http://example.org/x"), ox.NamedNode(f"{JBZID}org/COM"),
               ox.NamedNode("http://publications.europa.eu/resource/authority/country/NLD"), ox.BlankNode("b0")]
EDITS = st.lists(st.tuples(st.sampled_from(["drop", "replace", "add"]), st.integers(0, 10**6),
                           st.sampled_from(ODD_OBJECTS)), min_size=1, max_size=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
def test_compiled_gate_finds_what_pyshacl_finds(report_quads, edits):
    """Break a real letter graph at random (drop a triple, give one a stray object, add a
    second value): both engines name the same (focus node, path) pairs."""
    quads = list(report_quads)
    for kind, at, obj in edits:
        i = at % len(quads)
        old = quads[i]
        if kind == "drop":
            quads.pop(i)
        elif kind == "replace":
            quads[i] = ox.Quad(old.subject, old.predicate, obj, old.graph_name)
        else:
            quads.append(ox.Quad(old.subject, old.predicate, obj, old.graph_name))

    def pairs(found):
        return {(v.focus, v.path) for v in found}

    try:
        expected = pairs(shacl.check_quads(quads))
    except ReportableRuntimeError as exc:
        # pySHACL stops rather than compare a blank node with sh:lessThan; SHACL Core calls
        # a value that cannot be compared a violation, and that is what the gate reports.
        assert "BlankNode" in str(exc)
        assert any(v.path == f"<{JBZ.start}>" for v in compiled.check_quads(quads))
        return
    assert pairs(compiled.check_quads(quads)) == expected


def test_compiled_gate_refuses_a_constraint_it_does_not_implement():
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix jbz: <https://w3id.org/jbzgraph/ontology#> .
        jbz:S a sh:NodeShape ; sh:targetClass jbz:Letter ;
            sh:property [ sh:path jbz:source ; sh:qualifiedMinCount 1 ] .""", format="turtle")
    with pytest.raises(compiled.UnsupportedShape, match="qualifiedMinCount") as refused:
        compiled.compile_shapes(shapes, vocabulary(), Path("extra-shapes.ttl"))
    assert refused.value.path == "extra-shapes.ttl"


def test_validate_store_passes_on_a_built_letter_and_reports_a_broken_one(tmp_path):
    from jbzgraph.pipeline import build
    from jbzgraph.store import open_store
    from jbzgraph.validate import validate_store

    store = open_store(tmp_path / "s")
    report = build([LETTERS / "2026_geannoteerde-agenda-maart.txt"], store)
    assert report.failed == []
    ok = validate_store(store, reasoner=False)
    assert ok.ok and ok.graphs == 1, ok.lines()

    (graph,) = [g for g in store.graphs() if "/graph/letter/" in g]
    holder = next(q for q in store.graph_quads(graph) if q.predicate.value == str(JBZ.holder))
    store.store.remove(holder)
    bad = validate_store(store, reasoner=False)
    assert not bad.ok
    (found,) = bad.violations[graph]
    assert found.focus == f"<{holder.subject.value}>" and "holder" in found.message
    assert bad.lines()[-1] == "NOT valid"
