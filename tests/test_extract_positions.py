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
        ("Lidstaten namen kennis van het EBSP.", "MULTIPLE", "neutral"),
        ("Een meerderheid van lidstaten sprak zich uit tegen het EBSP.", "MULTIPLE", "oppose"),
        ("Nederland heeft zich uitgesproken voor het EBSP.", "NLD", "support"),
        ("Het EBSP werd besproken. Lidstaten namen daar kennis van.", "MULTIPLE", "neutral"),
        # more words of the stance lexicon
        ("Verschillende lidstaten noemden het belang van het EBSP.", "MULTIPLE", "support"),
        ("Het voorzitterschap sprak waardering uit voor het EBSP.", "PRESIDENCY", "support"),
        ("Nederland heeft moeite met het EBSP.", "NLD", "concern"),
        # an aside between the subject and its predicate, a participle whose stem ends in t
        ("Nederland heeft, samen met een aantal andere lidstaten, zorgen geuit over het EBSP.", "NLD", "concern"),
        ("Nederland heeft, samen met een aantal andere lidstaten, zorgen geuit over het EBSP.", "MULTIPLE", "concern"),
        ("Enkele lidstaten uitten kritiek op het EBSP.", "MULTIPLE", "concern"),
        # judging predicates and fixed expressions
        ("Spanje was van mening dat het EBSP te ver gaat.", "ESP", "concern"),
        ("De meeste lidstaten konden leven met het EBSP.", "MULTIPLE", "support"),
        ("Het kabinet acht het EBSP in strijd met het subsidiariteitsbeginsel.", "NLD", "concern"),
        ("Het EBSP is voor Nederland niet acceptabel.", "NLD", "oppose"),
        ("Het EBSP is aanvaardbaar voor de meeste lidstaten.", "MULTIPLE", "support"),
        ("Nederland is verheugd dat een akkoord is bereikt over het EBSP.", "NLD", "support"),
        ("Enkele lidstaten gaven aan nog niet in te kunnen stemmen met het EBSP.", "MULTIPLE", "oppose"),
        ("Nederland staat achter het EBSP.", "NLD", "support"),
        ("Nederland heeft een positieve grondhouding ten opzichte van het EBSP.", "NLD", "support"),
        ("Nederland heeft een negatieve grondhouding ten opzichte van het EBSP.", "NLD", "oppose"),
        ("Het voorzitterschap constateerde dat er onvoldoende steun was voor het EBSP.", "MULTIPLE", "oppose"),
        ("Een blokkerende minderheid van lidstaten verzette zich tegen het EBSP.", "MULTIPLE", "oppose"),
        ("De Juridische Dienst van de Raad plaatste vraagtekens bij het EBSP.", "COUNCIL", "concern"),
        ("Over het EBSP: Tsjechië en Slowakije onthielden zich van stemming.", "SVK", "abstain"),
    ],
)
def test_positions_of_every_actor_in_any_word_order(tmp_path, sentence, holder, stance):
    x, _ = extract_passage(tmp_path, "Enhanced Border Security Partnership (EBSP)\n" + sentence)
    assert (holder, "ebsp", stance) in _rows(x)


def test_positions_a_noun_is_no_verb_cue_even_when_it_looks_like_one(tmp_path):
    body = ("Mensenrechten\nHet kabinet steunt het Europees Verdrag voor de Rechten van de Mens. Nederland zet erop "
            "in dat de jurisprudentie in lijn wordt gebracht met uitspraken van het Europees Hof voor de Rechten van de Mens.")
    x, _ = extract_passage(tmp_path, body)
    assert {KB.entities[p.holder_iri].key for p in x.positions} == {"NLD"}


def test_positions_a_negation_in_another_clause_does_not_turn_the_stance(tmp_path):
    x, _ = extract_passage(tmp_path, "Enhanced Border Security Partnership (EBSP)\nHet kabinet staat positief "
                           "tegenover het EBSP, dat lidstaten niet verplicht tot nieuwe maatregelen.")
    assert _rows(x) == {("NLD", "ebsp", "support")}


def test_positions_instruments_named_together_are_each_a_target(tmp_path):
    body = ("Strafrecht\nHet kabinet steunt de richtlijn inzake de bestrijding van corruptie en de verordening "
            "betreffende de bevriezing van vermogensbestanddelen.")
    x, _ = extract_passage(tmp_path, body)
    labels = {p.target.label for p in x.positions if p.stance == "support"}
    assert labels == {"richtlijn inzake de bestrijding van corruptie",
                      "verordening betreffende de bevriezing van vermogensbestanddelen"}


