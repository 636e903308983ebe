"""Procedural events and country groups from real sentences and paraphrases."""

from datetime import date

import pytest

from jbzgraph.kb import load_kb
from tests.helpers import extract_passage

KB = load_kb()


def _events(x):
    return {(e.target.key, e.stage, KB.entities[e.body_iri].key if e.body_iri else None, e.date) for e in x.events}


@pytest.mark.parametrize(
    "sentence, stage, body, when",
    [
        ("Het Coreper heeft op 11 december 2025 ingestemd met het onderhandelingsmandaat.", "negotiating_mandate", "COREPER", date(2025, 12, 11)),
        ("Het onderhandelingsmandaat is zonder verdere discussie vastgesteld in de RAZ van 16 december 2025.", "negotiating_mandate", "GAC", date(2025, 12, 16)),
        ("Op 23 juli 2025 presenteerde de Commissie een concept onderhandelingsmandaat.", "proposal", "COM", date(2025, 7, 23)),
        ("De JBZ-Raad bereikte op 13 juni 2025 een algemene oriëntatie over het EBSP.", "general_approach", "JHA_COUNCIL", date(2025, 6, 13)),
        ("Op 5 maart 2026 werd in de Raad een gedeeltelijke algemene oriëntatie over het EBSP bereikt.", "partial_general_approach", "COUNCIL", date(2026, 3, 5)),
        ("Het EBSP treedt op 1 januari 2027 in werking.", "entry_into_force", None, date(2027, 1, 1)),
        # the older wording of the Council's position
        ("De JBZ-Raad bereikte op 9 juni 2011 een gedeeltelijke algemene benadering over het EBSP.",
         "partial_general_approach", "JHA_COUNCIL", date(2011, 6, 9)),
    ],
)
def test_events_stage_body_date(tmp_path, sentence, stage, body, when):
    x, _ = extract_passage(tmp_path, "Enhanced Border Security Partnership (EBSP)\n" + sentence)
    assert ("ebsp", stage, body, when) in _events(x)


@pytest.mark.parametrize("clause", [
    ", zodat lidstaten de Dublinverordening beter kunnen toepassen.",
    ", indien lidstaten de Dublinverordening blijven toepassen.",
    ". De lidstaten passen daarbij de Dublinverordening toe, die de Raad in 2013 aannam.",
])
def test_an_instrument_of_another_subordinate_clause_does_not_take_the_step(tmp_path, clause):
    x, _ = extract_passage(tmp_path, "Terugkeer\nDe Raad heeft op 8 december 2025 de Terugkeerverordening aangenomen" + clause)
    stages = {(e.target.label, e.stage) for e in x.events if e.date == date(2025, 12, 8)}
    assert stages == {("Terugkeerverordening", "adoption")}


def test_a_participle_describing_another_noun_is_no_step(tmp_path):
    x, _ = extract_passage(tmp_path, "Drugs\nDe ministers spraken af om op basis van de vastgestelde prioriteiten "
                                     "in 2026 een actieplan tegen drugshandel op te stellen.")
    assert x.events == []


def test_what_conclusions_are_about_does_not_take_their_step(tmp_path):
    x, _ = extract_passage(tmp_path, "Drugs\nOp 8 december 2025 zijn de conclusies van de Raad en de vertegenwoordigers "
                                     "van de regeringen van de lidstaten over het Europees actieplan tegen drugshandel "
                                     "aangenomen.")
    assert [(e.target.type_name, e.stage) for e in x.events] == [("Conclusions", "adoption")]


def test_groups_enumeration_in_a_footnote_like_sentence(tmp_path):
    body = ("Coalitie\nDe C7 is een informeel samenwerkingsverband tussen Nederland, België, Frankrijk, Duitsland, "
            "Spanje, Italië en Zweden om de georganiseerde criminaliteit aan te pakken.")
    x, _ = extract_passage(tmp_path, body)
    members = {KB.entities[m.member_iri].key for m in x.memberships if m.group_key == "c7"}
    assert members == {"NLD", "BEL", "FRA", "DEU", "ESP", "ITA", "SWE"}


def test_groups_together_with_adds_the_netherlands(tmp_path):
    body = ("Brief\nNederland heeft samen met Duitsland, Denemarken en Italië een gezamenlijke brief gestuurd.")
    x, _ = extract_passage(tmp_path, body)
    members = {KB.entities[m.member_iri].key for m in x.memberships}
    assert members == {"NLD", "DEU", "DNK", "ITA"}


def test_groups_a_list_said_again_is_the_same_group(tmp_path):
    body = ("Noodmaatregelen\nVoorstel voor een Raadsbesluit ten behoeve van Letland, Litouwen en Polen.\n\n"
            "Het voorstel voor een Raadsbesluit ten behoeve van Letland, Litouwen en Polen is besproken.")
    x, _ = extract_passage(tmp_path, body)
    assert len({m.group_key for m in x.memberships}) == 1


def test_groups_need_three_countries(tmp_path):
    x, _ = extract_passage(tmp_path, "Overleg\nNederland en België spraken over de aanpak.")
    assert x.memberships == []


def test_events_a_mandate_named_in_passing_is_no_event(tmp_path):
    body = ("Enhanced Border Security Partnership (EBSP)\nHet kabinet is van mening dat het huidige "
            "onderhandelingsmandaat in lijn is met de eerdere kabinetsappreciatie.")
    x, _ = extract_passage(tmp_path, body)
    assert x.events == []


