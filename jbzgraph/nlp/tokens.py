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
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from jbzgraph.paths import ROOT

DEFAULT_TAGGER = ROOT / "models" / "nl_ud_tagger"
TAGGER_ENV = "JBZGRAPH_TAGGER"


@dataclass(frozen=True, slots=True)
class Tok:
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
    return spacy.load(choice or DEFAULT_TAGGER, exclude=["parser", "ner", "senter"])


def plain_tokens(doc: Doc, start: int, end: int) -> list[Tok]:
    """The blank pipeline's tokens of ``[start, end)``, without tags."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [Tok(t.idx, t.idx + len(t.text), t.text, t.lower_, t.lower_, "")
            for t in span if not t.is_space]


def tag_spans(text: str, spans: Iterable[tuple[int, int]], nlp: Language | None = None) -> dict[int, list[Tok]]:
    """Tagged tokens of each span of ``text``, keyed by the span's start."""
    spans = list(spans)
    nlp = nlp if nlp is not None else tagger()
    if nlp is None or not spans:
        return {}
    found: dict[int, list[Tok]] = {}
    for (start, _end), doc in zip(spans, nlp.pipe((text[a:b] for a, b in spans), batch_size=64)):
        found[start] = [Tok(start + t.idx, start + t.idx + len(t.text), t.text, t.lower_,
                            # UD marks compound parts and separable particles with "_" (aan_nemen)
                            (t.lemma_ or t.lower_).lower().replace("_", ""), t.pos_)
                        for t in doc if not t.is_space]
    return found