@pytest.mark.parametrize("second", [
    "Dat kan op steun van het kabinet rekenen.",
    "Het kabinet heeft zich hier actief voor ingezet.",
    "Het kabinet is voorstander van een spoedige afronding ervan.",
])
def test_positions_a_clause_that_refers_back_takes_the_instrument_in_focus(tmp_path, second):
    body = ("Migratie\nHet Deense voorzitterschap presenteerde de richtlijn inzake de bestrijding van mensenhandel. "
            + second)
    x, _ = extract_passage(tmp_path, body)
    found = [p for p in x.positions if KB.entities[p.holder_iri].key == "NLD"]
    assert [(p.target.label, p.rule.split("+")[1]) for p in found] == [
        ("richtlijn inzake de bestrijding van mensenhandel", "target_referred_back")]


@pytest.mark.parametrize("between", [
    "",
    "Het Deense voorzitterschap streeft naar spoedige afronding ervan. ",  # a chain of references back
])
def test_positions_a_reference_back_reaches_through_sentences_that_refer_back(tmp_path, between):
    body = ("Migratie\nDe Raad onderhandelt over het voorstel voor een verordening inzake de digitale visumaanvraag. "
            + between + "Dat kan op steun van het kabinet rekenen.")
    x, _ = extract_passage(tmp_path, body)
    assert [p.target.label for p in x.positions if KB.entities[p.holder_iri].key == "NLD"] == [
        "verordening inzake de digitale visumaanvraag"]  # the proposal stands for what it proposes


def test_positions_a_reference_back_stops_at_a_sentence_about_something_else(tmp_path):
    body = ("Migratie\nDe Commissie presenteerde de richtlijn inzake de bestrijding van mensenhandel. "
            "Sinds dit jaar worden werkdocumenten opgenomen in het register van de Raad. "
            "Nederland heeft zich hier actief voor ingezet.")
    x, _ = extract_passage(tmp_path, body)
    assert [p for p in x.positions if KB.entities[p.holder_iri].key == "NLD"] == []


def test_positions_a_connective_is_no_reference_back(tmp_path):
    body = ("Migratie\nDe Commissie presenteerde de richtlijn inzake de bestrijding van mensenhandel. "
            "Nederland blijft daarom inzetten op een duidelijke reikwijdte.")
    x, _ = extract_passage(tmp_path, body)
    assert all("referred_back" not in p.rule for p in x.positions)


def test_positions_an_agent_after_the_verb_needs_a_passive(tmp_path):
    body = ("Terugkeer\nZowel de Commissie als vele lidstaten onderschreven het door Nederland benadrukte belang "
            "van de richtlijn inzake de terugkeer van onderdanen van derde landen.")
    x, _ = extract_passage(tmp_path, body)
    holders = {KB.entities[p.holder_iri].key for p in x.positions if p.stance == "support"}
    assert {"COM", "MULTIPLE"} <= holders
    (com,) = [p for p in x.positions if KB.entities[p.holder_iri].key == "COM"]
    assert com.target.label == "richtlijn inzake de terugkeer van onderdanen van derde landen"


def test_the_council_of_a_meeting_report_is_the_meeting_configuration():
    from datetime import date

    from jbzgraph.extract.model import Evidence, Meeting
    from jbzgraph.extract.positions import at_meeting_body
    from jbzgraph.nlp import DateMention

    council, jha = KB.by_key("organisation", "COUNCIL").iri, KB.by_key("organisation", "JHA_COUNCIL").iri
    meeting = Meeting(jha, date(2025, 12, 8), date(2025, 12, 9), None, False, Evidence(0, 1, "x"), "test")
    elsewhere = DateMention(0, 10, "23 februari", date(2026, 2, 23), date(2026, 2, 23), "explicit")
    same_day = DateMention(0, 10, "9 december", date(2025, 12, 9), date(2025, 12, 9), "explicit")
    assert at_meeting_body(council, meeting, [], council) == jha
    assert at_meeting_body(council, meeting, [same_day], council) == jha
    assert at_meeting_body(council, meeting, [elsewhere], council) == council
    assert at_meeting_body(council, None, [], council) == council
    assert at_meeting_body(KB.by_key("organisation", "COM").iri, meeting, [], council) == KB.by_key("organisation", "COM").iri


