"""Load ``queries/NAME.rq`` and run it; results as plain strings, dates as YYYY-MM-DD."""

from pathlib import Path

import pyoxigraph as ox

from jbzgraph.errors import QueryError
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
    return str(term)


def run_query(store: EmbeddedStore, name: str) -> tuple[list[str], list[list[str]]]:
    sparql = load_query(name)
    try:
        columns, rows = store.select(sparql)
    except SyntaxError as exc:
        raise QueryError(QUERIES_DIR / f"{name}.rq", f"invalid SPARQL: {exc}") from None
    return columns, [[term_text(row[c]) for c in columns] for row in rows]
