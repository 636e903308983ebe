"""SHACL shapes catch broken letter graphs; the ASK invariants hold on a built store."""

import pyoxigraph as ox
import pytest

from jbzgraph.namespace import JBZ, JBZID
from jbzgraph.validate.shacl import check_quads
from tests.helpers import processed

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
