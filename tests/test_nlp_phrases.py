"""Policy phrases found by their head noun, with their names and keys, on sentences of the genre."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jbzgraph.kb import load_kb
from jbzgraph.nlp.phrases import find_phrases, phrase_key, policy_lexicon
from jbzgraph.nlp.tokens import tag_text

KB = load_kb()
LEX = policy_lexicon(KB)


def phrases(sentence: str):
    tokens = tag_text(sentence)
    return find_phrases(tokens, LEX)


def named(sentence: str) -> list[str]:
    return [p.label for p in phrases(sentence) if p.named]


@pytest.mark.parametrize("sentence, label", [
    ("De Raad bereikte een akkoord over de verordening inzake de bestrijding van mensensmokkel.",
     "verordening inzake de bestrijding van mensensmokkel"),
    ("Het kabinet steunt de Frontex-verordening.", "Frontex-verordening"),
    ("Nederland steunt de EU-mensensmokkelrichtlijn.", "EU-mensensmokkelrichtlijn"),
    ("De Commissie presenteerde een Commissieaanbeveling inzake het aantrekken van talent.",
     "Commissieaanbeveling inzake het aantrekken van talent"),
    ("Het kabinet ondertekende de intentieverklaring met Oeganda.", "intentieverklaring met Oeganda"),
    ("Het kabinet steunt het solidariteitsmechanisme.", "solidariteitsmechanisme"),
    ("De Raad stemde in met het Asiel- en Migratiepact.", "Asiel- en Migratiepact"),
    ("Dit betreft het voorstel tot wijziging van Verordening (EU) 2019/1896.",
     "voorstel tot wijziging van Verordening (EU) 2019/1896"),
    ("De lidstaten bespraken de gezamenlijke brief van negen lidstaten over het EVRM.",
     "gezamenlijke brief van negen lidstaten over het EVRM"),
    ("Het kabinet verwelkomt de API-verordeningen.", "API-verordeningen"),
    ("Er is ruime steun voor het One-stop-shop-beginsel.", "One-stop-shop-beginsel"),
    ("De Commissie publiceerde de voortgangsrapportage over herplaatsing.", "voortgangsrapportage over herplaatsing"),
    # a title's field: "in" and a bare plural or an adjective and a noun
    ("Het kabinet steunt de verordening inzake bewijsverkrijging in civiele procedures.",
     "verordening inzake bewijsverkrijging in civiele procedures"),
    ("Het kabinet steunt de richtlijn betreffende samenwerking in strafzaken.",
     "richtlijn betreffende samenwerking in strafzaken"),
    # the tagger reads the first word of the object as an adverb
    ("De verordening inzake terugkeer is in werking getreden.", "verordening inzake terugkeer"),
    # the tagger reads "betreffende" after an act number as a verb; it still chains the title
    ("Op 3 mei publiceerde de Commissie een voorstel tot herziening van de Richtlijn 2011/95/EU betreffende "
     "normen voor de erkenning van vluchtelingen.",
     "voorstel tot herziening van de Richtlijn 2011/95/EU betreffende normen voor de erkenning van vluchtelingen"),
    # infinitives used as nouns in a title, and a word joined to an acronym
    ("De Raad stelde een positie vast over de Richtlijn opsporen en vervolgen van witwassen.",
     "Richtlijn opsporen en vervolgen van witwassen"),
    ("Het kabinet steunt de anti-DDOS verordening.", "anti-DDOS verordening"),
    # a predicative adjective after the object ends the phrase
    ("Het kabinet zal het voorstel voor een terugkeerverordening vertrouwelijk aan uw Kamer sturen.",
     "voorstel voor een terugkeerverordening"),
    ("Het kabinet steunt de richtlijn ter opsporing en vervolgen van witwassen.",
     "richtlijn ter opsporing en vervolgen van witwassen"),
])
def test_a_phrase_headed_by_a_policy_noun_is_named(sentence, label):
    assert label in named(sentence)


@pytest.mark.parametrize("sentence", [
    # an adjective after a head in lower case opens the next constituent
    "Mede daardoor zijn in het voorstel extra waarborgen ter bescherming van gegevens opgenomen.",
    "Het kabinet steunt het voorstel.",
    "Nederland is kritisch over deze richtlijn.",
    "De nieuwe verordening werd aangenomen.",
    "In dat kader steunt het kabinet de inzet van de Commissie.",
    "De Kamerbrief van de minister gaat hierop in.",
    "Het kabinet steunt de kaderovereenkomst.",  # the form of the instrument at hand
    # a plural of a weak head names kinds of thing, not one
    "De verklaring roept op tot robuuste wetgevende kaders.",
    "Het kabinet zoekt flexibiliteit binnen de internationaal- en Europeesrechtelijke kaders.",
    "Lidstaten stemmen af welke nationale databanken worden gedeeld.",
    "Zij willen dat strengere nationale regels mogelijk blijven.",  # a weak head whose plural is the lexicon's word
    # "in het kader van" is a preposition ("in the context of")
    "Frontex steunt derde landen, ook in het kader van innovatieve vormen van samenwerking.",
    # the field labels of a BNC fiche
    "Titel voorstel",
    "Essentie voorstel",
    "Het kabinet steunt het EU-actieplan.",  # "EU-" says whose, not which
    # "de Unie" is the EU, and the State of the Union a speech
    "In haar toespraak over de Staat van de Unie van 13 september 2023 sprak zij over de Unie.",
    # a judging or temporal adjective names no instrument
    "Frankrijk riep op tot een spoedig akkoord en wil een aparte verordening.",
    "De Raad stelde de A-puntenlijst vast.",
])
def test_a_short_or_generic_mention_names_nothing(sentence):
    assert named(sentence) == []


def test_an_infinitive_closing_a_clause_with_an_auxiliary_is_its_verb_not_a_title_word():
    assert named("Nederland kan met de terugkeerverordening instemmen.") == ["terugkeerverordening"]


def test_and_before_a_preposition_opens_another_object():
    assert named("De Raad sprak over de richtlijn inzake slachtofferrechten en over de verordening over digitale "
                 "bewijsvoering.") == ["richtlijn inzake slachtofferrechten", "verordening over digitale bewijsvoering"]


@pytest.mark.parametrize("sentence, label", [
    ("Het kabinet hecht aan de Dublinregels.", "Dublinregels"),
    ("De Raad besprak de kaders voor de uitwisseling van gegevens.", "kaders voor de uitwisseling van gegevens"),
    ("Het kabinet steunt het kader voor hervestiging.", "kader voor hervestiging"),
])
def test_a_plural_weak_head_names_with_a_name_or_complement(sentence, label):
    assert named(sentence) == [label]


@pytest.mark.parametrize("sentence, label, key", [
    ("De Raad sprak over de voorstellen voor versterking van het Schengenbestuur.",
     "voorstellen voor versterking van het Schengenbestuur", "voorstel-schengenbestuur-versterking"),
    ("De Commissie presenteerde twee wetgevingsvoorstellen over terugkeer.", "wetgevingsvoorstellen over terugkeer",
     "voorstel-terugkeer-wetgeving"),
    ("Op 8 oktober heeft de Europese Commissie twee voorstellen gepubliceerd.", "voorstellen", "voorstel"),
    ("Het kabinet steunt de Terugkeerverordeningen.", "Terugkeerverordeningen", "verordening-terugkeer"),
])
def test_plurals_with_a_doubled_consonant_counting_words_and_actors_before_the_head(sentence, label, key):
    """A plural is found and keyed as its singular; "twee" counts and "de Europese Commissie"
    is an actor, neither names."""
    assert [(p.label, p.key) for p in phrases(sentence)] == [(label, key)]


def test_a_commission_number_after_the_head_names_the_instrument():
    found = [p for p in phrases("De Commissie heeft een voorstel voor een richtlijn COM(2016)723 uitgebracht.")
             if p.type_name == "Directive"]
    assert [(p.label, p.key, p.named, p.identifiers) for p in found] == [
        ("richtlijn", "richtlijn-com-2016-723", True, (("comReference", "COM(2016) 723"),))]


def test_one_noun_closing_the_phrase_is_its_name_a_weekday_is_not():
    assert named("De Raad besprak de verordening huwelijksvermogensstelsels.") == [
        "verordening huwelijksvermogensstelsels"]
    assert named("De Commissie presenteerde het voorstel dinsdag.") == []


def test_a_describing_first_part_of_a_compound_names_nothing():
    assert named("De Raad besprak de ontwerp-verordening.") == []


def test_a_footnote_mark_glued_to_the_last_word_is_no_part_of_the_name():
    assert named("Het kabinet steunt het EU-actieplan tegen migrantensmokkel5.") == [
        "EU-actieplan tegen migrantensmokkel"]


def test_a_capital_opening_a_heading_does_not_name_a_plural():
    assert named("Migratie-partnerschappen en deals met derde landen") == []


def test_an_author_is_not_part_of_the_name():
    tokens = tag_text(s := "Het kabinet steunt het voorstel van de Commissie.")
    commission = s.index("Commissie")
    found = find_phrases(tokens, LEX, authors=[(commission, commission + len("Commissie"))])
    assert [(p.label, p.named) for p in found] == [("voorstel", False)]


def test_a_proposal_for_an_instrument_stands_for_it():
    found = phrases("Het kabinet steunt het voorstel voor een Terugkeerverordening.")
    outer, inner = found
    assert outer.inner and outer.label == "voorstel voor een Terugkeerverordening"
    assert inner.label == "Terugkeerverordening" and inner.key == outer.key == "verordening-terugkeer"


@pytest.mark.parametrize("a, b", [
    ("voorstel voor een terugkeerverordening", "de Terugkeerverordening"),
    ("verordening inzake terugkeer", "Terugkeerverordening"),
    ("EU-visumstrategie", "visumstrategie"),
    ("Europese asiel- en migratiebeheerstrategie", "strategie voor asiel- en migratiebeheer"),
    ("het nieuwe Schengenacquis", "Schengen-acquis"),
])
def test_names_of_one_instrument_have_one_key(a, b):
    assert phrase_key(a.split(), LEX) == phrase_key(b.split(), LEX)


def test_different_instruments_have_different_keys():
    keys = {phrase_key(n.split(), LEX) for n in (
        "Terugkeerverordening", "Terugkeerrichtlijn", "Screeningsverordening", "voorstel tot wijziging van de Terugkeerverordening")}
    assert len(keys) == 4


WORDS = st.sampled_from(["de", "het", "een", "voorstel", "verordening", "voor", "inzake", "van", "Raad", "Commissie",
                         "nieuwe", "EU-", "terugkeer", "(", ")", "2024/1351", "en", "steunt", "kabinet", ",", "EES",
                         "Terugkeerverordening", "actieplan", "tegen", "mensensmokkel", "niet", "dat", "deze"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, min_size=1, max_size=18))
def test_phrases_lie_inside_the_sentence_in_order_and_keys_are_stable(words):
    sentence = " ".join(words) + "."
    found = phrases(sentence)
    for p in found:
        assert 0 <= p.start <= p.head_start < p.head_end <= p.end <= len(sentence)
        assert p.key == phrase_key(p.label.split(), LEX) and p.key == p.key.lower()
        assert p.label.strip() == p.label and p.label
    assert [p.head_start for p in found] == sorted(p.head_start for p in found)


@pytest.mark.parametrize("sentence, label", [
    ("De Raad sprak over de verordening cessie van vorderingen.", "verordening cessie van vorderingen"),
    ("Het kabinet steunt de Richtlijn tijdelijke bescherming.", "Richtlijn tijdelijke bescherming"),
])
def test_a_name_set_after_the_head_belongs_to_it(sentence, label):
    assert label in {p.label for p in phrases(sentence) if p.named}


@pytest.mark.parametrize("sentence, label", [
    ("Het kabinet steunt de Verordening inzake aanpak situaties van crisis en overmacht in het kader van migratie.",
     "Verordening inzake aanpak situaties van crisis en overmacht"),
    ("De Raad verwelkomde de verordening inzake visumvrijstelling voor Macedonië (FYROM), Servië en Montenegro.",
     "verordening inzake visumvrijstelling voor Macedonië (FYROM), Servië en Montenegro"),
])
def test_a_title_runs_on_over_coordinated_nouns_and_a_list_of_names(sentence, label):
    assert label in {p.label for p in phrases(sentence) if p.named}


@pytest.mark.parametrize("sentence, label", [
    ("Het kabinet verwelkomt het Pact on Migration and Asylum.", "Pact on Migration and Asylum"),
    ("Het kabinet steunt het EU Action Plan against migrant smuggling.", "EU Action Plan against migrant smuggling"),
    ("Nederland steunt de European Democracy Shield.", "European Democracy Shield"),
    ("De Commissie presenteerde de EU Agenda on drugs and organised crime.", "EU Agenda on drugs and organised crime"),
    ("Nederland steunt de Return Regulation niet.", "Return Regulation"),
])
def test_an_english_title_in_a_dutch_letter_is_named(sentence, label):
    assert label in named(sentence)


def test_a_field_label_before_a_title_is_not_part_of_it():
    found = {p.label for p in phrases("Titel voorstel Aanbeveling van de Raad inzake operationele politiesamenwerking.")}
    assert not any(label.startswith("voorstel Aanbeveling") or label.startswith("Titel voorstel A") for label in found)


def test_a_head_the_tagger_misreads_after_a_capitalised_title_word_is_still_a_head():
    # the tagger reads "Europees" as a proper noun and "jaarverslag" as an adverb here
    found = named("Op 11 november 2025 heeft de Europese Commissie de Mededeling Europees jaarverslag asiel en "
                  "migratie1, het besluit gepresenteerd.")
    assert any("Europees jaarverslag" in label for label in found)


def test_a_word_glued_to_a_commission_number_is_no_identifier_and_no_error():
    # "COM(2016)723final" starts like a Commission number but is none
    assert phrases("Het kabinet steunt de richtlijn COM(2016)723final van de Commissie.")


@pytest.mark.parametrize("sentence, label", [
    ("De Commissie heeft een aanbeveling gepubliceerd over het aantrekken van talent.",
     "aanbeveling over het aantrekken van talent"),
    ("De Raad nam conclusies aan over de versterking van de interne veiligheid.",
     "conclusies over de versterking van de interne veiligheid"),
    ("Op 3 maart werden conclusies aangenomen inzake de bestrijding van drugshandel, waarna de lidstaten spraken.",
     "conclusies inzake de bestrijding van drugshandel"),
    ("De ministers hebben een verklaring ondertekend over de bestrijding van mensensmokkel en de Commissie lichtte dit toe.",
     "verklaring over de bestrijding van mensensmokkel"),
])
def test_a_complement_moved_behind_the_verb_belongs_to_its_head(sentence, label):
    found = [p for p in phrases(sentence) if p.named]
    assert label in {p.label for p in found}
    moved = next(p for p in found if p.label == label)
    # the span runs from the head over the verbs to the complement's end; the verbs are the gap
    assert moved.start < moved.gap[0] < moved.gap[1] < moved.end


@pytest.mark.parametrize("sentence", [
    "Het kabinet heeft de strategie gepresenteerd voor de komende jaren.",  # a definite head refers back
    "De Commissie presenteerde een concept mandaat dat een aanbeveling en richtsnoeren bevat voor de onderhandelingen.",
    "De Commissie heeft een voorstel gepresenteerd voor een verordening inzake terugkeer.",  # the proposal stands for the regulation
    "De Commissie heeft een aanbeveling gepubliceerd over de visumplicht met grote gevolgen voor reizigers.",
])
def test_no_complement_is_moved_where_it_cannot_be(sentence):
    assert all(p.gap == (0, 0) for p in phrases(sentence))


@pytest.mark.parametrize("sentence, label", [
    ("De verordening inzake terugkeer is in werking getreden.", "verordening inzake terugkeer"),  # a fixed expression
    ("Het voorstel voor de richtlijn inzake terugkeer in de Raad werd besproken.", "richtlijn inzake terugkeer"),  # a place
])
def test_in_opens_no_field_of_a_title_in_a_fixed_expression_or_a_place(sentence, label):
    assert label in named(sentence)


def heading_labels(heading: str) -> set[str]:
    """Named phrases of a heading as the letter gives it (its blank line after), with the
    Commission's name a blocked organisation mention as the gazetteer makes it."""
    at = heading.find("Commissie")
    blocked = [(at, at + len("Commissie"))] if at >= 0 else []
    return {p.label for p in find_phrases(tag_text(heading + "\n\n"), LEX, blocked, heading=True) if p.named}