def test_positions_inclusief_adds_a_co_holder_and_a_participle_stays_in_the_name(tmp_path):
    body = ("Civiel recht\nVeel lidstaten, inclusief Nederland, steunden de richtlijn "
            "inzake grensoverschrijdende bewijsverkrijging.")
    x, _ = extract_passage(tmp_path, body)
    assert {(KB.entities[p.holder_iri].key, p.target.label) for p in x.positions if p.stance == "support"} == {
        ("MULTIPLE", "richtlijn inzake grensoverschrijdende bewijsverkrijging"),
        ("NLD", "richtlijn inzake grensoverschrijdende bewijsverkrijging")}


@pytest.mark.parametrize("heading, found", [("Kabinetsappreciatie", True), ("Proces", True), ("Kopgroep", False)])
def test_positions_a_subheading_continues_the_item_before_it(tmp_path, heading, found):
    body = ("Migratie\nDe Commissie presenteerde het Europees jaarverslag over asiel en migratie.\n\n"
            f"{heading}\nHet kabinet is positief over het jaarverslag.")
    x, _ = extract_passage(tmp_path, body)
    labels = [p.target.label for p in x.positions if KB.entities[p.holder_iri].key == "NLD"]
    assert labels == (["Europees jaarverslag over asiel en migratie"] if found else [])


@pytest.mark.parametrize("sentence, found", [
    ("Het kabinet zal conform het regeerprogramma financieel bijdragen aan het solidariteitsmechanisme.", True),
    ("Het kabinet noemt de financiële bijdragen aan het solidariteitsmechanisme.", False),
])
def test_positions_an_infinitive_read_as_a_noun_is_still_the_verb(tmp_path, sentence, found):
    x, _ = extract_passage(tmp_path, "Migratie\n" + sentence)
    assert bool([p for p in x.positions if p.target.label == "solidariteitsmechanisme"]) is found


@pytest.mark.parametrize("sentence", [
    "De Raad stemde in met het EBSP.",
    "Het Coreper heeft op 11 december ingestemd met het EBSP.",
])
def test_positions_a_deciding_body_agreeing_is_a_step_not_a_position(tmp_path, sentence):
    x, _ = extract_passage(tmp_path, "Enhanced Border Security Partnership (EBSP)\n" + sentence)
    assert x.positions == []


def test_positions_a_topic_label_before_a_lower_case_clause_is_what_the_paragraph_is_about(tmp_path):
    body = ("Raad\nDe Raad besprak de routekaart over informatie-uitwisseling.\n\n"
            "Wapens: drie lidstaten konden niet instemmen met voorliggend compromis.")
    x, _ = extract_passage(tmp_path, body)
    assert [(p.target.label, p.stance) for p in x.positions] == [("Wapens", "oppose")]


def test_positions_a_title_goes_on_after_en_with_a_complement(tmp_path):
    body = ("Mensenhandel\nHet kabinet steunt het voorstel voor een richtlijn inzake de voorkoming en bestrijding "
            "van mensenhandel en de bescherming van slachtoffers.")
    x, _ = extract_passage(tmp_path, body)
    assert [p.target.label for p in x.positions] == [
        "richtlijn inzake de voorkoming en bestrijding van mensenhandel en de bescherming van slachtoffers"]


def test_positions_pledging_a_contribution_supports_the_item_at_hand(tmp_path):
    body = ("Uitvoeringshandeling tot vaststelling van de jaarlijkse solidariteitspool\n"
            "Nederland zal, conform het regeerprogramma, een financiële bijdrage toezeggen.")
    x, _ = extract_passage(tmp_path, body)
    assert [(KB.entities[p.holder_iri].key, p.stance) for p in x.positions] == [("NLD", "support")]


def test_positions_what_a_clause_with_dat_stresses_is_not_the_item_at_hand(tmp_path):
    body = ("Uitvoeringsbesluit inzake migratiedruk\nDaarnaast benadrukt de Commissie dat "
            "bijdragende lidstaten niet verplicht zijn hun toezeggingen uit te voeren.")
    x, _ = extract_passage(tmp_path, body)
    assert x.positions == []


def _holders_and_stances(tmp_path, sentence: str) -> set[tuple[str, str]]:
    x, _ = extract_passage(tmp_path, "Terugkeer\n" + sentence)
    return {(KB.entities[p.holder_iri].key, p.stance) for p in x.positions}


def _targets_of(tmp_path, body):
    x, _ = extract_passage(tmp_path, body)
    return {(KB.entities[p.holder_iri].key, p.target.label) for p in x.positions}


