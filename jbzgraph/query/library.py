"""Load ``queries/NAME.rq`` and run it; results as plain strings, dates as YYYY-MM-DD.

A query declares the parameters it takes in its ``# Parameters:`` line, each a projected
variable with its kind: ``source (literal: ...)``, ``target (iri: ...)``, and marks where
each is bound with a comment line ``# slot ?source``. A given value becomes
``VALUES ?source { "..." }`` on its slot lines, so it is a constant in the query text: the
optimiser starts from it, and a question about one letter, one actor or one instrument
reads only that part of the graph. (Bindings handed over beside the text, SEP-0007
substitution, reach the evaluator but not the optimiser: 1 s instead of 4 ms for one
letter's positions at 10 million triples.) Unbound, a query is its file as written: a slot
written as ``VALUES ?x { UNDEF }`` made Virtuoso estimate positions at 5,511 s and refuse
it. Every engine gets the same text.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from jbzgraph.errors import QueryError
from jbzgraph.kb import KnowledgeBase, load_kb
from jbzgraph.paths import QUERIES_DIR
from jbzgraph.store.embedded import EmbeddedStore


def list_queries(directory: Path = QUERIES_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.rq"))


def load_query(name: str, directory: Path = QUERIES_DIR) -> str:
    path = directory / f"{name}.rq"
    if not path.is_file():
        raise QueryError(path, f"no query named {name!r}; known: {', '.join(list_queries(directory))}")
    return path.read_text(encoding="utf-8")


def term_text(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return term.value
    return getattr(term, "value", str(term))


PARAMETER_RE = re.compile(r"(\w+) \((literal|iri)\b")
SLOT_RE = re.compile(r"^([ \t]*)# slot \?(\w+)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str  # literal | iri


def parameters(sparql: str) -> list[Parameter]:
    """The parameters a query declares in its ``# Parameters:`` comment line."""
    line = next((ln for ln in sparql.splitlines() if ln.startswith("# Parameters:")), "")
    return [Parameter(m.group(1), m.group(2)) for m in PARAMETER_RE.finditer(line)]


def parameter_terms(name: str, sparql: str, given: dict[str, str], kb: KnowledgeBase | None = None) -> dict[str, ox.NamedNode | ox.Literal]:
    """The terms for the ``given`` parameter values; an IRI parameter also takes a KB key
    (any case: "AMMR", "ammr")."""
    declared = {p.name: p for p in parameters(sparql)}
    terms: dict[str, ox.NamedNode | ox.Literal] = {}
    for key, value in given.items():
        if key not in declared:
            takes = ", ".join(declared) or "no parameters"
            raise QueryError(QUERIES_DIR / f"{name}.rq", f"unknown parameter {key!r}; {name} takes: {takes}")
        if declared[key].kind == "literal":
            terms[key] = ox.Literal(value)
        elif "://" in value:
            terms[key] = ox.NamedNode(value)
        else:
            found = [e.iri for e in (kb or load_kb()).entities.values() if e.key.lower() == value.lower()]
            if not found:
                raise QueryError(QUERIES_DIR / f"{name}.rq", f"{key}={value!r} is neither an IRI nor a KB key")
            terms[key] = ox.NamedNode(found[0])
    return terms


def bound_query(name: str, sparql: str, given: dict[str, str], kb: KnowledgeBase | None = None) -> str:
    """The query text with each ``given`` value as a VALUES clause on its parameter's slot
    lines; the other slots stay comments."""
    terms = parameter_terms(name, sparql, given, kb)
    slotted = {m.group(2) for m in SLOT_RE.finditer(sparql)}
    for p in parameters(sparql):
        if p.name not in slotted:
            raise QueryError(QUERIES_DIR / f"{name}.rq", f"parameter {p.name!r} has no slot line '# slot ?{p.name}'")

    def fill(slot: re.Match) -> str:
        indent, var = slot.groups()
        return f"{indent}VALUES ?{var} {{ {terms[var]} }}" if var in terms else slot.group(0)

    return SLOT_RE.sub(fill, sparql)


def run_query(store: EmbeddedStore, name: str, given: dict[str, str] | None = None) -> tuple[list[str], list[list[str]]]:
    """Run ``queries/NAME.rq`` on the embedded store or a :class:`~jbzgraph.publish.RemoteStore`,
    with ``given`` parameter values (name → text)."""
    sparql = bound_query(name, load_query(name), given or {})
    try:
        columns, rows = store.select(sparql)
    except SyntaxError as exc:
        raise QueryError(QUERIES_DIR / f"{name}.rq", f"invalid SPARQL: {exc}") from None
    sets = [c.endswith("ids") or c == "instruments" for c in columns]
    return columns, [[_sorted_set(term_text(row[c])) if is_set else term_text(row[c])
                      for c, is_set in zip(columns, sets)] for row in rows]


def _sorted_set(value: str) -> str:
    """``GROUP_CONCAT`` has no order, so a set column ("…ids") is sorted: the same rows
    come out of every store."""
    return "|".join(sorted(value.split("|"))) if value else value