@pytest.mark.parametrize("heading, label", [
    # a complement word the tagger reads as a verb opens the complement, it is no title noun
    ("Implementatie van interoperabiliteit en Verordening betreffende een gefaseerde ingebruikneming van het "
     "Entry/Exit-systeem (EES)",
     "Verordening betreffende een gefaseerde ingebruikneming van het Entry/Exit-systeem"),
    # after an article a word is a noun, though read as an adjective
    ("Richtlijn tot harmonisatie van bepaalde aspecten van het insolventierecht",
     "Richtlijn tot harmonisatie van bepaalde aspecten van het insolventierecht"),
    # a heading has no clause: the organisation before the head is part of the name
    ("Commissie rapport over de Staat van het Schengengebied 2025",
     "Commissie rapport over de Staat van het Schengengebied 2025"),
    # a list mark is no part of the name
    ("c. Schengenverklaring 40 jaar viering", "Schengenverklaring"),
])
def test_a_heading_names_its_instrument_whatever_the_tagger_reads(heading, label):
    assert label in heading_labels(heading)


def test_a_phrase_the_rules_deny_is_none_with_a_misread_word_before_its_head():
    # "Geannoteerde" read as a verb: "geannoteerde agenda" is still no instrument
    assert not any(label.startswith("agenda") for label in
                   heading_labels("Geannoteerde agenda van de formele JBZ-Raad 13 14 oktober 2025"))


