"""The ASK invariants of ``queries/checks/*.rq``: each must answer true on a built store."""

from pathlib import Path

from jbzgraph.paths import QUERIES_DIR
from jbzgraph.store.embedded import EmbeddedStore

CHECKS_DIR = QUERIES_DIR / "checks"


def failing_checks(store: EmbeddedStore, directory: Path = CHECKS_DIR) -> list[str]:
    """Names of the invariants that do not hold."""
    return [p.stem for p in sorted(directory.glob("*.rq")) if not store.ask(p.read_text(encoding="utf-8"))]
