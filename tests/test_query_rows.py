"""Library queries over several letters: an entity the letters mint is described again in every
letter graph that names it, sometimes under another name, and the queries still give one row
per thing they promise and one label per entity."""

from collections import defaultdict

import pytest

from jbzgraph.pipeline import build
from jbzgraph.query import run_query
from jbzgraph.store import open_store
from tests.helpers import LETTERS


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("store"))
    assert build([LETTERS], s).failed == []
    return s


def _by(columns, rows, *names):
    at = [columns.index(n) for n in names]
    return [tuple(r[i] for i in at) for r in rows]


def test_mentions_give_one_row_per_entity_a_letter_names(store):
    columns, rows = run_query(store, "mentions")
    pairs = _by(columns, rows, "source", "entity")
    assert len(pairs) == len(set(pairs))
    # The bundled letters name the same minted minister differently ("Y. J. van Hijum",
    # "Van Hijum"): one entity, one label, in every letter.
    labels = defaultdict(set)
    for entity, label in _by(columns, rows, "entity", "label"):
        labels[entity].add(label)
    sources = {s for s, e in pairs if e.endswith("/person/van-hijum")}
    assert len(sources) >= 2
    assert all(len(v) == 1 for v in labels.values()), {e: v for e, v in labels.items() if len(v) > 1}


@pytest.mark.parametrize("name", ["positions", "events"])
def test_an_instrument_has_one_label_and_one_id_list_in_every_row(store, name):
    columns, rows = run_query(store, name)
    assert rows
    seen = defaultdict(set)
    for target, label, ids in _by(columns, rows, "target", "target_label", "target_ids"):
        assert label, target
        seen[target].add((label, ids))
    assert all(len(v) == 1 for v in seen.values())
    assert len(rows) == len(set(map(tuple, rows)))
