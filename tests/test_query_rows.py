"""Library queries over several letters: an entity the letters mint is described again in every
letter graph that names it, sometimes under another name, and the queries still give one row
per thing they promise and one label per entity."""

from collections import defaultdict

import pyoxigraph as ox
import pytest
from rdflib.namespace import SKOS

from jbzgraph.namespace import JBZID
from jbzgraph.pipeline import build
from jbzgraph.query import run_query
from jbzgraph.rdf.iris import letter_graph
from jbzgraph.store import open_store
from tests.helpers import LETTERS

ANOTHER_NAME = "Een andere naam voor hetzelfde instrument"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The bundled letters, and a graph of another letter that names every instrument the
    letters minted and took positions on in other words."""
    s = open_store(tmp_path_factory.mktemp("store"))
    assert build([LETTERS], s).failed == []
    columns, rows = run_query(s, "positions")
    minted = {r[columns.index("target")] for r in rows if r[columns.index("target")].startswith(str(JBZID))}
    assert minted
    s.replace_graph(letter_graph("another-letter.txt"), [
        ox.Quad(ox.NamedNode(t), ox.NamedNode(str(SKOS.prefLabel)), ox.Literal(ANOTHER_NAME, language="nl"))
        for t in minted])
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


@pytest.mark.parametrize(("name", "key"), [
    ("actor_instrument", ("actor", "instrument", "stance", "source", "quote")),
    ("timeline", ("instrument", "stage", "body", "date", "source", "quote"))])
def test_a_projection_gives_one_row_per_statement_whatever_its_instruments_are_called(store, name, key):
    """A network edge is counted once per row: a row per name would double the weights."""
    columns, rows = run_query(store, f"projections/{name}")
    assert rows
    statements = _by(columns, rows, *key)
    assert len(statements) == len(set(statements))
    labels = defaultdict(set)
    for instrument, label in _by(columns, rows, "instrument", "instrument_label"):
        labels[instrument].add(label)
    assert all(len(v) == 1 for v in labels.values())


def test_commitments_carry_their_own_letters_motion_label_and_number_and_promises_none(store):
    columns, rows = run_query(store, "commitments")
    found = _by(columns, rows, "source", "kind", "motion", "motion_number")
    assert ("2025-11-24_geannoteerde-agenda.txt", "motie", "motie Eerdmans/Van Hijum", "21501-20-2306") in found
    assert ("2025-12-17_verslag-jbz-raad.txt", "motie", "motie Ram", "") in found
    # A number that is no Kamerstuk number (a motion known by its submitters) is not shown.
    assert all(number == "" or number[0].isdigit() for _, _, _, number in found)
    promises = [(motion, number) for _, kind, motion, number in found if kind == "toezegging"]
    assert promises and set(promises) == {("", "")}
    for source in {s for s, *_ in found}:
        one = run_query(store, "commitments", {"source": source})[1]
        assert sorted(one) == sorted(r for r in rows if r[0] == source)
