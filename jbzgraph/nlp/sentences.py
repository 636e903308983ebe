"""Sentence boundaries for these letters, on top of spaCy's sentencizer.

The sentencizer splits at ".", "?" and "!" tokens, and spaCy's Dutch tokenizer keeps
abbreviations such as "nr.", "o.a." and "art." whole, so those never split. Two things
it misses: a line break the layout step left (a heading, a list item, a paragraph end)
always ends a sentence; and a date marker that closes a sentence ("... op 16 december
j.l. Het ...") is one token ending in a period, which the sentencizer does not treat as
an end.
"""

from spacy.language import Language
from spacy.tokens import Doc

CLOSING_ABBREVIATIONS = {"jl.", "j.l.", "a.s.", "c.s.", "enz.", "etc.", "e.d.", "e.a."}


@Language.component("jbz_sentences", requires=["token.is_sent_start"], assigns=["token.is_sent_start"])
def mark_sentences(doc: Doc) -> Doc:
    for i, tok in enumerate(doc[:-1]):
        nxt = doc[i + 1]
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            nxt.is_sent_start = True
        elif tok.lower_ in CLOSING_ABBREVIATIONS and nxt.is_title and not nxt.is_punct:
            nxt.is_sent_start = True
    return doc
