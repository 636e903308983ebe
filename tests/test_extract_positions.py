"""Positions from real sentences of the letters and paraphrases of them."""

import pytest

from jbzgraph.kb import load_kb
from tests.helpers import extract_passage

KB = load_kb()


def _rows(x):
    return {(KB.entities[p.holder_iri].key, p.target.key or p.target.label, p.stance) for p in x.positions}


@pytest.mark.parametrize(
    "body, holder, stance",
    [
        ("Enhanced Border Security Partnership (EBSP)\nDaarom heeft het kabinet op 11 december j.l. instemming "
         "verleend in het comité van Permanente Vertegenwoordigers en de verzending naar de Raad gesteund.", "NLD", "support"),
        ("Enhanced Border Security Partnership (EBSP)\nHet kabinet steunt het EBSP.", "NLD", "support"),
        ("Enhanced Border Security Partnership (EBSP)\nNederland kan niet instemmen met het EBSP.", "NLD", "oppose"),
        ("Enhanced Border Security Partnership (EBSP)\nHet kabinet is kritisch over het EBSP.", "NLD", "concern"),
        ("Enhanced Border Security Partnership (EBSP)\nHet kabinet wijst het EBSP af.", "NLD", "oppose"),
        ("Enhanced Border Security Partnership (EBSP)\nNederland heeft zich bij de stemming over het EBSP onthouden.", "NLD", "abstain"),
        ("Enhanced Border Security Partnership (EBSP)\nHet kabinet neemt kennis van het EBSP.", "NLD", "neutral"),
        ("Enhanced Border Security Partnership (EBSP)\nEen aantal lidstaten uitte zorgen over het EBSP.", "MULTIPLE", "concern"),
        ("Enhanced Border Security Partnership (EBSP)\nDuitsland verwelkomde het EBSP.", "DEU", "support"),
        ("Enhanced Border Security Partnership (EBSP)\nHet kabinet is voornemens in te stemmen met het EBSP.", "NLD", "support"),
    ],
)
def test_positions_stance_and_holder(tmp_path, body, holder, stance):
    x, _ = extract_passage(tmp_path, body)
    assert (holder, "ebsp", stance) in _rows(x)


def test_positions_reference_back_resolves_to_previous_instrument(tmp_path):
    body = ("Visumbeleid\nHet recent herziene visumopschortingsmechanisme zal benut moeten worden volgens de Commissie. "
            "Het kabinet steunt dit ten volle.")
    x, _ = extract_passage(tmp_path, body)
    (p,) = [p for p in x.positions if p.stance == "support"]
    assert "opschortingsmechanisme" in p.target.label.lower() or p.target.key == "visa_susp_rev"
    assert p.evidence.quote == "Het kabinet steunt dit ten volle."


def test_positions_unknown_instrument_is_minted_from_its_phrase(tmp_path):
    body = ("Fraude\nHet kabinet kijkt in dat kader ook uit naar het Commissievoorstel voor een richtlijn ter "
            "bestrijding van online fraude.")
    x, _ = extract_passage(tmp_path, body)
    (p,) = x.positions
    assert p.target.iri == "" and p.target.label == "richtlijn ter bestrijding van online fraude"
    assert p.target.type_name == "Directive" and p.stance == "support"


def test_positions_a_phrase_whose_name_the_kb_knows_is_the_kb_instrument(tmp_path):
    body = ("Mensensmokkel\nHet kabinet kijkt in dat kader ook uit naar het Commissievoorstel voor een sanctie "
            "instrument tegen mensensmokkelaars.")
    x, _ = extract_passage(tmp_path, body)
    (p,) = x.positions
    assert p.target.key == "smuggling_sanctions" and p.stance == "support"


def test_positions_none_without_stance_or_holder(tmp_path):
    x, _ = extract_passage(tmp_path, "EBSP\nDe Commissie zal namens de lidstaten de onderhandelingen voeren met de VS.")
    assert x.positions == []


