"""Sentence boundaries for these letters: spaCy's sentencizer rule, and two more.

The sentencizer rule splits after ".", "?" and "!" tokens (the next word starts a
sentence), and spaCy's Dutch tokenizer keeps
abbreviations such as "nr.", "o.a." and "art." whole, so those never split. Two things
it misses: a line break the layout step left (a heading, a list item, a paragraph end)
always ends a sentence; and a date marker that closes a sentence ("... op 16 december
j.l. Het ...") is one token ending in a period, which the sentencizer does not treat as
an end; nor is a word, its full stop and a footnote mark ("de Raad.2 Het ...").
"""

import re

import numpy as np
from spacy.attrs import IS_PUNCT, IS_SPACE, IS_TITLE, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

# (spaCy's Dutch tokenizer keeps "VS." whole: the United States closing a sentence)
CLOSING_ABBREVIATIONS = {"jl.", "j.l.", "a.s.", "c.s.", "enz.", "etc.", "e.d.", "e.a.", "vs."}
# "16 december j.l.. De Commissie": an abbreviation's period and the full stop become a ".."
# token, which the sentencizer does not take for an end.
ELLIPSIS_STOPS = {".."}
FOOTNOTE_STOP_RE = re.compile(r"(?P<word>[^\W\d_]{2,})\.\d{1,2}")
NUMBERING_ABBREVIATIONS = {"nr", "art", "blz", "pag", "par", "hfst", "bijl"}  # "nr.5 De …" numbers, marks no footnote


@Language.component("jbz_sentences", assigns=["token.is_sent_start"])
def mark_sentences(doc: Doc) -> Doc:
    """Computed on the token attribute arrays and written back as one array: making a Token
    object per token (as spaCy's own sentencizer does), or setting ``Token.is_sent_start``
    one at a time (spaCy rescans the document with every assignment), costs more than
    tokenizing."""
    if len(doc) < 2:
        return doc
    attrs = doc.to_array([SENT_START, IS_SPACE, LOWER, IS_TITLE, IS_PUNCT, ORTH])
    starts, space, lower, title, punct, orth = (attrs[:, i] for i in range(6))
    if not doc.has_annotation("SENT_START"):
        # The sentencizer's rule (a parser or senter of the user's model has set its own):
        # after a sentence-final mark, the next word starts a sentence.
        starts[0] = 1
        enders = np.isin(orth, [doc.vocab.strings.add(c) for c in Sentencizer.default_punct_chars])
        words = np.flatnonzero((punct == 0) & ~enders)
        after = np.searchsorted(words, np.flatnonzero(enders), side="right")
        starts[words[after[after < len(words)]]] = 1
    # spaCy keeps one trailing space on a token; a newline is a whitespace token of its own.
    for i in np.flatnonzero(space[:-1]):
        if "\n" in doc[int(i)].text:
            starts[i + 1] = 1
    closing = np.isin(lower[:-1], [doc.vocab.strings.add(a) for a in CLOSING_ABBREVIATIONS | ELLIPSIS_STOPS])
    # "… van de Raad.2 Het omvatte …": a full stop with a footnote mark is one token too
    marked = [o for o in np.unique(orth) if (m := FOOTNOTE_STOP_RE.fullmatch(doc.vocab.strings[int(o)]))
              and m["word"].lower() not in NUMBERING_ABBREVIATIONS]
    closing |= np.isin(orth[:-1], marked)
    starts[1:][closing & (title[1:] == 1) & (punct[1:] == 0)] = 1
    starts[starts == 0] = np.array(-1).astype(starts.dtype)  # inside a sentence (-1), not unknown (0)
    doc.from_array([SENT_START], starts)
    return doc
