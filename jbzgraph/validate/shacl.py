"""Check letter graphs against ``ontology/shapes.ttl`` with pySHACL.

The letter graph is validated together with the ontology and the KB, because a shape
such as "the holder is a jbz:Country" is answered by the KB's types and the ontology's
subclass axioms, not by the letter graph alone.
"""

from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
from pyshacl import validate
from rdflib import RDFS, Graph, Namespace, URIRef

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
def _vocabulary() -> tuple[Graph, dict[str, list]]:
    """The ontology's class hierarchy, and the description of every ontology/KB term."""
    g = Graph().parse(ONTOLOGY_FILE)
    for f in sorted(KB_DIR.glob("*.ttl")):
        g.parse(f)
    hierarchy = Graph()
    for t in g.triples((None, RDFS.subClassOf, None)):
        hierarchy.add(t)
    described: dict[str, list] = {}
    for t in g:
        described.setdefault(str(t[0]), []).append(t)
    return hierarchy, described


def to_graph(quads: list[ox.Quad]) -> Graph:
    """The quads' triples, with the class hierarchy and the KB entities they name: what the
    shapes need (``sh:class``), and not the whole KB, whose entities would otherwise all be
    validated again with every letter."""
    hierarchy, described = _vocabulary()
    body = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                        format=ox.RdfFormat.N_TRIPLES).decode()
    g = Graph()
    g.parse(data=body, format="nt")
    for t in hierarchy:
        g.add(t)
    named = {q.object.value for q in quads if isinstance(q.object, ox.NamedNode)}
    named |= {q.subject.value for q in quads if isinstance(q.subject, ox.NamedNode)}
    for iri in named:
        for t in described.get(iri, ()):
            g.add(t)
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