def test_events_a_subject_that_refers_back_takes_the_previous_instruments(tmp_path):
    body = ("Veilige landen\nOp 23 februari 2026 werden de nieuwe regels voor veilige derde landen en een EU-lijst van "
            "veilige landen van herkomst, als onderdelen van het asiel en migratiepact, bekrachtigd in de Raad. "
            "Deze aanpassingen zullen gelijktijdig met het Pact van toepassing worden op 12 juni 2026.")
    x, _ = extract_passage(tmp_path, body)
    got = _events(x)
    for key in ("safe_third_country", "safe_countries_origin"):
        assert (key, "adoption", "COUNCIL", date(2026, 2, 23)) in got
        assert (key, "application", None, date(2026, 6, 12)) in got
    assert ("pact", "application", None, date(2026, 6, 12)) in got
    assert not any(k == "pact" and stage == "adoption" for k, stage, _, _ in got), "a frame is no target"


def test_events_a_subject_that_names_its_own_instrument_does_not_refer_back(tmp_path):
    body = ("Terugkeer\nDe Commissie presenteerde op 3 mei 2024 het voorstel voor een terugkeerverordening. "
            "De verordening betreffende het Europees strafregisterinformatiesysteem treedt op 12 juni 2026 in werking.")
    x, _ = extract_passage(tmp_path, body)
    assert {(e.target.label, e.stage) for e in x.events if e.stage == "entry_into_force"} == {
        ("verordening betreffende het Europees strafregisterinformatiesysteem", "entry_into_force")}


def test_events_a_word_between_the_adjective_and_the_noun_of_a_stage(tmp_path):
    body = ("Milieucriminaliteit\nOp 26 november 2024 is in de triloog een voorlopig politiek akkoord bereikt over de "
            "richtlijn inzake milieucriminaliteit.")
    x, _ = extract_passage(tmp_path, body)
    assert [(e.target.label, e.stage, e.date) for e in x.events] == [
        ("richtlijn inzake milieucriminaliteit", "provisional_agreement", date(2024, 11, 26))]


@pytest.mark.parametrize("sentence", [
    "Het kabinet hecht aan een spoedige inwerkingtreding van het EES.",
    "Nederland pleit voor een snelle vaststelling van de richtlijn inzake milieucriminaliteit.",
    "Het kabinet hoopt dat in de triloog spoedig een akkoord wordt bereikt over de richtlijn inzake milieucriminaliteit.",
])
def test_events_a_step_wished_for_is_not_taken(tmp_path, sentence):
    x, _ = extract_passage(tmp_path, "Grenzen\n" + sentence)
    assert x.events == []


def test_events_a_date_and_the_verb_after_a_title_are_no_part_of_it(tmp_path):
    body = ("Europees Openbaar Ministerie\nDe Commissie heeft het besluit over de deelname van Polen op 29 februari "
            "2024 vastgesteld. Het Commissiebesluit zal op 20 maart 2024 gefaseerd in werking treden.")
    x, _ = extract_passage(tmp_path, body)
    assert {(e.target.label, e.stage, e.body_iri and KB.entities[e.body_iri].key, e.date) for e in x.events} == {
        ("besluit over de deelname van Polen", "adoption", "COM", date(2024, 2, 29)),
        ("besluit over de deelname van Polen", "entry_into_force", None, date(2024, 3, 20))}


def test_events_an_instrument_named_with_and_without_its_authors_is_one(tmp_path):
    body = ("Grenzen\nDe Commissie presenteerde op 12 september 2018 de Verordening van het Europees Parlement en de "
            "Raad betreffende de Europese Grens- en Kustwacht. Nederland steunt de verordening betreffende de Europese "
            "Grens- en Kustwacht.")
    x, _ = extract_passage(tmp_path, body)
    assert len({e.target.iri for e in x.events} | {p.target.iri for p in x.positions}) == 1


def test_events_a_partial_agreement_of_the_council_is_its_partial_general_approach(tmp_path):
    x, _ = extract_passage(tmp_path, "Asiel\nDe Raad bereikte een gedeeltelijk akkoord met betrekking tot de "
                                     "Eurodac-verordening.")
    assert [(e.target.key, e.stage) for e in x.events] == [("eurodac", "partial_general_approach")]


@pytest.mark.parametrize("body", [
    # the noun of a fixed stage phrase alone ("van toepassing zijn")
    "Corruptie\nDe richtlijn inzake de bestrijding van corruptie is besproken. Een meerderheid van de lidstaten was "
    "voorstander van een verplichte toepassing.",
    # a state described, undated
    "Inreisverbod\nWij informeren uw Kamer over de lijst van landen waar een EU-inreisverbod van toepassing is.",
])
def test_events_an_application_phrase_that_states_no_step(tmp_path, body):
    x, _ = extract_passage(tmp_path, body)
    assert x.events == []


def test_events_an_adverb_and_participle_after_a_title_are_no_part_of_it(tmp_path):
    x, _ = extract_passage(tmp_path, "Strafregister\nDe Raad heeft op 8 oktober 2024 de verordening inzake het "
                                     "Europees strafregisterinformatiesysteem formeel aangenomen.")
    assert [(e.target.label, e.stage) for e in x.events] == [
        ("verordening inzake het Europees strafregisterinformatiesysteem", "adoption")]


def test_events_a_subject_that_refers_back_takes_a_weak_step_a_named_one_its_own(tmp_path):
    body = ("Slachtoffers\nDe Commissie presenteerde op 12 juli 2023 de richtlijn inzake de rechten van slachtoffers. "
            "Het voorstel werd op 1 juli 2024 door de Raad aangenomen. Het voorstel voor een richtlijn inzake "
            "milieucriminaliteit werd op 3 maart 2024 door de Commissie gepresenteerd.")
    x, _ = extract_passage(tmp_path, body)
    assert {(e.target.label, e.stage, e.date) for e in x.events} == {
        ("richtlijn inzake de rechten van slachtoffers", "proposal", date(2023, 7, 12)),
        ("richtlijn inzake de rechten van slachtoffers", "adoption", date(2024, 7, 1)),
        ("richtlijn inzake milieucriminaliteit", "proposal", date(2024, 3, 3))}


