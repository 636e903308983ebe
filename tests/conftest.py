"""Fixtures shared by the serve tests: the bundled letters built once per session, and a
server on loopback over them."""

import gc
from pathlib import Path

import pytest

from tests.helpers import LETTERS


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Path:
    """A store holding the bundled letters, closed again (so servers and builds can open it)."""
    from jbzgraph.pipeline import build
    from jbzgraph.store import open_store

    path = tmp_path_factory.mktemp("serve") / "store"
    store = open_store(path)
    assert build([LETTERS], store).failed == []
    del store
    gc.collect()
    return path


@pytest.fixture(scope="session")
def server(built_store):
    """``jbzgraph serve`` over the bundled letters, with a short timeout and a row limit
    above every library query's rows at this size."""
    from jbzgraph.serve.app import Settings
    from jbzgraph.serve.server import Background

    running = Background(Settings(store=built_store, timeout=2.0, limit=5000, letters=(LETTERS,)))
    yield running
    running.stop()