@pytest.mark.parametrize("body", [
    # "ervoor … dat": what Nederland pressed for is the clause, not the regulation before it
    "Terugkeer\nDe Commissie presenteerde de Terugkeerverordening. Nederland heeft zich ervoor ingezet dat lidstaten "
    "elkaar beter informeren over terugkeer.",
    # "benadrukt X in het besluit dat …": what is stressed is the clause
    "Solidariteit\nHet uitvoeringsbesluit over de solidariteitspool is gepubliceerd. Daarnaast benadrukt de Commissie "
    "in het besluit dat bijdragende lidstaten niet verplicht zijn tot verrekening.",
    # what is endorsed is the clause after the object, not the Pact named in it
    "Asiel\nHet kabinet onderschrijft het beeld van de Commissie dat Nederland op schema ligt bij de uitvoering van "
    "het Asiel- en Migratiepact.",
    # support said to be needed is not support found
    "Verklaring\nDe lidstaten bespraken de politieke verklaring over migratie. Hiervoor is brede steun, dan wel "
    "consensus nodig in de Raad van Europa.",
])
def test_no_position_where_the_cue_is_about_a_clause_or_a_need(tmp_path, body):
    assert _targets_of(tmp_path, body) == set()


def test_the_target_is_not_sought_past_a_contrast(tmp_path):
    found = _targets_of(tmp_path, "Herziening van de Schengengrenscode\nNederland steunt het uitgangspunt van de "
                                  "Commissie, maar vanwege de waarde van de bilaterale vriendschapsverdragen zal het "
                                  "kabinet dit per geval beoordelen.")
    assert ("NLD", "bilaterale vriendschapsverdragen") not in found


def test_a_titled_topic_opening_a_paragraph_ends_the_topic_before_it(tmp_path):
    found = _targets_of(tmp_path, "Belangrijkste resultaten\n\nEurovalsemunterij: de Raad bereikte een algemene "
                                  "oriëntatie over het voorstel.\n\nPolitiële Samenwerking en Europol: er werd kort "
                                  "gesproken. De meeste lidstaten steunen een nauwere samenwerking.")
    assert found == {("MULTIPLE", "Politiële Samenwerking en Europol")}


def test_acting_together_with_the_subject_inside_a_split_cue(tmp_path):
    # "trekken … samen … op": the inverted subject stands between the cue's words
    found = _targets_of(tmp_path, "Dublin\nDe werking van de Dublinverordening is voor het kabinet een belangrijke "
                                  "voorwaarde. Daarom trekken Nederland en België hierin samen met andere "
                                  "gelijkgezinde landen op.")
    assert found == {(k, "Dublinverordening") for k in ("NLD", "BEL", "MULTIPLE")}


def test_a_determiner_dat_opens_no_clause(tmp_path):
    found = _targets_of(tmp_path, "Terugkeer\nHet kabinet kijkt in dat kader ook uit naar het voorstel voor een "
                                  "Terugkeerverordening.")
    assert found == {("NLD", "Terugkeerverordening")}


def test_a_heading_proposal_that_runs_into_an_instrument_is_about_that_instrument(tmp_path):
    found = _targets_of(tmp_path, "Voorstel herziening Europese Grens- en Kustwacht Verordening\nEnkele lidstaten "
                                  "lieten zich positief uit over het staande korps.")
    assert found == {("MULTIPLE", "Europese Grens- en Kustwacht Verordening")}


@pytest.mark.parametrize("sentence, holders", [
    ("Verscheidene lidstaten steunden de Terugkeerverordening.", {"MULTIPLE"}),
    ("Het merendeel van de lidstaten uitte zorgen over de Terugkeerverordening.", {"MULTIPLE"}),
    ("Een ruime meerderheid van de lidstaten, waaronder Nederland, steunde de Terugkeerverordening.", {"MULTIPLE", "NLD"}),
    ("Tal van ministers pleitten voor de Terugkeerverordening.", {"MULTIPLE"}),
])
def test_more_unnamed_sets_of_states_hold_positions(tmp_path, sentence, holders):
    assert {h for h, _ in _targets_of(tmp_path, "Terugkeer\n" + sentence)} == holders


@pytest.mark.parametrize("sentence", [
    "Gedurende de onderhandelingen heeft Nederland het belang van snelle afspraken om de Terugkeerverordening "
    "spoedig toe te passen benadrukt.",
    "In de Raad heeft het kabinet, om de terugkeer te versnellen, de Terugkeerverordening gesteund.",
])
def test_the_subject_after_a_fronted_phrase_and_the_finite_verb_holds_the_position(tmp_path, sentence):
    assert ("NLD", "Terugkeerverordening") in _targets_of(tmp_path, "Terugkeer\n" + sentence)