def test_events_the_councils_agreement_on_its_own_conclusions_adopts_them(tmp_path):
    x, _ = extract_passage(tmp_path, "Justitie\nDe Raad bereikte op 13 juni 2024 overeenstemming over de conclusies "
                                     "inzake de toekomst van de justitiële samenwerking.")
    assert [(e.stage, e.date) for e in x.events] == [("adoption", date(2024, 6, 13))]


@pytest.mark.parametrize("sentence, stages", [
    ("Nadat in zeer korte tijd een akkoord is bereikt over de richtlijn inzake milieucriminaliteit, is eind 2016 het "
     "agentschap van start gegaan.", ["provisional_agreement"]),
    ("Nadat de richtlijn inzake milieucriminaliteit is aangenomen, zal de Commissie een verslag opstellen.", []),
])
def test_events_what_nadat_opens_was_taken_when_the_sentence_tells_the_past(tmp_path, sentence, stages):
    x, _ = extract_passage(tmp_path, "Milieu\n" + sentence)
    assert [e.stage for e in x.events if e.target.label == "richtlijn inzake milieucriminaliteit"] == stages


def test_mentions_an_act_titled_in_lower_case_is_named_in_a_list(tmp_path):
    body = ("Agenda\nDe vermoedelijke hoofdpunten van bespreking zullen zijn:\n\n  • het Gemeenschappelijk Europees "
            "Asielstelsel,\n\n  • het voorstel voor een richtlijn betreffende het recht op informatie in strafprocedures.")
    x, _ = extract_passage(tmp_path, body)
    assert "richtlijn betreffende het recht op informatie in strafprocedures" in {
        m.name for m in x.mentions if m.kind == "instrument"}


@pytest.mark.parametrize("sentence, found", [
    ("De Commissie heeft op 4 maart 2024 het eerste verslag over de stand van de Schengenruimte gepresenteerd.", False),
    ("De Commissie presenteerde haar jaarlijkse migratie- en asielverslag.", False),
    ("De Raad heeft tijdens de vergadering een algemene oriëntatie bereikt.", True),
    ("De Raad bereikte een akkoord over de tekst.", True),
])
def test_events_a_step_on_an_object_the_sentence_names_otherwise_is_not_the_sections(tmp_path, sentence, found):
    x, _ = extract_passage(tmp_path, "Richtlijn inzake de bestrijding van corruptie\n" + sentence)
    assert bool(x.events) == found


def test_events_a_paragraph_that_names_its_item_bounds_what_a_short_mention_refers_to(tmp_path):
    body = ("Justitie\nStrategische richtsnoeren: De Raad sprak over de strategische richtsnoeren voor justitie.\n\n"
            "Insolventie: De Raad stelde op 5 december 2013 de voorgelegde richtsnoeren vast.")
    x, _ = extract_passage(tmp_path, body)
    assert [(e.target.label, e.stage) for e in x.events] == [("richtsnoeren Insolventie", "adoption")]


def test_events_a_participle_closing_the_clause_is_no_part_of_a_name(tmp_path):
    x, _ = extract_passage(tmp_path, "Schengen\nDe Raad heeft op 13 juni 2024 de prioriteiten voor de Schengencyclus van "
                                     "2024-2025 vastgesteld.")
    assert all(not e.target.label.endswith("vastgesteld") for e in x.events)


def test_events_an_agreement_on_an_extension_is_the_extension(tmp_path):
    x, _ = extract_passage(tmp_path, "Oekraïne\nEr werd op 13 juni 2024 een politiek akkoord bereikt op de verlenging "
                                     "van de richtlijn tijdelijke bescherming.")
    assert {e.stage for e in x.events} == {"extension"}


def test_events_an_a_item_mark_adds_no_step_to_the_one_the_sentence_states(tmp_path):
    x, _ = extract_passage(tmp_path, "Slachtoffers\nDe algemene oriëntatie over de slachtofferrechtenrichtlijn werd als "
                                     "hamerstuk aangenomen (a-punt).")
    assert {e.stage for e in x.events} == {"general_approach"}


def test_events_what_others_signed_in_a_relative_clause_is_their_step_not_the_councils(tmp_path):
    x, _ = extract_passage(tmp_path, "Griekenland\nDe Raad verwelkomde het operationeel plan dat EASO en Griekenland "
                                     "hebben ondertekend.")
    assert [(e.target.label, e.stage, e.body_iri and KB.entities[e.body_iri].key) for e in x.events] == [
        ("operationeel plan", "other", "EUAA")]
    assert [(KB.entities[p.holder_iri].key, p.stance) for p in x.positions] == [("COUNCIL", "support")]


def test_events_the_configuration_named_beats_the_council(tmp_path):
    body = ("Terugkeer\nDe nieuwe regels voor de Terugkeerverordening zijn in lijn met de algemene oriëntatie van de "
            "Raad die werd aangenomen tijdens de JBZ-Raad van 8 en 9 december 2025.")
    x, _ = extract_passage(tmp_path, body)
    assert ("return_reg", "general_approach", "JHA_COUNCIL", date(2025, 12, 8)) in _events(x)


