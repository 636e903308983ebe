"""Words of a sentence with lemma and part of speech: what the token rules stand on.

The letter is tokenized whole by the blank Dutch pipeline (fast); the statistical tagger
(``models/nl_ud_tagger``, trained from the Dutch UD treebanks by ``scripts/train_tagger.py``)
runs only on the sentences a rule needs it for, because it is ~10× slower than the
tokenizer. Both use spaCy's Dutch tokenizer, so a tagged sentence has the same tokens.

A user with a better Dutch pipeline (``nl_core_news_lg``, say) sets ``JBZGRAPH_TAGGER`` to
its name or path; ``JBZGRAPH_TAGGER=none`` turns tagging off (lemmas are then the lower-cased
words and parts of speech are empty, and the rules fall back on word forms).
"""

import os
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

import spacy
from spacy import parts_of_speech
from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, ORTH, POS, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import use_ops

from jbzgraph.paths import ROOT

DEFAULT_TAGGER = ROOT / "models" / "nl_ud_tagger"
TAGGER_ENV = "JBZGRAPH_TAGGER"


class Tok(NamedTuple):
    """One word (a named tuple: a letter has thousands, and a frozen dataclass took longer
    to make than tagging them)."""

    start: int  # character offsets in the letter text
    end: int
    text: str
    lower: str
    lemma: str
    pos: str  # Universal POS tag, "" when the sentence was not tagged


@lru_cache(maxsize=1)
def tagger() -> Language | None:
    """The tagging pipeline, or None when turned off."""
    choice = os.environ.get(TAGGER_ENV, "")
    if choice.lower() == "none":
        return None
    # The default model's XPOS tagger is left out: the rules read the UPOS the
    # morphologizer gives and the lemmas. Its matrix products go through numpy (OpenBLAS)
    # rather than thinc's default BLIS: the same tags, in half the time on this machine
    # (bench/run.py; BLIS reached ~30 GFLOP/s on these small matrices, OpenBLAS ~110 on one core).
    with use_ops("numpy", use_blis=False):
        return spacy.load(choice or DEFAULT_TAGGER, exclude=["parser", "ner", "senter"] + ([] if choice else ["tagger"]))


def _read(doc: Doc, offset: int, tagged: bool, text: str) -> list[Tok]:
    """The non-space tokens of ``doc`` as :class:`Tok`, shifted by ``offset`` into ``text``
    (the letter's text, which ``doc`` covers from ``offset``); read through arrays, because
    a spaCy ``Token`` object per word (``doc.text`` makes one too) cost more than tagging."""
    strings = doc.vocab.strings
    found = []
    for idx, length, lemma, pos, space in doc.to_array([IDX, LENGTH, LEMMA, POS, IS_SPACE]).tolist():
        if space:
            continue
        start = offset + idx
        word = text[start:start + length]
        low = word.lower()
        # UD marks compound parts and separable particles with "_" (aan_nemen)
        lem = strings[lemma].lower().replace("_", "") or low if tagged and lemma else low
        found.append(Tok(start, start + length, word, low, lem, _POS_NAMES.get(pos, "") if tagged else ""))
    return found


_POS_NAMES = {int(tag): name for tag, name in parts_of_speech.NAMES.items()}


def doc_tokens(doc: Doc, text: str) -> list[Tok]:
    """The blank pipeline's tokens of a whole letter (``text`` is the letter), without tags."""
    return _read(doc, 0, tagged=False, text=text)


def plain_tokens(doc: Doc, start: int, end: int, text: str) -> list[Tok]:
    """The blank pipeline's tokens of ``[start, end)`` of ``doc`` (whose text is ``text``), without tags."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return [] if span is None else _read(span.as_doc(), span.start_char, tagged=False, text=text)


def tag_spans(doc: Doc, spans: Iterable[tuple[int, int]], nlp: Language | None = None,
              text: str | None = None) -> dict[int, list[Tok]]:
    """Tagged tokens of each span of ``doc`` (whose text is ``text``), keyed by the span's start.

    The tagger gets the blank pipeline's own tokens, not the text: tokenizing twice cost a
    third of the tagging time, and the tags then sit on exactly the tokens the rules see."""
    nlp = nlp if nlp is not None else tagger()
    if nlp is None:
        return {}
    text = doc.text if text is None else text
    strings = doc.vocab.strings
    orth_space = doc.to_array([ORTH, SPACY])
    keys, docs = [], []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            keys.append((start, span.start_char))
            rows = orth_space[span.start:span.end].tolist()
            docs.append(Doc(nlp.vocab, words=[strings[o] for o, _ in rows], spaces=[bool(sp) for _, sp in rows]))
    return {start: _read(tagged, offset, True, text)
            for (start, offset), tagged in zip(keys, nlp.pipe(docs, batch_size=64))}


@lru_cache(maxsize=1)
def _blank() -> Language:
    return spacy.blank("nl")


def tag_text(text: str, nlp: Language | None = None) -> list[Tok]:
    """Tagged tokens of a whole text (a sentence, say): for tests and for a user's notebook."""
    return tag_spans(_blank()(text), [(0, len(text))], nlp).get(0, [])
