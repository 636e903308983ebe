"""The SHACL shapes compiled once into Python checks, so that the build can check every
letter before it is written without paying pySHACL's ~190 ms a letter (5 ms here).

Only the SHACL Core constraint components that ``ontology/shapes.ttl`` uses are compiled,
with their Core semantics; a shape using anything else is refused when compiling, never
skipped. pySHACL stays the reference engine (``jbzgraph validate`` runs it over the whole
store) and the tests hold both engines to the same violations.

The data graph is the one pySHACL gets (:mod:`jbzgraph.validate.data`).
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import BNode, Node

from jbzgraph.errors import JbzError
from jbzgraph.paths import SHAPES_FILE
from jbzgraph.validate.data import RDF_TYPE, Violation, Vocabulary, vocabulary

SH = Namespace("http://www.w3.org/ns/shacl#")
XSD = "http://www.w3.org/2001/XMLSchema#"

# Lexical forms of the datatypes the shapes name: a literal of a datatype must be well formed.
LEXICAL = {
    f"{XSD}integer": re.compile(r"[+-]?[0-9]+"),
    f"{XSD}decimal": re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)"),
    f"{XSD}boolean": re.compile(r"true|false|1|0"),
    f"{XSD}date": re.compile(r"-?[0-9]{4,}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?"),
}
NUMERIC = {f"{XSD}integer", f"{XSD}decimal", f"{XSD}nonNegativeInteger", f"{XSD}int", f"{XSD}long"}

# Shape predicates that validate nothing themselves.
DESCRIPTIVE = {SH.message, SH.name, SH.description, SH.order, SH.group, RDF.type}


class UnsupportedShape(JbzError):
    """A shape uses a constraint this engine does not compile."""


Term = ox.NamedNode | ox.BlankNode | ox.Literal
# Subject (in N-Triples form: pyoxigraph terms hash slowly) → predicate IRI → objects.
Data = dict[str, dict[str, set[Term] | frozenset[Term]]]
# A check takes the data, the focus node and its value nodes, and yields offending values
# (None for a failure of the value set as a whole, as minCount).
Check = Callable[[Data, Term, set[Term]], Iterable[Term | None]]


Described = dict[str, tuple[Term, dict[str, frozenset[Term]]]]


def index_described(vocab: Vocabulary) -> Described:
    """Every ontology/KB subject, indexed once; a letter's data shares these entries."""
    index: dict[str, tuple[Term, dict[str, set[Term]]]] = {}
    for quads in vocab.described.values():
        for s, p, o, _ in quads:
            index.setdefault(str(s), (s, {}))[1].setdefault(p.value, set()).add(o)
    return {k: (t, {p: frozenset(v) for p, v in props.items()}) for k, (t, props) in index.items()}


def data_of(quads: list[ox.Quad], described: Described) -> tuple[Data, dict[str, Term]]:
    """The letter plus the KB entities it names, and each subject's term by its key."""
    data: Data = {}
    nodes: dict[str, Term] = {}
    named = set()
    for s, p, o, _ in quads:
        key = str(s)
        if key not in data:
            data[key] = {}
            nodes[key] = s
        data[key].setdefault(p.value, set()).add(o)
        if isinstance(o, ox.NamedNode):
            named.add(str(o))
    for key in named.union(nodes):
        if key in described:
            term, props = described[key]
            if key in data:
                for p, values in props.items():
                    data[key][p] = data[key].get(p, set()) | values
            else:
                data[key], nodes[key] = props, term
    return data, nodes


def classes_of(data: Data, node: Term, vocab: Vocabulary) -> set[str]:
    found: set[str] = set()
    for t in data.get(str(node), {}).get(RDF_TYPE, ()):
        found |= vocab.superclasses.get(t.value, {t.value})
    return found


# --- value comparison -------------------------------------------------------------------

def _value(term: Term):
    """A literal's comparable value, or None when it has none (IRIs, strings of other types)."""
    if not isinstance(term, ox.Literal):
        return None
    dt = term.datatype.value
    try:
        if dt in NUMERIC:
            return Decimal(term.value)
        if dt == f"{XSD}date":
            return date.fromisoformat(term.value[:10])
    except (InvalidOperation, ValueError):
        return None
    return None