def test_an_untagged_phrase_ends_before_a_relative_adverb():
    tokens = [t._replace(pos="", lemma=t.lower) for t in
              tag_text("Het uitvoeringsbesluit ter bepaling van de lidstaten waar sprake is van migratiedruk.")]
    labels = {p.label for p in find_phrases(tokens, LEX)}
    assert "uitvoeringsbesluit ter bepaling van de lidstaten" in labels


@pytest.mark.parametrize("sentence, label", [
    ("Het kabinet steunt de verordening betreffende een kader voor interoperabiliteit tussen informatiesystemen "
     "(grenzen en visa).", "verordening betreffende een kader voor interoperabiliteit tussen informatiesystemen "
                          "(grenzen en visa)"),
    # a remark in brackets is no qualifier of the title
    ("Het kabinet steunt de verordening betreffende een kader voor interoperabiliteit tussen informatiesystemen "
     "(zie bijlage).", "verordening betreffende een kader voor interoperabiliteit tussen informatiesystemen"),
])
def test_a_bracketed_qualifier_belongs_to_a_long_title(sentence, label):
    assert label in named(sentence)


@pytest.mark.parametrize("sentence", [
    "Tijdens dit overleg spreken de ministers, op Nederlands initiatief, over extremisme op het internet.",
    "Op initiatief van Nederland werd het onderwerp besproken.",
])
def test_at_the_initiative_of_names_no_instrument(sentence):
    assert named(sentence) == []


