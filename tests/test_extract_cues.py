"""The quick cue test says yes wherever the case-insensitive cue expressions match."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jbzgraph.extract.cues import AnyCue
from jbzgraph.extract.events import ANY_STAGE, STAGE_RES
from jbzgraph.extract.positions import ANY_STANCE, STANCE_RES

# Pieces of cue expressions and their neighbours, in any case, so that generated text hits
# word boundaries, optional parts and near misses of the expressions.
PIECES = ["steunt", "Steunen", "ONDERSTEUNT", "gesteund", "te", "steun", "uit", "spreekt", "de", "minister",
          "in", "met", "stemt", "instemmen", "Raadsmandaat", "mandaat", "onderhandelings", "algemene",
          "Oriëntatie", "gedeeltelijke", "A-punt", "a-PUNT", "treedt", "werking", "van", "toepassing", "wordt",
          "voorlopig", "akkoord", "bereikt", "over", "nam", "aan", "kennis", "neemt", "zich", "onthoudt",
          "Kritisch", "zorgen", "wijst", "af", "voorgesteld", "presenteerde", "verlengd", "positief", "is",
          "vastgesteld", "ß", "-", ",", ".", ";", "\n", " ", "x"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join) | st.text(max_size=80)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_the_quick_test_misses_no_sentence_a_stage_or_stance_expression_matches(text):
    assert ANY_STAGE.search(text) == any(rx.search(text) for _, rx in STAGE_RES)
    assert ANY_STANCE.search(text) == any(rx.search(text) for _, rx in STANCE_RES)


def test_a_cue_with_an_upper_case_escape_is_refused():
    with pytest.raises(ValueError, match=r"upper-case escape"):
        AnyCue([r"\bsteun\S*"])


def test_a_cue_matches_whatever_the_case_of_the_sentence():
    cue = AnyCue([r"\bA-punt\b", r"\bin\s+werking\b"])
    assert cue.search("Het voorstel staat als A-PUNT op de agenda.")
    assert cue.search("De verordening treedt IN WERKING op 1 juli.")
    assert not cue.search("Het A-puntje")