def test_groups_a_list_in_a_footnote_is_named_by_the_sentence_it_hangs_from(tmp_path):
    body = ("Raad van Europa\n\nDaarnaast steunde Nederland ook, samen met 3 andere lidstaten, een gezamenlijk "
            "statement op initiatief van Denemarken en Italië.1 Het statement is bijgevoegd.\n\n"
            "1 Denemarken, Italië, Oostenrijk en San Marino.")
    x, document = extract_passage(tmp_path, body)
    assert [f.number for f in document.footnotes] == [1]
    groups = {m.group_key for m in x.memberships}
    assert groups == {"joint_statement"}
    members = {KB.entities[m.member_iri].key for m in x.memberships}
    assert members == {"NLD", "DNK", "ITA", "AUT", "SMR"}


def test_events_a_deadline_is_not_the_date_of_the_step_and_the_meeting_dates_its_own_steps():
    from tests.helpers import processed

    x = processed("2025-06-23_kamerstuk-32317-964.txt").extraction
    (ext,) = [e for e in x.events if e.stage == "extension"]
    assert ext.target.key == "tpd" and KB.entities[ext.body_iri].key == "JHA_COUNCIL"
    assert ext.date == x.letter.meeting.first == date(2025, 6, 12)
    assert ext.rule.endswith("+date_of_meeting")


def test_events_a_communication_about_an_instrument_is_its_own_target(tmp_path):
    body = ("Pact\nOp 11 juni 2025 publiceerde de Commissie een Mededeling over de stand van zaken op de "
            "implementatie van het Asiel- en Migratiepact.")
    x, _ = extract_passage(tmp_path, body)
    (e,) = x.events
    assert e.stage == "proposal" and e.target.type_name == "Communication" and e.target.iri == ""
    assert e.target.label.startswith("Mededeling over de stand van zaken")


def test_events_an_instrument_the_kb_lacks_is_minted_from_its_name(tmp_path):
    body = ("Hervestiging\nDe uitvoering start per 1 januari 2026, wanneer het door de Commissie aangekondigde "
            "tweejarige Unieplan 2026-2027 in werking treedt.")
    x, _ = extract_passage(tmp_path, body)
    (e,) = x.events
    assert (e.stage, e.date, e.body_iri) == ("entry_into_force", date(2026, 1, 1), None)
    assert e.target.label == "tweejarige Unieplan 2026-2027"


def test_events_an_act_cited_with_its_authors_and_date_was_adopted_then(tmp_path):
    body = ("Hervestiging\nVerordening (EU) 2024/1350 van het Europees Parlement en de Raad van 14 mei 2024 tot "
            "vaststelling van een Uniekader voor hervestiging en toelating op humanitaire gronden.")
    x, _ = extract_passage(tmp_path, body)
    (e,) = [e for e in x.events if e.rule.startswith("stage_adoption+act_citation")]
    assert e.date == date(2024, 5, 14) and e.body_iri is None
    assert e.target.key == "urf" or ("celex", "32024R1350") in e.target.identifiers


def test_events_the_commission_adopts_its_implementing_acts_and_proposes_the_councils(tmp_path):
    own = ("Solidariteit\nOp 11 november 2025 heeft de Commissie het Uitvoeringsbesluit inzake de verdeling van "
           "de solidariteitsbijdragen gepubliceerd.")
    x, _ = extract_passage(tmp_path, own)
    assert {(e.stage, KB.entities[e.body_iri].key) for e in x.events} == {("adoption", "COM")}
    councils = ("Solidariteit\nOp 11 november 2025 heeft de Commissie een uitvoeringsbesluit van de Raad inzake de "
                "verdeling van de solidariteitsbijdragen gepubliceerd.")
    x, _ = extract_passage(tmp_path, councils)
    assert {(e.stage, KB.entities[e.body_iri].key) for e in x.events} == {("proposal", "COM")}


@pytest.mark.parametrize("sentence, stage", [
    ("Op 29 januari 2026 heeft de Commissie een aanbeveling inzake het aantrekken van talent gepubliceerd.", "adoption"),
    ("Op 29 januari 2026 heeft de Commissie een voorstel voor een aanbeveling van de Raad inzake het aantrekken "
     "van talent gepubliceerd.", "proposal"),
])
def test_events_a_commission_recommendation_is_adopted_a_council_one_proposed(tmp_path, sentence, stage):
    x, _ = extract_passage(tmp_path, "Talent\n" + sentence)
    assert {(e.stage, KB.entities[e.body_iri].key) for e in x.events} == {(stage, "COM")}


@pytest.mark.parametrize("sentence, stage", [
    ("De Raad bereikte overeenstemming over de verordening cessie van vorderingen.", "general_approach"),
    ("Het Coreper bereikte een akkoord over de verordening cessie van vorderingen.", "general_approach"),
    ("De Raad en het Europees Parlement bereikten een akkoord over de verordening cessie van vorderingen.",
     "provisional_agreement"),
    ("De Raad bereikte een voorlopig akkoord over de verordening cessie van vorderingen.", "provisional_agreement"),
])
def test_events_an_agreement_of_the_council_alone_is_its_general_approach(tmp_path, sentence, stage):
    x, _ = extract_passage(tmp_path, "Civiel recht\n" + sentence)
    assert {e.stage for e in x.events} == {stage}


def test_events_what_a_step_responds_to_is_not_its_target(tmp_path):
    body = ("Voorstel voor een Raadsbesluit betreffende voorlopige noodmaatregelen\nOp 1 december jl. presenteerde de "
            "Europese Commissie een voorstel naar aanleiding van de conclusies van de Europese Raad van 21 oktober.")
    x, _ = extract_passage(tmp_path, body)
    assert {(e.stage, e.target.label) for e in x.events} == {
        ("proposal", "Raadsbesluit betreffende voorlopige noodmaatregelen")}


