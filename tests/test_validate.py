"""SHACL shapes catch broken letter graphs; the ASK invariants hold on a built store."""

import pyoxigraph as ox
import pytest

from jbzgraph.namespace import JBZ, JBZID
from jbzgraph.validate.shacl import check_quads
from tests.helpers import LETTERS, processed

G = ox.NamedNode(f"{JBZID}graph-under-test")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def q(s, p, o):
    return ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)), o if not isinstance(o, str) else ox.NamedNode(o), G)


@pytest.fixture(scope="module")
def report_quads():
    return processed("2025-12-17_verslag-jbz-raad.txt").quads


def test_shacl_accepts_a_built_letter(report_quads):
    assert check_quads(report_quads) == []


def test_shacl_reports_a_position_without_holder_and_a_non_country_member(report_quads):
    positions = {x.subject for x in report_quads if x.predicate.value == str(JBZ.holder)}
    victim = sorted(positions, key=lambda t: t.value)[0]
    broken = [x for x in report_quads if not (x.subject == victim and x.predicate.value == str(JBZ.holder))]
    membership = next(x.subject for x in report_quads if x.predicate.value == str(JBZ.member))
    broken.append(q(membership.value, JBZ.member, f"{JBZID}org/COM"))
    found = check_quads(broken)
    assert any(v.focus == f"<{victim.value}>" and v.path.endswith("#holder>") for v in found)
    assert any(v.focus == f"<{membership.value}>" and v.path.endswith("#member>") for v in found)


def test_shacl_reports_a_bad_date_datatype(report_quads):
    letter = next(x.subject for x in report_quads if x.predicate.value == str(JBZ.source))
    bad = [x for x in report_quads if x.predicate.value != "http://purl.org/dc/terms/date" or x.subject != letter]
    bad.append(ox.Quad(letter, ox.NamedNode("http://purl.org/dc/terms/date"), ox.Literal("17-12-2025"), G))
    found = check_quads(bad)
    assert [v.path for v in found] == ["<http://purl.org/dc/terms/date>"]


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
