"""A letter over spaCy's 1,000,000-character limit is read and analysed whole, not refused.

spaCy refuses longer texts (E088) to protect parsers from running out of memory; the
pipeline lets this one (a tokenizer with rules, a tagger run per sentence) take the
document's length (:func:`jbzgraph.pipeline.nlp_for`). The README gives time and memory
for a whole build of a 1.5M-character letter (~50 s, ~450 MB); this test stops after the
step that refused, so that it runs in seconds.
"""

import spacy

from jbzgraph.ingest import read_letter
from jbzgraph.layout import parse_layout
from jbzgraph.pipeline import nlp_for
from tests.helpers import LETTERS

FILLER = ("Over de uitkomsten van de bijeenkomst wordt uw Kamer na afloop nader geïnformeerd in de "
          "gebruikelijke vorm, zoals dat bij iedere bijeenkomst het geval is geweest.\n\n")


def test_ingest_letter_over_a_million_characters_is_read_and_tokenised_whole(tmp_path):
    letter = (LETTERS / "2026_geannoteerde-agenda-maart.txt").read_text(encoding="utf-8")
    path = tmp_path / "long.txt"
    path.write_text(letter[:5000] + FILLER * (1_050_000 // len(FILLER)) + letter[5000:], encoding="utf-8")
    document = parse_layout(read_letter(path))
    assert len(document.text) > spacy.blank("nl").max_length
    doc = nlp_for(document)(document.text)
    assert doc.text == document.text and doc[-1].idx > 1_000_000
    assert max(s.start for s in document.signatures) > 1_000_000  # the signatures, at the end, are there