def test_events_a_compromise_reached_with_the_parliament_is_a_provisional_agreement(tmp_path):
    body = ("Civiele bescherming\nIn december 2018 is door de Raad en het Europese Parlement een compromis bereikt "
            "inzake het Civiele Beschermingsmechanisme.")
    x, _ = extract_passage(tmp_path, body)
    assert {(e.stage, e.target.label) for e in x.events} == {("provisional_agreement", "Civiele Beschermingsmechanisme")}


def test_events_an_attributive_participle_states_the_step_a_finite_verb_does_not(tmp_path):
    x, _ = extract_passage(tmp_path, "Visa\nToen verwelkomde de Raad de door de Commissie voorgestelde "
                                     "visumvrijstelling voor onderdanen van Servië.")
    assert {(e.stage, e.target.label) for e in x.events} == {("proposal", "visumvrijstelling voor onderdanen van Servië")}
    x, _ = extract_passage(tmp_path, "Visa\nDe Commissie zal hiertoe nu voorstellen uitwerken voor de visumcode.")
    assert not [e for e in x.events if e.stage == "proposal"]


def test_events_the_mandate_of_an_agency_is_no_negotiating_mandate(tmp_path):
    x, _ = extract_passage(tmp_path, "Frontex\nIn de Raad was overeenstemming over een versterkt mandaat van Frontex.")
    assert not [e for e in x.events if e.stage == "negotiating_mandate"]


def test_events_what_anders_dan_sets_apart_is_not_the_target(tmp_path):
    body = ("Bescherming\nAnders dan de andere richtlijnen van het pakket is de richtlijn inzake tijdelijke "
            "bescherming van ontheemden op 4 maart 2022 van toepassing geworden.")
    x, _ = extract_passage(tmp_path, body)
    assert {(e.stage, e.target.key, e.date) for e in x.events} == {("application", "tpd", date(2022, 3, 4))}


def test_events_a_report_lists_instruments_with_their_steps(tmp_path):
    body = ("Verslag van de Raad Justitie en Binnenlandse Zaken van 3 en 4 juni 2010\n\n"
            "Tijdens deze bijeenkomst heeft de Raad de volgende instrumenten aangenomen:\n\n"
            "- voorstel voor een richtlijn inzake de bestrijding van corruptie (algemene oriëntatie, agendapunt 5);\n\n"
            "- voorstel voor een besluit inzake nauwere samenwerking op het gebied van echtscheiding "
            "(politiek akkoord, agendapunt 6);\n\n"
            "- ontwerp voor een Europees Pact ter bestrijding van de internationale drugshandel (agendapunt 12).\n\n"
            "Overige punten\n\nDe Raad sprak over de stand van zaken.")
    x, _ = extract_passage(tmp_path, body)
    found = {(e.stage, e.target.label, e.rule.split("+")[1]) for e in x.events}
    assert found == {
        ("general_approach", "richtlijn inzake de bestrijding van corruptie", "listed_with_its_step"),
        ("provisional_agreement", "besluit inzake nauwere samenwerking op het gebied van echtscheiding", "listed_with_its_step"),
        ("adoption", "Europees Pact ter bestrijding van de internationale drugshandel", "listed_under_its_step"),
    }


def test_a_one_word_kb_name_inside_a_longer_name_is_another_instrument(tmp_path):
    x, _ = extract_passage(tmp_path, "Drugs\nDe Raad heeft op 4 juni 2010 het Pact ter bestrijding van de "
                                     "internationale drugshandel aangenomen.")
    (e,) = x.events
    assert e.target.iri == "" and e.target.label == "Pact ter bestrijding van de internationale drugshandel"
    x, _ = extract_passage(tmp_path, "Migratie\nDe Raad heeft op 14 mei 2024 het Pact aangenomen.")
    (e,) = x.events
    assert e.target.key == "pact"


@pytest.mark.parametrize("sentence", [
    "Volgens het voorzitterschap is het voortgangsverslag over de verordening cessie van vorderingen "
    "zonder debat aangenomen.",
    "Daarnaast is het voorstel voor een verordening cessie van vorderingen terugverwezen naar de raadswerkgroep.",
    "Inmiddels is de verordening cessie van vorderingen van start gegaan.",
])
def test_events_other_steps_of_an_instrument(tmp_path, sentence):
    x, _ = extract_passage(tmp_path, "Civiel recht\n" + sentence)
    assert {(e.stage, e.target.label) for e in x.events} == {("other", "verordening cessie van vorderingen")}


@pytest.mark.parametrize("sentence, stages", [
    ("De Commissie zal in maart 2026 een voorstel voor een Terugkeerverordening presenteren.", set()),
    ("Naar verwachting zal de Raad op 12 juni 2026 een algemene oriëntatie over de Terugkeerverordening bereiken.", set()),
    ("Het kabinet verwelkomt de beoogde aanname van de algemene oriëntatie over de Terugkeerverordening.", set()),
    ("De Terugkeerverordening zal op 1 juli 2026 in werking treden.", {"entry_into_force"}),
    # a step an actor wants or aims at is not taken; one reported is
    ("Nederland wil dat de Terugkeerverordening spoedig wordt aangenomen.", set()),
    ("De inzet van het kabinet is dat de Terugkeerverordening spoedig wordt aangenomen.", set()),
    ("Het kabinet hecht eraan dat de Terugkeerverordening spoedig wordt aangenomen.", set()),
    ("Het kabinet acht het van belang dat de Terugkeerverordening spoedig wordt aangenomen.", set()),
    ("Het voorzitterschap meldde dat de Terugkeerverordening is aangenomen.", {"adoption"}),
    # a step that can or must be taken is not taken yet
    ("Na de stemming in het Europees Parlement kan de Terugkeerverordening worden aangenomen.", set()),
    ("Voor de Terugkeerverordening moet het onderhandelingsmandaat nog worden vastgesteld.", set()),
])
def test_a_step_announced_in_the_future_tense_is_not_taken_yet(tmp_path, sentence, stages):
    x, _ = extract_passage(tmp_path, "Terugkeer\n" + sentence)
    assert {e.stage for e in x.events} == stages


