"""The data graph both SHACL engines validate, and the violations they report.

A letter graph is validated together with the ontology's class hierarchy and the KB
descriptions of the entities it names, because a shape such as "the holder is a
jbz:Country" is answered by the KB's types and the subclass axioms; not with the whole KB,
whose entities would otherwise all be validated again with every letter.
"""

from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from jbzgraph.rdf import kb_quads

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus} {self.path}: {self.message}"


@dataclass(frozen=True)
class Vocabulary:
    hierarchy: tuple[ox.Quad, ...]
    superclasses: dict[str, frozenset[str]]
    described: dict[str, tuple[ox.Quad, ...]]

    def named_in(self, quads: list[ox.Quad]) -> list[ox.Quad]:
        """The KB's and ontology's triples about the IRIs ``quads`` name."""
        named = {t.value for q in quads for t in (q.subject, q.object) if isinstance(t, ox.NamedNode)}
        return [d for iri in named for d in self.described.get(iri, ())]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The ontology's subclass axioms and their closure, and every subject's triples."""
    direct: dict[str, set[str]] = {}
    hierarchy = []
    described: dict[str, list[ox.Quad]] = {}
    for q in kb_quads():
        if isinstance(q.subject, ox.NamedNode):
            described.setdefault(q.subject.value, []).append(q)
        if q.predicate.value == SUBCLASS_OF and isinstance(q.object, ox.NamedNode):
            hierarchy.append(q)
            direct.setdefault(q.subject.value, set()).add(q.object.value)
    closure: dict[str, frozenset[str]] = {}

    def up(c: str, seen: frozenset = frozenset()) -> frozenset[str]:
        if c not in closure:
            found = {c}
            for parent in direct.get(c, ()):
                if parent not in seen:
                    found |= up(parent, seen | {c})
            closure[c] = frozenset(found)
        return closure[c]

    for c in direct:
        up(c)
    return Vocabulary(tuple(hierarchy), closure, {k: tuple(v) for k, v in described.items()})