@pytest.mark.parametrize("sentence, found", [
    ("De Raad verwelkomde het actieplan tegen drugshandel.", {("COUNCIL", "actieplan tegen drugshandel")}),
    ("De Raad benadrukte het belang van het actieplan tegen drugshandel.", {("COUNCIL", "actieplan tegen drugshandel")}),
    ("De Raad stemde in met het actieplan tegen drugshandel.", set()),  # a decision: an event
    ("Het Coreper keurde het actieplan tegen drugshandel goed.", set()),
])
def test_a_council_body_takes_positions_but_its_assent_is_a_decision(tmp_path, sentence, found):
    assert _targets_of(tmp_path, "Drugs\n" + sentence) == found


@pytest.mark.parametrize("sentence, found", [
    ("Het kabinet wijst op de brief die Nederland met zes andere lidstaten op 3 maart 2025 verstuurde aan de Commissie.",
     {("NLD", "brief van 3 maart 2025"), ("MULTIPLE", "brief van 3 maart 2025")}),
    ("Graag informeren wij u over de verklaring die op 9 oktober 2024 samen met Italië en Denemarken is ondertekend.",
     {("NLD", "verklaring van 9 oktober 2024")}),
    ("Het kabinet wijst op de gezamenlijke verklaring over terugkeer die Nederland en België op 2 juni 2025 ondertekenden.",
     {("NLD", "gezamenlijke verklaring over terugkeer"), ("BEL", "gezamenlijke verklaring over terugkeer")}),
    # sending what is no statement of one's own is no position
    ("Het kabinet wijst op het verslag dat Nederland op 3 maart 2025 aan de Commissie stuurde.", set()),
])
def test_the_authors_of_a_letter_or_statement_support_it(tmp_path, sentence, found):
    assert {(h, t) for h, t in _targets_of(tmp_path, "Terugkeer\n" + sentence)} >= found
    if not found:
        assert _targets_of(tmp_path, "Terugkeer\n" + sentence) == set()


@pytest.mark.parametrize("sentence, holders", [
    # the subordinate clause has a subject of its own, which is no actor
    ("Het voorzitterschap sprak de verwachting uit dat nieuwe afspraken bijdragen aan de terugkeerverordening.", set()),
    # "dat" read as a determiner before a plural noun still opens the clause
    ("Het voorzitterschap sprak uit dat recente wijzigingen bijdragen aan de terugkeerverordening.", set()),
    ("Het voorzitterschap benadrukte dat het de terugkeerverordening steunt.", {"PRESIDENCY"}),
])
def test_a_subordinate_clause_with_a_subject_of_its_own_is_not_the_main_actor_s(tmp_path, sentence, holders):
    x, _ = extract_passage(tmp_path, "Terugkeer\n" + sentence)
    assert {KB.entities[p.holder_iri].key for p in x.positions} == holders


@pytest.mark.parametrize("heading", ["Brede steun voor de terugkeerverordening",
                                     "4. Brede steun voor de terugkeerverordening"])  # numbered, split after its number
def test_positions_a_heading_names_a_topic_and_takes_no_position(tmp_path, heading):
    x, _ = extract_passage(tmp_path, heading + "\n\nDe Raad sprak op 3 maart over de voortgang van de onderhandelingen.")
    assert x.positions == []


@pytest.mark.parametrize("sentence, holder, stance", [
    ("Het kabinet bepleit de terugkeerverordening.", "NLD", "support"),  # a stem ending in t
    ("Polen verwierp de terugkeerverordening.", "POL", "oppose"),  # a strong past
    # a verb closing the clause after its object, tagged as a noun
    ("Nederland kan met de terugkeerverordening instemmen.", "NLD", "support"),
    # a short stem ending in t, separated from its particle: "zet … in op" is "inzetten op"
    ("Daarnaast zet het kabinet in op spoedige afronding van de onderhandelingen over de terugkeerverordening.",
     "NLD", "support"),
])
def test_positions_verb_forms_the_tagger_leaves_unlemmatised(tmp_path, sentence, holder, stance):
    x, _ = extract_passage(tmp_path, "Terugkeer\n" + sentence)
    assert [(KB.entities[p.holder_iri].key, p.stance) for p in x.positions] == [(holder, stance)]


@pytest.mark.parametrize("sentence, holder", [
    # support that wide is the member states', whoever observes it
    ("Het voorzitterschap constateerde brede steun voor de terugkeerverordening.", "MULTIPLE"),
    ("Het voorzitterschap stelde vast dat er voldoende steun was voor de terugkeerverordening.", "MULTIPLE"),
    # full support is its subject's
    ("De Commissie bevestigde volledige steun voor de terugkeerverordening.", "COM"),
])
def test_positions_broad_support_is_the_member_states(tmp_path, sentence, holder):
    x, _ = extract_passage(tmp_path, "Terugkeer\n" + sentence)
    assert [KB.entities[p.holder_iri].key for p in x.positions] == [holder]