def test_events_a_strong_participle_the_tagger_leaves_unlemmatised(tmp_path):
    x, _ = extract_passage(tmp_path, "Terugkeer\nOp 4 juni 2024 is de Terugkeerverordening in werking getreden.")
    assert [(e.stage, e.date.isoformat()) for e in x.events] == [("entry_into_force", "2024-06-04")]


def test_events_a_plural_stage_noun_the_tagger_leaves_unlemmatised_names_the_stage(tmp_path):
    x, _ = extract_passage(tmp_path, "Strafrecht\nTijdens de Justitiedag stelde de Raad drie Raadsposities vast: op de "
                                     "richtlijn ter bestrijding van corruptie, de richtlijn inzake slachtofferrechten "
                                     "en op de verordening over digitale bewijsvoering.")
    assert {(e.stage, e.target.label) for e in x.events} == {
        ("general_approach", "richtlijn ter bestrijding van corruptie"),
        ("general_approach", "richtlijn inzake slachtofferrechten"),
        ("general_approach", "verordening over digitale bewijsvoering")}


@pytest.mark.parametrize("sentence, stages", [
    # a verb used as a noun names an act, it reports no step
    ("De Raad bespreekt de verordening van het Europees Parlement en de Raad met als doel het vaststellen van "
     "gemeenschappelijke regels over grenscontroles.", set()),
    ("De Raad heeft op 3 maart 2026 de verordening over grenscontroles vastgesteld.", {"adoption"}),
])
def test_events_an_act_named_by_a_verb_as_noun_is_no_step(tmp_path, sentence, stages):
    x, _ = extract_passage(tmp_path, "Grenzen\n" + sentence)
    assert {e.stage for e in x.events} == stages


@pytest.mark.parametrize("sentence, stages", [
    ("Het EES wordt op 12 oktober 2025 operationeel.", {"application"}),
    ("Met derde landen wordt op operationeel niveau gewerkt aan het EES.", set()),
])
def test_an_adjective_cue_before_another_noun_is_no_step(tmp_path, sentence, stages):
    x, _ = extract_passage(tmp_path, "Entry/Exit System (EES)\n" + sentence)
    assert {e.stage for e in x.events} == stages


def test_events_a_document_whose_complement_follows_the_verb_is_what_was_adopted(tmp_path):
    x, _ = extract_passage(tmp_path, "Visum\nOp 29 januari 2026 heeft de Commissie een aanbeveling gepubliceerd "
                                     "over het aantrekken van talent voor innovatie.")
    assert [(e.target.label, e.stage, KB.entities[e.body_iri].key) for e in x.events] == [
        ("aanbeveling over het aantrekken van talent voor innovatie", "adoption", "COM")]


def test_events_the_alias_of_a_frame_is_no_target(tmp_path):
    # the regulation is named as the frame of the plan; its "(hierna: …)" name is that frame again
    x, _ = extract_passage(tmp_path, "Hervestiging\nOp 11 november 2025 heeft de Commissie het Unieplan voor hervestiging "
                                     "2026-2027 gepresenteerd onder de Uniekaderverordening voor hervestiging en toelating "
                                     "op humanitaire gronden (hierna: Hervestigingsverordening).")
    assert [(e.target.type_name, e.stage) for e in x.events] == [("ActionPlan", "proposal")]


def test_events_a_long_title_is_read_whole_and_its_step_reaches_the_cue_at_its_end(tmp_path):
    x, _ = extract_passage(tmp_path, "Kinderen\nOp 9 juni 2022 zijn de conclusies van de Raad en de vertegenwoordigers "
                                     "van de regeringen van de lidstaten over de bescherming van kinderen tegen "
                                     "seksueel misbruik aangenomen.")
    assert [(e.target.label, e.stage) for e in x.events] == [(
        "conclusies van de Raad en de vertegenwoordigers van de regeringen van de lidstaten over de bescherming van "
        "kinderen tegen seksueel misbruik", "adoption")]


@pytest.mark.parametrize("sentence, stages", [
    ("De Raad stemde in met de conclusies over de bestrijding van drugshandel.", {("Conclusions", "adoption")}),
    ("Daarna ging het Coreper akkoord met het besluit tot ondertekening van de overeenkomst met Marokko.",
     {("Decision", "adoption")}),
    ("Nederland stemde in met de conclusies over de bestrijding van drugshandel.", set()),
    ("In de Raad stemde Nederland in met de conclusies over de bestrijding van drugshandel.", set()),
    ("De Raad stemde niet in met de conclusies over de bestrijding van drugshandel.", set()),
])
def test_events_the_assent_of_a_council_body_is_its_decision(tmp_path, sentence, stages):
    x, _ = extract_passage(tmp_path, "Drugs\n" + sentence)
    assert {(e.target.type_name, e.stage) for e in x.events} == stages


