"""Every export format parses back into the same graphs; the VoID/DCAT description states true counts."""

import pytest
import rdflib
from rdflib.compare import isomorphic

from jbzgraph.export import FORMATS, export_all
from jbzgraph.pipeline import build
from jbzgraph.store import open_store
from tests.helpers import LETTERS

VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
PARSE = {"ttl": "turtle", "nt": "nt", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("store"))
    assert build([LETTERS / "2025-12-17_verslag-jbz-raad.txt"], store).failed == []
    files = export_all(store, tmp_path_factory.mktemp("export"), endpoint="http://127.0.0.1:8890/sparql")
    reference = rdflib.Dataset()
    reference.parse(files["nq"], format="nquads")
    return store, files, reference


def _graphs(ds: rdflib.Dataset) -> dict[str, rdflib.Graph]:
    out = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        out.setdefault(str(g), rdflib.Graph()).add((s, p, o))
    return out


@pytest.mark.parametrize("fmt", ["trig", "jsonld"])
def test_export_with_named_graphs_round_trips_graph_by_graph(exported, fmt):
    store, files, reference = exported
    back = rdflib.Dataset()
    back.parse(files[fmt], format=PARSE[fmt])
    want, got = _graphs(reference), _graphs(back)
    assert set(got) == set(want) == set(store.graphs())
    for name in want:
        assert isomorphic(want[name], got[name]), name


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_export_of_the_union_round_trips(exported, fmt):
    _, files, reference = exported
    union = rdflib.Graph()
    for s, p, o, _ in reference.quads((None, None, None, None)):
        union.add((s, p, o))
    back = rdflib.Graph().parse(files[fmt], format=PARSE[fmt])
    assert isomorphic(union, back)


def test_void_description_states_true_counts(exported):
    store, files, reference = exported
    void = rdflib.Graph().parse(files["void"], format="turtle")
    dataset = rdflib.URIRef("https://w3id.org/jbzgraph/id/dataset")
    distinct = {(s, p, o) for s, p, o, _ in reference.quads((None, None, None, None))}
    assert int(void.value(dataset, VOID.triples)) == len(distinct)
    assert str(void.value(dataset, VOID.sparqlEndpoint)) == "http://127.0.0.1:8890/sparql"
    subsets = {str(void.value(s, rdflib.namespace.DCTERMS.identifier)): int(void.value(s, VOID.triples))
               for s in void.objects(dataset, VOID.subset)}
    assert subsets == {g: store.graph_size(g) for g in store.graphs()}
    positions = next(p for p in void.objects(dataset, VOID.classPartition)
                     if str(void.value(p, VOID["class"])).endswith("#Position"))
    position = rdflib.URIRef("https://w3id.org/jbzgraph/ontology#Position")
    assert int(void.value(positions, VOID.entities)) == len({s for s, p, o in distinct
                                                              if p == rdflib.RDF.type and o == position})
    media = {str(void.value(d, DCAT.mediaType)) for d in void.objects(dataset, DCAT.distribution)}
    assert len(media) == len(FORMATS)
    assert len(list(void.objects(dataset, rdflib.namespace.DCTERMS.source))) == 1


def test_jsonld_export_uses_the_project_context(exported):
    _, files, _ = exported
    text = files["jsonld"].read_text(encoding="utf-8")
    assert '"@context"' in text and '"jbz": "https://w3id.org/jbzgraph/ontology#"' in text
    assert files["context"].read_text(encoding="utf-8").startswith("{")
