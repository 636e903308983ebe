"""The ontology parses, names every term the package uses, and HermiT finds it consistent."""

import shutil
import subprocess
import sys

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal

from jbzgraph.validate import reasoner as reasoning
from jbzgraph.namespace import JBZ
from jbzgraph.paths import KB_DIR, ONTOLOGY_FILE, ROOT


def test_namespace_module_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_namespace.py"), "--check"])
    assert result.returncode == 0, "jbzgraph/namespace.py is stale: run python scripts/gen_namespace.py"


def test_namespace_rejects_terms_the_ontology_lacks():
    assert str(JBZ.Position) == "https://w3id.org/jbzgraph/ontology#Position"
    with pytest.raises(AttributeError):
        JBZ.Posit1on


def test_every_class_and_property_has_english_and_dutch_labels():
    g = Graph().parse(ONTOLOGY_FILE)
    ns = str(JBZ._NS)
    terms = {s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) for s in g.subjects(RDF.type, t)
             if str(s).startswith(ns)}
    assert len(terms) > 60
    for term in terms:
        langs = {o.language for o in g.objects(term, RDFS.label) if isinstance(o, Literal)}
        assert {"en", "nl"} <= langs, term


@pytest.mark.reasoner
@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java (make test installs it)")
def test_hermit_finds_ontology_and_kb_consistent_and_infers_superclasses():
    report = reasoning.check()
    assert report.consistent and report.inconsistent_classes == []
    nld = "http://publications.europa.eu/resource/authority/country/NLD"
    assert str(JBZ.Country) in report.inferred[nld]


@pytest.mark.reasoner
@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java (make test installs it)")
def test_hermit_reports_a_kb_that_breaks_a_disjointness_axiom(tmp_path):
    for f in KB_DIR.glob("*.ttl"):
        (tmp_path / f.name).write_text(f.read_text())
    (tmp_path / "broken.ttl").write_text(
        "<http://publications.europa.eu/resource/authority/country/NLD> a "
        "<https://w3id.org/jbzgraph/ontology#ThirdCountry> .\n")
    assert not reasoning.check(kb_dir=tmp_path).consistent


def test_ontology_documentation_page_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_ontology_docs.py"), "--check"])
    assert result.returncode == 0, "docs/ontology.html is stale: run python scripts/gen_ontology_docs.py"
    page = (ROOT / "docs" / "ontology.html").read_text(encoding="utf-8")
    assert "<tr id='Position'>" in page and "positie" in page and "<script" not in page