def test_positions_the_subject_holds_the_position_not_a_body_inside_the_clause(tmp_path):
    body = ("EU-visumstrategie\nHet kabinet ziet meerwaarde in het voorstel om gebruik te maken van de expertise van "
            "het Europese Grens- en Kustwachtagentschap Frontex, maar wenst geen directe betrokkenheid van het "
            "Agentschap bij het beslisproces.")
    x, _ = extract_passage(tmp_path, body)
    assert ("NLD", "visa_strategy", "concern") in _rows(x)
    assert not any(holder == "FRONTEX" for holder, _, _ in _rows(x))


def test_positions_target_after_an_inserted_clause(tmp_path):
    body = ("Raad van Europa\nDaarnaast steunde Nederland ook, samen met 26 andere lidstaten, een gezamenlijk "
            "statement op initiatief van Denemarken en Italië.")
    x, _ = extract_passage(tmp_path, body)
    (p,) = [p for p in x.positions if KB.entities[p.holder_iri].key == "NLD"]
    assert p.target.label.startswith("gezamenlijk statement") and p.target.type_name == "JointStatement"


def test_positions_the_conclusions_of_a_section_are_named_after_it(tmp_path):
    body = ("Ministeriële conferentie Raad van Europa\nOp 10 december vond de conferentie plaats. Het kabinet heeft "
            "daarom ingestemd met de conclusies, waarin opdracht wordt gegeven om een verklaring op te stellen.")
    x, _ = extract_passage(tmp_path, body)
    (p,) = x.positions
    assert p.target.label == "conclusies Ministeriële conferentie Raad van Europa"
    assert p.target.type_name == "Conclusions" and p.stance == "support"


def test_positions_a_state_named_alongside_the_subject_holds_the_position_too(tmp_path):
    body = ("Enhanced Border Security Partnership (EBSP)\nNet als Nederland kon de meerderheid van de lidstaten het "
            "EBSP steunen.")
    x, _ = extract_passage(tmp_path, body)
    assert {("MULTIPLE", "ebsp", "support"), ("NLD", "ebsp", "support")} <= _rows(x)


def test_positions_an_agreement_reached_refers_to_the_instrument_at_hand(tmp_path):
    body = ("Visumopschortingsmechanisme\nOp 17 juni 2025 werd een akkoord bereikt over het visumopschortingsmechanisme. "
            "Het kabinet is positief over het voorlopige akkoord dat is bereikt.")
    x, _ = extract_passage(tmp_path, body)
    assert ("NLD", "visa_susp_rev", "support") in _rows(x)


@pytest.mark.parametrize(
    "sentence, holder, stance",
    [
        # word order, tense and voice of one position
        ("Daarom steunt het kabinet het EBSP.", "NLD", "support"),
        ("Het EBSP wordt door Nederland gesteund.", "NLD", "support"),
        ("Nederland heeft het EBSP gesteund.", "NLD", "support"),
        ("Nederland stemde in met het EBSP.", "NLD", "support"),
        ("Nederland stemde niet in met het EBSP.", "NLD", "oppose"),
        # actors other than the Netherlands
        ("Het Deense voorzitterschap verwelkomde het EBSP.", "PRESIDENCY", "support"),
        ("De Duitse minister uitte zorgen over het EBSP.", "DEU", "concern"),
        ("De Commissie pleitte voor het EBSP.", "COM", "support"),
        ("De meeste lidstaten wezen het EBSP af.", "MULTIPLE", "oppose"),
        ("Er was brede steun voor het EBSP.", "MULTIPLE", "support"),
        ("Zowel Frankrijk als Italië onderschreven het EBSP.", "ITA", "support"),
    ],
)
def test_positions_of_every_actor_in_any_word_order(tmp_path, sentence, holder, stance):
    x, _ = extract_passage(tmp_path, "Enhanced Border Security Partnership (EBSP)\n" + sentence)
    assert (holder, "ebsp", stance) in _rows(x)


def test_positions_a_negation_in_another_clause_does_not_turn_the_stance(tmp_path):
    x, _ = extract_passage(tmp_path, "Enhanced Border Security Partnership (EBSP)\nHet kabinet staat positief "
                           "tegenover het EBSP, dat lidstaten niet verplicht tot nieuwe maatregelen.")
    assert _rows(x) == {("NLD", "ebsp", "support")}