def _comparable(a, b) -> bool:
    return a is not None and b is not None and type(a) is type(b)


# --- the constraint components -----------------------------------------------------------

def _min_count(n: int) -> Check:
    return lambda data, focus, values: [None] if len(values) < n else []


def _max_count(n: int) -> Check:
    return lambda data, focus, values: [None] if len(values) > n else []


def _each(ok: Callable[[Term], bool]) -> Check:
    return lambda data, focus, values: [v for v in values if not ok(v)]


def _datatype(iri: str) -> Check:
    lexical = LEXICAL.get(iri)

    # A well-formed lexical form can still name no value ("2025-13-45"): that is ill-typed too.
    valued = iri in NUMERIC or iri == f"{XSD}date"

    def ok(v):
        return (isinstance(v, ox.Literal) and v.datatype.value == iri and not v.language
                and (lexical is None or lexical.fullmatch(v.value) is not None)
                and (not valued or _value(v) is not None))
    return _each(ok)


def _min_length(n: int) -> Check:
    return _each(lambda v: not isinstance(v, ox.BlankNode) and len(v.value) >= n)


def _max_length(n: int) -> Check:
    return _each(lambda v: not isinstance(v, ox.BlankNode) and len(v.value) <= n)


def _pattern(regex: str) -> Check:
    compiled = re.compile(regex)
    return _each(lambda v: not isinstance(v, ox.BlankNode) and compiled.search(v.value) is not None)


def _node_kind(kind: str) -> Check:
    kinds = {"IRI": (ox.NamedNode,), "BlankNode": (ox.BlankNode,), "Literal": (ox.Literal,),
             "BlankNodeOrIRI": (ox.BlankNode, ox.NamedNode), "IRIOrLiteral": (ox.NamedNode, ox.Literal),
             "BlankNodeOrLiteral": (ox.BlankNode, ox.Literal)}[kind.removeprefix(str(SH))]
    return _each(lambda v: isinstance(v, kinds))


def _in(members: set[Term]) -> Check:
    return _each(lambda v: v in members)


def _bound(limit: Term, ok: Callable[[object, object], bool]) -> Check:
    bound = _value(limit)
    return _each(lambda v: _comparable(_value(v), bound) and ok(_value(v), bound))


def _class(iri: str, vocab: Vocabulary) -> Check:
    def check(data, focus, values):
        return [v for v in values if isinstance(v, ox.Literal) or iri not in classes_of(data, v, vocab)]
    return check


def _pair(other: str, ok: Callable[[object, object], bool]) -> Check:
    def check(data, focus, values):
        others = data.get(str(focus), {}).get(other, set())
        return [v for v in values for w in others
                if not (_comparable(_value(v), _value(w)) and ok(_value(v), _value(w)))]
    return check


def _or(alternatives: list["Shape"]) -> Check:
    def check(data, focus, values):
        return [v for v in values if not any(not s.violations(data, v) for s in alternatives)]
    return check


# --- shapes ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Constraint:
    component: str
    check: Check


@dataclass(frozen=True)
class Shape:
    """A node shape (``path`` None: its checks apply to the focus node itself) or a property
    shape (its checks apply to the focus node's values on ``path``)."""

    path: str | None
    constraints: tuple[Constraint, ...]
    properties: tuple["Shape", ...]
    message: str

    def values(self, data: Data, focus: Term) -> set[Term]:
        if self.path is None:
            return {focus}
        return data.get(str(focus), {}).get(self.path, set())

    def violations(self, data: Data, focus: Term) -> list[tuple[Term, str, str]]:
        """(focus, path, message) for each failure, the nested property shapes included."""
        found = []
        values = self.values(data, focus)
        for c in self.constraints:
            for value in c.check(data, focus, values):
                shown = "" if value is None else f" (value {value})"
                found.append((focus, self.path or "",
                              self.message or f"{c.component.removeprefix(str(SH))} failed{shown}"))
        for prop in self.properties:
            found += prop.violations(data, focus)
        return found


