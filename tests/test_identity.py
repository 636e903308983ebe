"""One IRI per instrument across letters, however each letter names it."""

from jbzgraph.kb import load_kb
from jbzgraph.pipeline import build
from jbzgraph.query import run_query
from jbzgraph.store import open_store
from tests.helpers import PADDING

KB = load_kb()

LETTER_A = ("Terugkeer\nOp 11 maart 2025 presenteerde de Commissie een voorstel voor een verordening inzake "
            "terugkeer (COM(2025) 101). Het kabinet steunt het voorstel.")
LETTER_B = ("Terugkeer\nDe lidstaten bereikten op 8 december 2025 een algemene oriëntatie over de "
            "terugkeerverordening. Duitsland verwelkomde de Terugkeerverordening.")
LETTER_C = ("Fraude\nHet kabinet steunt de richtlijn inzake fraudebestrijding. Een aantal lidstaten uitte zorgen "
            "over de Fraudebestrijdingsrichtlijn.")
LETTER_D = ("Fraude\nDe Commissie presenteerde op 2 april 2025 de EU-fraudebestrijdingsrichtlijn.")


def _build(tmp_path, letters: dict[str, str]):
    paths = []
    for name, body in letters.items():
        path = tmp_path / name
        path.write_text(body + PADDING, encoding="utf-8")
        paths.append(path)
    store = open_store(None)
    report = build(paths, store)
    assert not report.failed
    return store


def _rows(store, name):
    columns, rows = run_query(store, name)
    return [dict(zip(columns, r)) for r in rows]


def test_one_instrument_named_two_ways_in_two_letters_has_one_iri(tmp_path):
    store = _build(tmp_path, {"a.txt": LETTER_A, "b.txt": LETTER_B})
    targets = {(r["source"], r["target"]) for r in _rows(store, "positions")}
    events = {(r["source"], r["target"]) for r in _rows(store, "events")}
    iris = {t for _, t in targets | events}
    assert {s for s, _ in targets} == {"a.txt", "b.txt"} and {s for s, _ in events} == {"a.txt", "b.txt"}
    assert len(iris) == 1  # KB: the Return Regulation, whichever words name it
    (iri,) = iris
    assert KB.entities[iri].key == "return_reg"


def test_an_instrument_the_kb_lacks_gets_one_minted_iri_and_every_identifier(tmp_path):
    store = _build(tmp_path, {"c.txt": LETTER_C, "d.txt": LETTER_D, "a.txt": LETTER_A})
    rows = _rows(store, "mentions")
    fraud = {r["key"] for r in rows if r["kind"] == "instrument" and "fraude" in r["label"].lower()}
    assert len(fraud) == 1, fraud  # "richtlijn inzake fraudebestrijding" = "(EU-)Fraudebestrijdingsrichtlijn"
    positions = [r for r in _rows(store, "positions") if r["source"] == "c.txt"]
    assert {(r["holder"], r["stance"]) for r in positions} == {("NLD", "support"), ("MULTIPLE", "concern")}
    (event,) = [r for r in _rows(store, "events") if r["source"] == "d.txt"]
    assert {r["target"] for r in positions} == {event["target"]} and event["stage"] == "proposal"
    (a_event,) = [r for r in _rows(store, "events") if r["source"] == "a.txt"]
    assert "COM(2025) 101" in a_event["target_ids"].split("|")


def test_a_proposal_to_amend_a_known_regulation_is_an_instrument_of_its_own(tmp_path):
    from tests.helpers import extract_passage
    x, _ = extract_passage(tmp_path, "Migratie\nHet voorstel tot wijziging van de Dublinverordening werd besproken. "
                                     "Nederland steunt het voorstel tot wijziging van de Dublinverordening.")
    (p,) = x.positions
    # not Dublin III itself, which the KB knows and the proposal amends
    assert p.target.iri == "" and p.target.label == "voorstel tot wijziging van de Dublinverordening"