def test_events_a_council_report_list_goes_on_where_the_rendering_lost_its_markers(tmp_path):
    body = ("Belangrijkste resultaten\n\nTijdens deze bijeenkomst heeft de Raad de volgende instrumenten aangenomen:\n\n"
            "- voorstel voor een richtlijn inzake de bestrijding van mensensmokkel (algemene oriëntatie, agendapunt 4);\n\n"
            "ontwerp voor een Europees actieplan tegen wapenhandel (besluit, agendapunt 9);\n\n"
            "conclusies over de bescherming van kinderen in migratie (aanneming, agendapunt 11).")
    x, _ = extract_passage(tmp_path, body)
    assert {(e.target.type_name, e.stage) for e in x.events} >= {
        ("Directive", "general_approach"), ("ActionPlan", "adoption"), ("Conclusions", "adoption")}


def test_events_a_council_that_is_akkoord_with_conclusions_adopts_them(tmp_path):
    x, _ = extract_passage(tmp_path, "Migratie\nDe Raad is akkoord met de conclusies over de oostelijke grenzen.")
    assert [(e.target.label, e.stage) for e in x.events] == [("conclusies over de oostelijke grenzen", "adoption")]


def test_a_heading_names_the_conclusions_a_short_mention_adopts(tmp_path):
    x, _ = extract_passage(tmp_path, "Raadsconclusies betere beheersing grensoverschrijdende criminaliteit:\n\n"
                                     "De Raad nam op 9 oktober 2014 conclusies aan die ingaan op de rol van Europol.")
    assert [(e.target.label, e.stage, e.date) for e in x.events] == [
        ("Raadsconclusies betere beheersing grensoverschrijdende criminaliteit", "adoption", date(2014, 10, 9))]


@pytest.mark.parametrize("sentence, found", [
    ("De Commissie en Griekenland presenteerden op 3 maart 2025 de stand van zaken van het actieplan voor asiel.", []),
    ("Op 3 maart 2025 heeft de Commissie de resultaten van het actieplan voor asiel gepresenteerd.", []),
    ("De Commissie presenteerde op 3 maart 2025 het actieplan voor asiel.", [("proposal", "COM")]),
    ("Na een toelichting door de Commissie nam de Raad op 3 maart 2025 het actieplan voor asiel aan.", [("adoption", "COUNCIL")]),
])
def test_a_report_on_how_an_instrument_stands_is_no_step_of_it(tmp_path, sentence, found):
    x, _ = extract_passage(tmp_path, "Asiel\n" + sentence)
    assert [(e.stage, KB.entities[e.body_iri].key) for e in x.events] == found


def test_an_order_named_by_a_compound_is_an_instrument(tmp_path):
    x, _ = extract_passage(tmp_path, "Strafrecht\nDe Raad bereikte op 9 juni 2011 een algemene oriëntatie over het "
                                     "Europees beschermingsbevel.")
    assert [(e.target.label, e.stage) for e in x.events] == [("Europees beschermingsbevel", "general_approach")]


@pytest.mark.parametrize("sentence, found", [
    ("Op 11 maart 2025 heeft de Commissie een voorstel gedaan voor een richtlijn inzake terugkeer.",
     ("proposal", "COM", date(2025, 3, 11))),
    ("Tegelijk trekt de Commissie op 11 maart 2025 het voorstel voor een richtlijn inzake terugkeer in.",
     ("other", "COM", date(2025, 3, 11))),
    # a Commission number says whose proposal was published
    ("De leden hebben kennisgenomen van het op 28 november 2023 gepubliceerde voorstel COM(2023) 755 voor een "
     "richtlijn inzake terugkeer.", ("proposal", "COM", date(2023, 11, 28))),
])
def test_proposals_made_withdrawn_and_published_by_the_commission(tmp_path, sentence, found):
    x, _ = extract_passage(tmp_path, "Terugkeer\n" + sentence)
    assert [(e.stage, KB.entities[e.body_iri].key, e.date) for e in x.events] == [found]


TWO_TITLES = (
    "Informatiesystemen\n"
    "De onderhandelingen over twee voorstellen zijn begonnen:\n\n"
    "1. Voorstel voor een verordening betreffende de vaststelling van een kader voor samenwerking tussen "
    "informatiesystemen (grenzen en visa) en tot wijziging van Verordening (EG) nr. 767/2008, Verordening "
    "(EU) 2016/399 en Verordening (EU) 2017/2226;\n\n"
    "2. Voorstel voor een verordening betreffende de vaststelling van een kader voor samenwerking tussen "
    "informatiesystemen (politie en justitie).\n\n")


def test_a_plural_short_mention_stands_for_every_instrument_in_focus_but_those_amended(tmp_path):
    x, _ = extract_passage(tmp_path, TWO_TITLES + "Op 14 juni 2018 bereikte de Raad een algemene oriëntatie over "
                                                  "de ontwerpverordeningen.")
    found = [e.target.label for e in x.events if e.stage == "general_approach"]
    # two instruments, told apart by their bracketed qualifiers; not the acts the first amends
    assert len(found) == 2 and len({e.target.ref for e in x.events}) == 2
    assert "(grenzen en visa)" in found[0] and "(politie en justitie)" in found[1]


def test_a_step_an_actor_aims_at_is_none(tmp_path):
    x, _ = extract_passage(tmp_path, TWO_TITLES + "De inzet van het voorzitterschap is om een algemene oriëntatie "
                                                  "over de ontwerpverordeningen te bereiken.")
    assert [e for e in x.events if e.stage == "general_approach"] == []


def test_an_agreement_under_a_presidency_of_the_council_is_the_trilogue_s(tmp_path):
    x, _ = extract_passage(tmp_path, "Confiscatie\nOnder het Spaanse voorzitterschap van de Raad is op 12 december "
                                     "2023 een akkoord bereikt over de richtlijn inzake confiscatie van "
                                     "vermogensbestanddelen.")
    assert [(e.stage, e.body_iri) for e in x.events] == [("provisional_agreement", None)]


