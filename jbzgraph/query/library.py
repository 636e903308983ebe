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
    return getattr(term, "value", str(term))


def run_query(store: EmbeddedStore, name: str) -> tuple[list[str], list[list[str]]]:
    """Run ``queries/NAME.rq`` on the embedded store or a :class:`~jbzgraph.publish.RemoteStore`."""
    sparql = load_query(name)
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
