"""Check letter graphs against ``ontology/shapes.ttl`` with pySHACL.

The letter graph is validated together with the ontology and the KB, because a shape
such as "the holder is a jbz:Country" is answered by the KB's types and the ontology's
subclass axioms, not by the letter graph alone.
"""

from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
from pyshacl import validate
from rdflib import Graph, Namespace, URIRef

from jbzgraph.paths import KB_DIR, ONTOLOGY_FILE, SHAPES_FILE

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus} {self.path}: {self.message}"


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return Graph().parse(SHAPES_FILE)


@lru_cache(maxsize=1)
def _vocabulary_ntriples() -> str:
    g = Graph().parse(ONTOLOGY_FILE)
    for f in sorted(KB_DIR.glob("*.ttl")):
        g.parse(f)
    return g.serialize(format="nt")


def to_graph(quads: list[ox.Quad]) -> Graph:
    """The quads' triples plus ontology and KB, as one rdflib graph to validate."""
    body = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                        format=ox.RdfFormat.N_TRIPLES).decode()
    g = Graph()
    g.parse(data=_vocabulary_ntriples() + "\n" + body, format="nt")
    return g


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