@pytest.mark.parametrize("sentence", [
    "Het EBSP wordt mogelijk geagendeerd als A-punt op de Raad van 20 december 2025.",
    "Nederland had graag gezien dat het EBSP pas als A-punt op een Raad zou zijn geagendeerd.",
    "Als de Raad het mandaat over het EBSP zou vaststellen, kunnen de onderhandelingen beginnen.",
    "Het EBSP wordt wellicht op 20 december 2025 door de Raad aangenomen.",
])
def test_a_step_supposed_or_held_possible_is_none(tmp_path, sentence):
    x, _ = extract_passage(tmp_path, "Enhanced Border Security Partnership (EBSP)\n" + sentence)
    assert _events(x) == set()


def test_a_step_taken_as_soon_as_possible_is_one(tmp_path):
    x, _ = extract_passage(tmp_path, "Enhanced Border Security Partnership (EBSP)\n"
                                     "Het EBSP werd zo snel mogelijk als A-punt aangenomen door de Raad.")
    assert {(k, s, b) for k, s, b, _ in _events(x)} == {("ebsp", "adoption", "COUNCIL")}


@pytest.mark.parametrize("sentence, found", [
    ("Het Coreper heeft op 20 december 2025 een gedeeltelijke raadspositie aangenomen over het EBSP.",
     ("ebsp", "partial_general_approach", "COREPER", date(2025, 12, 20))),
    ("De Raad sprak over de mededeling van de Commissie van 13 mei 2015 over een Europese migratieagenda.",
     ("mededeling-migratieagenda", "proposal", "COM", date(2015, 5, 13))),
    ("Het Commissievoorstel van 4 mei 2016 tot wijziging van de Dublinverordening werd toegelicht.",
     ("verordening-commissie-dublin-wijziging", "proposal", "COM", date(2016, 5, 4))),
    ("De ministers bespraken de Raadsconclusies van 9 juni 2022 over de toekomst van Schengen.",
     ("raadsconclusies-schengen-toekomst", "adoption", "COUNCIL", date(2022, 6, 9))),
])
def test_a_document_dated_with_its_author_is_the_author_s_step_that_day(tmp_path, sentence, found):
    x, _ = extract_passage(tmp_path, "Migratie\n" + sentence)
    assert found in _events(x)


def test_the_date_of_a_document_is_no_part_of_its_name(tmp_path):
    dated, _ = extract_passage(tmp_path, "Migratie\nHet Commissievoorstel van 4 mei 2016 tot wijziging van de "
                                         "Dublinverordening werd toegelicht.", "a.txt")
    plain, _ = extract_passage(tmp_path, "Migratie\nHet kabinet steunt het Commissievoorstel tot wijziging van de "
                                         "Dublinverordening.", "b.txt")
    (e,) = [e for e in dated.events if e.stage == "proposal"]
    (p,) = plain.positions
    assert e.target.key == p.target.key and "mei" not in e.target.label


def test_a_step_an_actor_finds_important_is_not_taken(tmp_path):
    x, _ = extract_passage(tmp_path, "Enhanced Border Security Partnership (EBSP)\n"
                                     "Nederland vindt het belangrijk dat het EBSP snel wordt aangenomen.")
    assert _events(x) == set()



def test_conclusions_named_only_by_their_date_keep_it_in_their_name(tmp_path):
    x, _ = extract_passage(tmp_path, "Migratie\nDe lidstaten verwelkomen de voortgang met betrekking tot de "
                                     "Raadsconclusies van 10 oktober 2014 en de Raadsconclusies van 9 juni 2022.")
    adopted = {(e.target.label, e.date) for e in x.events if e.stage == "adoption"}
    assert adopted == {("Raadsconclusies van 10 oktober 2014", date(2014, 10, 10)),
                       ("Raadsconclusies van 9 juni 2022", date(2022, 6, 9))}


@pytest.mark.parametrize("sentence, found", [
    # the days of a meeting date its agenda no more than its conclusions are undated
    ("Het kabinet wijst op de agenda van de JBZ-Raad van 3 en 4 december 2015.", set()),
    ("De Commissie volgt de conclusies van de Europese Raad van 21 en 22 oktober 2021 op.",
     {("conclusies van de Europese Raad van 21 en 22 oktober 2021", "EUCO", date(2021, 10, 21))}),
])
def test_a_meeting_s_days_date_its_conclusions_only(tmp_path, sentence, found):
    x, _ = extract_passage(tmp_path, "Migratie\n" + sentence)
    assert {(e.target.label, KB.entities[e.body_iri].key, e.date) for e in x.events if e.stage == "adoption"} == found


def test_a_negotiating_result_reached_is_a_provisional_agreement(tmp_path):
    x, _ = extract_passage(tmp_path, "Asiel\nDit geldt ook voor de wetgevende instrumenten waarop al in 2018 een "
                                     "onderhandelingsresultaat werd bereikt: de Opvangrichtlijn en de Eurodac-verordening.")
    assert {(e.target.key, e.stage) for e in x.events} == {
        ("rcd_recast", "provisional_agreement"), ("eurodac", "provisional_agreement")}


@pytest.mark.parametrize("written, found", [
    ("1 december 2025", set()),  # a step dated after the letter was written is not yet taken
    ("22 december 2025", {("ebsp", "adoption", "COUNCIL", date(2025, 12, 20))}),
])
def test_a_step_dated_after_the_letter_is_not_taken(tmp_path, written, found):
    x, _ = extract_passage(tmp_path, "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
                                     f"Den Haag, {written}\nEnhanced Border Security Partnership (EBSP)\n"
                                     "Het EBSP wordt op 20 december 2025 door de Raad aangenomen.")
    assert _events(x) == found