def test_positions_an_author_takes_no_position_on_its_own_text(tmp_path):
    x, _ = extract_passage(tmp_path, "Visumbeleid\nOp 29 januari 2026 publiceerde de Commissie de EU-visumstrategie. "
                                     "Met de strategie beoogt de Commissie het visumbeleid strategischer in te zetten. "
                                     "Het kabinet steunt de strategie.")
    assert {(KB.entities[p.holder_iri].key, p.target.label) for p in x.positions} == {("NLD", "EU-visumstrategie")}


def test_positions_a_clause_with_a_pronoun_subject_of_its_own_names_no_target(tmp_path):
    x, _ = extract_passage(tmp_path, "Verordening gegevensbescherming\nDe Raad sprak over de verordening. Enkele "
                                     "lidstaten stemden niet in, zij willen dat de terugkeerrichtlijn blijft gelden.")
    assert {(KB.entities[p.holder_iri].key, p.stance, p.target.label) for p in x.positions} == {
        ("MULTIPLE", "oppose", "Verordening gegevensbescherming")}


@pytest.mark.parametrize("sentence, holders", [
    # a verb used as a noun acts on what follows its "van"
    ("Het voorzitterschap onderstreepte het belang van de Schengengrenscode en van het ondersteunen van Griekenland.",
     {"PRESIDENCY"}),
    ("De steun van Griekenland voor de Schengengrenscode is groot.", {"GRC"}),
    # an actor in a topic label before a colon is the topic
    ("Frontex: er is voortgang geboekt met de Schengengrenscode; het streven is om snel een akkoord te bereiken.", set()),
])
def test_positions_who_is_no_holder_near_a_cue(tmp_path, sentence, holders):
    x, _ = extract_passage(tmp_path, "Schengen\n" + sentence)
    assert {KB.entities[p.holder_iri].key for p in x.positions} == holders


@pytest.mark.parametrize("sentence", [
    "Het voorzitterschap concludeerde dat er weinig steun bestond voor de terugkeerverordening.",
    "De terugkeerverordening kreeg in de Raad slechts beperkte steun.",
])
def test_positions_scarce_support_is_the_member_states_opposition(tmp_path, sentence):
    x, _ = extract_passage(tmp_path, "Terugkeer\n" + sentence)
    assert [(KB.entities[p.holder_iri].key, p.stance) for p in x.positions] == [("MULTIPLE", "oppose")]


@pytest.mark.parametrize("sentence, found", [
    # "en" joining a main clause with a subject of its own: each clause has its holder
    ("Hongarije stemde tegen de terugkeerverordening en Oostenrijk onthield zich.",
     {("HUN", "oppose"), ("AUT", "abstain")}),
    ("De terugkeerverordening wordt door een grote groep lidstaten gesteund.", {("MULTIPLE", "support")}),
    ("Op de terugkeerverordening hadden verschillende lidstaten nog een studievoorbehoud.", {("MULTIPLE", "concern")}),
    ("Het kabinet was actief pleitbezorger van een snelle afronding van de terugkeerverordening.", {("NLD", "support")}),
    ("Nederland opteert voor de terugkeerverordening.", {("NLD", "support")}),  # a verb of five letters' stem
    ("De Raad heeft zich gecommitteerd aan de terugkeerverordening.", {("COUNCIL", "support")}),
])
def test_positions_council_report_wordings(tmp_path, sentence, found):
    assert _holders_and_stances(tmp_path, sentence) == found


def test_positions_an_initiative_is_the_last_instrument_of_any_kind(tmp_path):
    x, _ = extract_passage(tmp_path, "Terugkeerverordening\nDe Raad sprak over de terugkeerverordening. De Commissie "
                                     "presenteerde ook het EU-actieplan inzake terugkeer. Veel lidstaten verwelkomden "
                                     "dit initiatief.")
    assert [(KB.entities[p.holder_iri].key, p.target.label) for p in x.positions] == [
        ("MULTIPLE", "EU-actieplan inzake terugkeer")]


def test_positions_broad_support_that_is_needed_is_no_position(tmp_path):
    x, _ = extract_passage(tmp_path, "Terugkeer\nVoor de terugkeerverordening is brede steun nodig.")
    assert x.positions == []


