"""Check letter graphs against ``ontology/shapes.ttl`` with pySHACL, the reference engine.

``jbzgraph validate`` runs it over the store; the build checks each letter with the same
shapes compiled (:mod:`jbzgraph.validate.compiled`), which the tests hold to this engine.
"""

from functools import lru_cache

import pyoxigraph as ox
from pyshacl import validate
from rdflib import Graph, Namespace, URIRef

from jbzgraph.paths import SHAPES_FILE
from jbzgraph.validate.data import Violation, vocabulary

SH = Namespace("http://www.w3.org/ns/shacl#")


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return Graph().parse(SHAPES_FILE)


def to_graph(quads: list[ox.Quad]) -> Graph:
    """The data graph of :mod:`jbzgraph.validate.data` as an rdflib graph."""
    vocab = vocabulary()
    triples = [*quads, *vocab.hierarchy, *vocab.named_in(quads)]
    body = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in triples],
                        format=ox.RdfFormat.N_TRIPLES).decode()
    return Graph().parse(data=body, format="nt")


def violations(data: Graph) -> list[Violation]:
    conforms, report, _ = validate(data, shacl_graph=_shapes(), inference="none", advanced=True)
    if conforms:
        return []
    found = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        found.append(Violation(_short(focus), _short(path), str(message or "")))
    return sorted(found, key=str)


def check_quads(quads: list[ox.Quad]) -> list[Violation]:
    return violations(to_graph(quads))


def _short(term) -> str:
    if term is None:
        return ""
    text = str(term)
    return f"<{text}>" if isinstance(term, URIRef) else text
