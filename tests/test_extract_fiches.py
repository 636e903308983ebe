"""BNC fiches: the form at the top of a fiche dates the proposal it assesses."""

from datetime import date

from jbzgraph.kb import load_kb
from tests.helpers import extract_passage

KB = load_kb()

FICHE = """Fiche: Verordening bestrijding witwassen

1. Algemene gegevens

a) Titel voorstel
Voorstel voor een verordening van het Europees Parlement en de Raad betreffende de voorkoming van het gebruik van
het financiële stelsel voor het witwassen van geld

b) Datum ontvangst Commissiedocument
{received}

c) Nr. Commissiedocument
COM(2021) 420

2. Essentie voorstel

Het voorstel beoogt de regels tegen witwassen te harmoniseren.
"""


def _proposals(x):
    return [(e.target.label, KB.entities[e.body_iri].key, e.date, e.rule) for e in x.events if e.stage == "proposal"]


def test_the_form_of_a_fiche_dates_the_proposal_by_the_commission(tmp_path):
    x, _ = extract_passage(tmp_path, FICHE.format(received="22 juli 2021"))
    found = [p for p in _proposals(x) if "fiche_form" in p[3]]
    assert len(found) == 1
    label, body, when, _ = found[0]
    assert body == "COM" and when == date(2021, 7, 22)
    assert label.startswith("verordening van het Europees Parlement en de Raad betreffende de voorkoming")


def test_a_form_without_a_date_states_no_step(tmp_path):
    x, _ = extract_passage(tmp_path, FICHE.format(received="nog niet ontvangen"))
    assert not [p for p in _proposals(x) if "fiche_form" in p[3]]


def test_a_communication_names_its_addressees_and_then_its_subject(tmp_path):
    x, _ = extract_passage(tmp_path, "Grenzen\nDe Commissie presenteerde op 3 mei 2024 de Mededeling van de Commissie "
                                     "aan het Europees Parlement en de Raad over de toekomst van het Schengengebied.")
    assert [(e.target.label, e.stage) for e in x.events] == [(
        "Mededeling van de Commissie aan het Europees Parlement en de Raad over de toekomst van het Schengengebied",
        "proposal")]