@dataclass(frozen=True)
class ShapesGate:
    targets: dict[str, tuple[Shape, ...]]  # target class → its shapes
    vocab: Vocabulary
    described: Described

    def check(self, quads: list[ox.Quad]) -> list[Violation]:
        data, nodes = data_of(quads, self.described)
        found = set()
        for node in nodes.values():
            for cls in classes_of(data, node, self.vocab):
                for shape in self.targets.get(cls, ()):
                    found.update(shape.violations(data, node))
        return sorted((Violation(_short(f), f"<{p}>" if p else "", m) for f, p, m in found), key=str)


def _short(term: Term) -> str:
    return f"<{term.value}>" if isinstance(term, ox.NamedNode) else str(term)


def _term(node: Node) -> Term:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if node.language:
        return ox.Literal(str(node), language=node.language)
    return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype or f"{XSD}string")))


def compile_shape(g: Graph, node: Node, vocab: Vocabulary, source: Path = SHAPES_FILE) -> Shape:
    """One shape and its property shapes; anything this engine cannot check is refused,
    naming ``source``, the file the shapes came from."""
    constraints: list[Constraint] = []
    properties: list[Shape] = []
    path = None
    message = ""
    for p, o in g.predicate_objects(node):
        if p in DESCRIPTIVE:
            if p == SH.message:
                message = str(o)
            continue
        if p == SH.targetClass:
            continue
        if p == SH.path:
            if not isinstance(o, URIRef):
                raise UnsupportedShape(source, f"shape {node}: only predicate paths are compiled, not {o}")
            path = str(o)
            continue
        if p == SH.property:
            properties.append(compile_shape(g, o, vocab, source))
            continue
        check = _component(g, p, o, vocab, source)
        if check is None:
            raise UnsupportedShape(source, f"shape {node}: constraint {p} is not compiled")
        constraints.append(Constraint(str(p), check))
    return Shape(path, tuple(constraints), tuple(properties), message)


def _component(g: Graph, p: URIRef, o: Node, vocab: Vocabulary, source: Path) -> Check | None:
    value = o.toPython() if isinstance(o, Literal) else o
    simple = {
        SH.minCount: lambda: _min_count(int(value)),
        SH.maxCount: lambda: _max_count(int(value)),
        SH.datatype: lambda: _datatype(str(o)),
        SH.minLength: lambda: _min_length(int(value)),
        SH.maxLength: lambda: _max_length(int(value)),
        SH.pattern: lambda: _pattern(str(o)),
        SH.nodeKind: lambda: _node_kind(str(o)),
        SH["class"]: lambda: _class(str(o), vocab),
        SH["in"]: lambda: _in({_term(m) for m in Collection(g, o)}),
        SH.minInclusive: lambda: _bound(_term(o), lambda a, b: a >= b),
        SH.maxInclusive: lambda: _bound(_term(o), lambda a, b: a <= b),
        SH.minExclusive: lambda: _bound(_term(o), lambda a, b: a > b),
        SH.maxExclusive: lambda: _bound(_term(o), lambda a, b: a < b),
        SH.lessThan: lambda: _pair(str(o), lambda a, b: a < b),
        SH.lessThanOrEquals: lambda: _pair(str(o), lambda a, b: a <= b),
        SH["or"]: lambda: _or([compile_shape(g, m, vocab, source) for m in Collection(g, o)]),
    }
    make = simple.get(p)
    return make() if make else None


def compile_shapes(g: Graph, vocab: Vocabulary, source: Path = SHAPES_FILE) -> ShapesGate:
    targets: dict[str, tuple[Shape, ...]] = {}
    for shape, cls in g.subject_objects(SH.targetClass):
        targets[str(cls)] = (*targets.get(str(cls), ()), compile_shape(g, shape, vocab, source))
    for subject, kind in g.subject_objects(RDF.type):
        if kind == SH.NodeShape and (subject, SH.targetClass, None) not in g:
            raise UnsupportedShape(source, f"shape {subject}: only sh:targetClass targets are compiled")
    return ShapesGate(targets, vocab, index_described(vocab))


@lru_cache(maxsize=1)
def gate() -> ShapesGate:
    return compile_shapes(Graph().parse(SHAPES_FILE), vocabulary())


def check_quads(quads: list[ox.Quad]) -> list[Violation]:
    return gate().check(quads)
