"""Cue expressions of the lexicon matched by lemma in any word order and voice, and the
sentences the tagger is asked to read."""

import pytest

from jbzgraph.kb import load_kb
from jbzgraph.nlp.cues import clauses, compile_cues, cue_possible, find_cues, guess_lemmas
from jbzgraph.nlp import default_nlp
from jbzgraph.nlp.tokens import doc_tokens, tag_text
from jbzgraph.nlp.triggers import needs_tags

KB = load_kb()
STANCE_CUES = compile_cues(KB, "cue")
CUES = STANCE_CUES + compile_cues(KB, "nominalCue") + compile_cues(KB, "attributiveCue")
NOTATION = {c.iri: n for (kind, n), c in KB.concepts.items() if kind in ("stance", "stage")}


def cue_notations(sentence: str) -> set[str]:
    tokens = tag_text(sentence)
    return {NOTATION[m.cue.concept] for lo, hi in clauses(tokens) for m in find_cues(tokens, STANCE_CUES, lo, hi)}


CUE_SENTENCES = [
    ("Het kabinet steunt het voorstel.", "support"),
    ("Het voorstel wordt door het kabinet gesteund.", "support"),
    ("Nederland stemde in met de verordening.", "support"),
    ("Het kabinet is voornemens in te stemmen met de verordening.", "support"),
    ("Nederland heeft ingestemd met het voorstel.", "support"),
    ("De Commissie verwelkomde de conclusies.", "support"),
    ("Daarnaast pleit het kabinet voor een uitbreiding van het mandaat.", "support"),
    ("Het kabinet kijkt uit naar het voorstel.", "support"),
    ("Nederland heeft zich aangesloten bij het initiatief.", "support"),
    ("Duitsland wees het voorstel af.", "oppose"),
    ("Het kabinet wijst het voorstel af.", "oppose"),
    ("Een aantal lidstaten uitte zorgen over de richtlijn.", "concern"),
    ("Het kabinet is kritisch over de strategie.", "concern"),
    ("Nederland onthield zich van stemming.", "abstain"),
    ("Het kabinet neemt kennis van het jaarverslag.", "neutral"),
    ("De Raad stelde het mandaat vast.", "adoption"),
    ("Het mandaat werd door de Raad vastgesteld.", "adoption"),
    ("De verordening treedt op 1 juli in werking.", "entry_into_force"),
    ("De Commissie presenteerde op 4 maart de strategie.", "proposal"),
]


@pytest.mark.parametrize("sentence, notation", CUE_SENTENCES)
def test_cues_match_in_any_word_order_and_voice(sentence, notation):
    assert notation in cue_notations(sentence)


@pytest.mark.parametrize("sentence", [
    "Het kabinet zal ervoor zorgen dat de opvang op orde is.",  # zorgen (verb) is no concern
    "In het verlengde daarvan wordt gewerkt aan digitalisering.",  # no extension
    "De bijdragen van negen lidstaten zijn vrijwillig.",  # the noun is no support
])
def test_words_in_another_sense_are_no_cue(sentence):
    assert not cue_notations(sentence) & {"concern", "extension", "support"}


@pytest.mark.parametrize("form, lemma", [
    ("onderschreven", "onderschrijven"), ("steunde", "steunen"), ("gesteund", "steunen"), ("stemde", "stemmen"),
    ("nam", "nemen"), ("wees", "wijzen"), ("aangenomen", "aannemen"), ("vastgesteld", "vaststellen"),
    ("getreden", "treden"), ("gegeven", "geven"),  # a strong participle: "ge" and the infinitive
])
def test_verb_forms_lead_back_to_their_infinitive(form, lemma):
    assert lemma in guess_lemmas(form)


def test_the_tagger_reads_sentences_with_a_possible_cue_and_skips_the_others():
    assert needs_tags("De Raad stelde het mandaat vast.", KB)
    assert needs_tags("Nederland heeft ingestemd met het voorstel.", KB)
    assert needs_tags("Het kabinet kijkt uit naar de strategie.", KB)
    assert not needs_tags("De vergadering was in Brussel op 12 juni.", KB)
    assert needs_tags("Nederland heeft een positieve grondhouding.", KB)  # positief, inflected
    assert not needs_tags("De verordening werd besproken in Brussel op 12 juni.", KB)  # "te ver gaan": "ver" whole
    assert not needs_tags("Hierbij bied ik u het verslag aan.", KB)


def untagged(sentence: str):
    return doc_tokens(default_nlp()(sentence), sentence)


@pytest.mark.parametrize("sentence", [s for s, _ in CUE_SENTENCES] + [
    "Nederland heeft zich hier actief voor ingezet.",
    "Het programma gaat in maart van start.",
    "Het kabinet is voorstander van de verordening.",
    "Nederland heeft zich aangesloten bij de verklaring.",
])
def test_a_sentence_whose_cue_the_tagger_finds_is_let_through_to_it(sentence):
    # the gate sees the untagged words only: it must pass every sentence a cue matches once tagged
    assert find_cues(tag_text(sentence), CUES) and cue_possible(untagged(sentence), KB)


@pytest.mark.parametrize("sentence", [
    "Het gebruik van deze gegevens is beperkt.",  # "gebruik" is no cue's word here
    "Zij hebben hun toezeggingen gedaan.",
])
def test_a_sentence_no_cue_can_match_is_not_tagged(sentence):
    assert needs_tags(sentence, KB) and not cue_possible(untagged(sentence), KB)