@pytest.mark.parametrize("sentence, found", [
    ("De inzet van het voorzitterschap is om een akkoord over de terugkeerverordening te bereiken.",
     {("PRESIDENCY", "support")}),
    ("De inzet van Nederland is gericht op een snelle afronding van de terugkeerverordening.", {("NLD", "support")}),
    # adjectives of nationality joined before a noun of stance hold it together
    ("De Duitse en Nederlandse insteek is de terugkeerverordening te agenderen.",
     {("DEU", "support"), ("NLD", "support")}),
    # "inzet" alone is as often deployment
    ("De inzet van Frontex bij de uitvoering van de terugkeerverordening is verdubbeld.", set()),
    # an aim stated as a clause
    ("De inzet van het kabinet is dat de terugkeerverordening spoedig wordt aangenomen.", {("NLD", "support")}),
    ("De inzet van het voorzitterschap was dat de lidstaten de terugkeerverordening steunen.",
     {("PRESIDENCY", "support"), ("MULTIPLE", "support")}),
    # an aim that is the object of support is the supporter's position
    ("In algemene zin steunt het kabinet de inzet van de Commissie om de terugkeerverordening snel af te ronden.",
     {("NLD", "support")}),
    ("De inzet van de Commissie is om de terugkeerverordening snel af te ronden.", {("COM", "support")}),
    ("Het voorzitterschap beoogt tijdens deze Raad een algemene oriëntatie over de terugkeerverordening te bereiken.",
     {("PRESIDENCY", "support")}),
    # "dat" before the noun opens the clause the noun is in: no aim is stated
    ("Het voorzitterschap meldde dat de inzet van Frontex bij de terugkeerverordening groot is.", set()),
])
def test_positions_an_actor_s_aim_or_approach_is_its_support(tmp_path, sentence, found):
    assert _holders_and_stances(tmp_path, sentence) == found


@pytest.mark.parametrize("sentence, found", [
    ("Frankrijk drong aan op een snelle aanneming van de terugkeerverordening.", {("FRA", "support")}),
    ("Duitsland riep op tot een spoedige afronding van de onderhandelingen over de terugkeerverordening.",
     {("DEU", "support")}),
    ("De Commissie riep de lidstaten op de terugkeerverordening snel toe te passen.", {("COM", "support")}),
    ("Veel lidstaten vonden het belangrijk dat de terugkeerverordening ook terugkeerhubs regelt.",
     {("MULTIPLE", "support")}),
    ("Italië keerde zich tegen de terugkeerverordening.", {("ITA", "oppose")}),
    ("De door veel lidstaten bekritiseerde terugkeerverordening werd besproken.", {("MULTIPLE", "concern")}),
    # the subject of a passive is acted on; its agent holds the position
    ("De Commissie werd opgeroepen de terugkeerverordening snel te presenteren.", set()),
    ("De Commissie werd door Nederland opgeroepen de terugkeerverordening snel te presenteren.", {("NLD", "support")}),
    # a relative clause's subject is the thing it describes, not the actor of the clause before
    ("Het kabinet verwees naar een rapport van de Commissie, die oproept tot aanneming van de terugkeerverordening.",
     {("COM", "support")}),
    ("Nederland las een verklaring voor, die oproept tot snelle aanneming van de terugkeerverordening.", set()),
])
def test_positions_calls_insistence_importance_and_criticism(tmp_path, sentence, found):
    assert _holders_and_stances(tmp_path, sentence) == found


@pytest.mark.parametrize("sentence, found", [
    # a plea for dealing with an instrument's shortcomings is concern about it
    ("Nederland roept op tot het aanpakken van de tekortkomingen van de terugkeerverordening.", {("NLD", "concern")}),
    ("Nederland pleit voor het oplossen van de knelpunten in de uitvoering van de terugkeerverordening.",
     {("NLD", "concern")}),
    ("Duitsland pleitte voor een oplossing van de problemen met de terugkeerverordening.", {("DEU", "concern")}),
    ("Nederland pleit voor een snelle aanneming van de terugkeerverordening.", {("NLD", "support")}),
])
def test_positions_a_plea_for_dealing_with_shortcomings_is_concern(tmp_path, sentence, found):
    assert _holders_and_stances(tmp_path, sentence) == found


@pytest.mark.parametrize("sentence, found", [
    ("Voor het kabinet blijft het van belang dat de terugkeerverordening leidt tot een efficiëntere procedure.",
     {("NLD", "support")}),
    ("Voor veel lidstaten is het van belang dat de terugkeerverordening snel wordt aangenomen.", {("MULTIPLE", "support")}),
    ("Het is van belang dat de terugkeerverordening snel wordt aangenomen.", set()),
])
def test_positions_whose_view_a_fronted_voor_names(tmp_path, sentence, found):
    assert _holders_and_stances(tmp_path, sentence) == found