def test_a_commission_number_after_a_title_identifies_it_and_is_no_part_of_its_name():
    found = [(p.label, p.identifiers) for p in phrases(
        "De verordening tot herziening van EASO COM (2016) 271 en de verordening tot herziening van EURODAC "
        "COM(2016) 272 werden besproken.")]
    assert found == [("verordening tot herziening van EASO", (("comReference", "COM(2016) 271"),)),
                     ("verordening tot herziening van EURODAC", (("comReference", "COM(2016) 272"),))]


@pytest.mark.parametrize("sentence, label", [
    ("Op 8 december 2021 heeft de Commissie een aanbeveling over operationele politiesamenwerking1 gepubliceerd.",
     "aanbeveling over operationele politiesamenwerking"),
    ("Ik schets de stand van zaken rond de Passenger Name Record (PNR)-richtlijn.", "PNR-richtlijn"),
])
def test_footnote_marks_and_bracketed_acronyms_in_names(sentence, label):
    assert label in named(sentence)


@pytest.mark.parametrize("sentence, label", [
    ("Daarnaast hebben de Ministers de start van Frontex-operatie Triton positief ontvangen.", "Frontex-operatie Triton"),
    ("De Raad sprak over de verlenging van operatie Sophia.", "operatie Sophia"),
    ("Het kabinet steunt de Frontex-operatie Search and Rescue in de Middellandse Zee.",
     "Frontex-operatie Search and Rescue"),
])
def test_a_proper_name_after_a_head_names_it(sentence, label):
    assert label in named(sentence)


def test_a_longer_run_of_capitals_after_a_head_is_a_title_of_its_own():
    assert "Compromisvoorstel Digital" not in named("Nederland steunt het Compromisvoorstel Digital Travel Credential.")
