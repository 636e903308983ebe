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


TWO_DOCUMENTS = """Fiche: Verordening Europees opleidingsagentschap

1. Algemene gegevens

Titel voorstel

Voorstel voor een Verordening van het Europees Parlement en de Raad betreffende het Agentschap van de Europese Unie voor opleiding op het gebied van grensbewaking (Frontex) en tot intrekking van Besluit 2010/12/JBZ

Mededeling van de Commissie aan het Europees Parlement en de Raad tot vaststelling van een Europees opleidingsprogramma voor grenswachters

Datum ontvangst Commissiedocumenten

14 april 2014

Nr. Commissiedocument

COM(2014) 170 en COM(2014) 171
"""


def test_each_document_a_title_field_names_is_proposed(tmp_path):
    x, _ = extract_passage(tmp_path, TWO_DOCUMENTS)
    found = [(label, body, when) for label, body, when, rule in _proposals(x) if "fiche_form" in rule]
    assert [(body, when) for _, body, when in found] == [("COM", date(2014, 4, 14))] * 2
    assert ("Verordening van het Europees Parlement en de Raad betreffende het Agentschap van de Europese Unie voor "
            "opleiding op het gebied van grensbewaking") in found[0][0]
    assert found[1][0].startswith("Mededeling van de Commissie aan het Europees Parlement en de Raad tot vaststelling "
                                  "van een Europees opleidingsprogramma")


def test_an_english_title_is_the_kb_instrument_its_commission_number_names(tmp_path):
    fiche = FICHE.replace("Voorstel voor een verordening van het Europees Parlement en de Raad betreffende de voorkoming van "
                          "het gebruik van\nhet financiële stelsel voor het witwassen van geld",
                          "Proposal for a Regulation of the European Parliament and of the Council on returns")
    x, _ = extract_passage(tmp_path, fiche.replace("COM(2021) 420", "COM(2025) 101").format(received="11 maart 2025"))
    found = [e for e in x.events if "fiche_form" in e.rule]
    assert [(KB.entities[e.target.iri].key if e.target.iri else e.target.key, e.date) for e in found] == [
        ("return_reg", date(2025, 3, 11))]


def test_what_a_proposal_answers_is_not_what_it_proposes(tmp_path):
    x, _ = extract_passage(tmp_path, "Essentie voorstel\nOp 1 december 2021 presenteerde de Commissie een voorstel naar "
                                     "aanleiding van de conclusies van de Europese Raad van 21 oktober 2021.")
    # the conclusions are what it answers, not what it proposes; dated with their author, they
    # were adopted that day
    assert [(e.stage, KB.entities[e.body_iri].key, e.date) for e in x.events if e.target.type_name == "Conclusions"] == [
        ("adoption", "EUCO", date(2021, 10, 21))]


def test_fiche_every_section_after_the_form_is_about_its_instrument(tmp_path):
    body = ("Fiche: Verordening politiesamenwerking\n\n1. Algemene gegevens\n\na) Titel voorstel\n\n"
            "Voorstel voor een Verordening van het Europees Parlement en de Raad betreffende de versterking van de "
            "politiële samenwerking met betrekking tot de voorkoming van migrantensmokkel\n\n"
            "b) Datum ontvangst Commissiedocument\n\n28 november 2023\n\n"
            "Nederlandse positie ten aanzien van het voorstel\n\nHet kabinet staat positief tegenover het voorstel.\n\n"
            "Eerste inschatting van krachtenveld\n\nEnkele lidstaten zijn kritisch over de financiële gevolgen.")
    x, _ = extract_passage(tmp_path, body)
    proposed = {e.target.iri for e in x.events if e.stage == "proposal"}
    assert len(proposed) == 1
    assert {(p.stance, p.target.iri in proposed) for p in x.positions} == {("support", True), ("concern", True)}
    assert next(iter(x.events)).target.label.endswith("met betrekking tot de voorkoming van migrantensmokkel")


def test_fiche_its_proposal_is_what_a_short_mention_after_the_form_means(tmp_path):
    body = ("Fiche: Verordening geleidelijke ingebruikneming EES\n\na) Titel voorstel\n\nRegulation of the European "
            "Parliament and of the Council on a temporary derogation from certain provisions of Regulation (EU) "
            "2017/2226 and Regulation (EU) 2016/399\n\nb) Datum ontvangst Commissiedocument\n\n4 december 2024\n\n"
            "Inhoud voorstel\n\nOp 4 december 2024 heeft de Europese Commissie een voorstel gepresenteerd.")
    x, _ = extract_passage(tmp_path, body)
    assert len({e.target.key for e in x.events}) == 1