@pytest.mark.parametrize("sentence, found", [
    # a judgement of a text as acceptable, its object between the verb and the adjective
    ("Het kabinet acht de terugkeerverordening evenwichtig.", {("NLD", "support")}),
    ("Het kabinet acht de terugkeerverordening niet aanvaardbaar.", {("NLD", "oppose")}),
    ("Duitsland vond het voorstel voor een terugkeerverordening acceptabel.", {("DEU", "support")}),
    ("Het voorzitterschap achtte het compromis over de terugkeerverordening uitgebalanceerd.", {("PRESIDENCY", "support")}),
])
def test_positions_a_text_judged_acceptable(tmp_path, sentence, found):
    assert _holders_and_stances(tmp_path, sentence) == found


def test_positions_the_object_between_a_cue_s_words_is_its_target(tmp_path):
    x, _ = extract_passage(tmp_path, "Terugkeer\nHet kabinet acht de terugkeerverordening evenwichtig, anders dan "
                                     "de Eurodac-verordening.")
    assert {(p.target.iri and KB.entities[p.target.iri].key, p.rule.split("+")[1]) for p in x.positions} == {
        ("return_reg", "target_mention_inside_predicate")}


def test_positions_a_new_instrument_is_not_the_one_at_hand(tmp_path):
    x, _ = extract_passage(tmp_path, "Enhanced Border Security Partnership (EBSP)\n"
                           "Het kabinet is geen voorstander van een nieuw instrument. Het kabinet steunt het EBSP.")
    assert _rows(x) == {("NLD", "ebsp", "support")}


@pytest.mark.parametrize("sentence", [
    "Frankrijk en Spanje riepen op tot een spoedig akkoord.",
    "Frankrijk en Spanje steunen het evenwichtige compromis.",
])
def test_positions_a_judging_adjective_names_no_instrument_of_its_own(tmp_path, sentence):
    x, _ = extract_passage(tmp_path, "Enhanced Border Security Partnership (EBSP)\n" + sentence)
    assert _rows(x) == {("FRA", "ebsp", "support"), ("ESP", "ebsp", "support")}


def test_positions_an_actor_inside_a_committees_name_and_a_named_chair_hold_nothing(tmp_path):
    body = ("Enhanced Border Security Partnership (EBSP)\nDe leden van de vaste commissie voor Immigratie en Asiel / "
            "JBZ-Raad hebben kennisgenomen van het EBSP. In haar toespraak riep voorzitter Von der Leyen op tot "
            "steun voor het EBSP.")
    x, _ = extract_passage(tmp_path, body)
    assert _rows(x) == set()


@pytest.mark.parametrize("sentence", [
    "De Commissie pleitte voor Nederland als gastland.",
    "Nederland sprak steun uit voor Griekenland.",
    "Het kabinet steunt Frontex bij de uitvoering van het EBSP.",
])
def test_positions_an_actor_as_the_object_of_a_stance_is_no_instrument(tmp_path, sentence):
    x, _ = extract_passage(tmp_path, "Enhanced Border Security Partnership (EBSP)\n" + sentence)
    assert _rows(x) == set()


def test_positions_proposals_for_something_no_policy_noun_heads_are_their_own_target(tmp_path):
    x, _ = extract_passage(tmp_path, "Visa\nEen meerderheid van lidstaten sprak zich uit tegen de centrale rol voor de "
                                     "Europese Commissie in de voorstellen voor versterking van het Schengenbestuur.")
    assert {(p.stance, p.target.label) for p in x.positions} == {
        ("oppose", "voorstellen voor versterking van het Schengenbestuur")}


def test_positions_an_abstention_is_on_the_item_the_sentence_before_named(tmp_path):
    body = ("Schengen\nDe Raad heeft de prioriteiten voor de Schengencyclus vastgesteld.\n\n"
            "De Raad heeft de algemene oriëntatie over de verordening ter oprichting van een EU-talentenpool aangenomen. "
            "Enkele lidstaten, waaronder Nederland, onthielden zich van stemming.")
    x, _ = extract_passage(tmp_path, body)
    assert {(KB.entities[p.holder_iri].key, p.stance, p.target.label) for p in x.positions} == {
        ("MULTIPLE", "abstain", "verordening ter oprichting van een EU-talentenpool"),
        ("NLD", "abstain", "verordening ter oprichting van een EU-talentenpool")}
