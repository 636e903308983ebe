"""Step 3: spaCy over the layout's clean text — sentences, linked entities, dates, citations.

The pipeline is ``spacy.blank("nl")`` plus rule components whose patterns come from the
knowledge base; a user with a statistical Dutch model can pass it as ``base`` and the
rule components are added on top.
"""

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from jbzgraph.kb import KnowledgeBase, load_kb
from jbzgraph.layout.model import Document
from jbzgraph.nlp import sentences as _sentences  # noqa: F401  (registers jbz_sentences)
from jbzgraph.nlp.cues import cue_possible
from jbzgraph.nlp.dates import DateMention, find_dates, latest_explicit_date, parse_date
from jbzgraph.nlp.gazetteer import EntityMention, entity_mentions
from jbzgraph.nlp.persons import PersonMention, family_name, find_persons
from jbzgraph.nlp.phrases import AUTHOR_KEYS, PolicyLexicon, PolicyPhrase, find_phrases, policy_lexicon
from jbzgraph.nlp.references import RefMention, find_references
from jbzgraph.nlp.tokens import Tok, doc_tokens, plain_tokens, tag_spans
from jbzgraph.nlp.triggers import needs_tags

# How long after the latest date it names an undated letter may have been written.
UNDATED_SLACK_DAYS = 90

__all__ = ["Analysis", "analyse", "build_nlp", "DateMention", "EntityMention", "RefMention"]


@dataclass
class Analysis:
    """What the NLP step found, in character offsets of ``Document.text``."""

    doc: Doc
    sentences: list[tuple[int, int]]
    entities: list[EntityMention]
    dates: list[DateMention]
    references: list[RefMention]
    reference_date: date | None
    letter_date: date | None
    persons: list[EntityMention] = field(default_factory=list)
    tagged: dict[int, list[Tok]] = field(default_factory=dict)  # sentence start -> tagged tokens
    plain: dict[int, list[Tok]] = field(default_factory=dict)  # sentence start -> untagged tokens
    text: str = ""  # the document's text, which ``doc`` tokenizes
    phrases: list[PolicyPhrase] = field(default_factory=list)
    headings: set[int] = field(default_factory=set)  # starts of the sentences inside a section heading
    _starts: list[int] | None = field(default=None, init=False, repr=False)

    def tokens(self, start: int, end: int) -> list[Tok]:
        """The words of the sentence ``[start, end)``: tagged where the tagger ran on it."""
        found = self.tagged.get(start) or self.plain.get(start)
        if found and found[-1].end <= end:
            return found
        return plain_tokens(self.doc, start, end, self.text or self.doc.text)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset`` (sentences are in order and do not overlap)."""
        i = bisect_right(self.sentences, (offset, float("inf"))) - 1
        if i >= 0 and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return self.sentences[i]
        return offset, offset

    def entities_in(self, start: int, end: int) -> list[EntityMention]:
        """The linked entities that begin in ``[start, end)`` (entities are in text order)."""
        if self._starts is None:
            self._starts = [e.start for e in self.entities]
        return self.entities[bisect_left(self._starts, start):bisect_left(self._starts, end)]


def build_nlp(kb: KnowledgeBase, base: Language | None = None) -> Language:
    """A pipeline for these letters: ``base`` (default blank Dutch) plus the rule components."""
    nlp = base or spacy.blank("nl")
    nlp.add_pipe("jbz_sentences")
    gazetteer = nlp.add_pipe("jbz_gazetteer")
    gazetteer.add_kb(kb)
    return nlp


@lru_cache(maxsize=2)
def default_nlp() -> Language:
    return build_nlp(load_kb())


def letter_date(document: Document) -> date | None:
    """The letter's own date from its header ("Datum", "Den Haag, 23 juni 2025", "Vastgesteld
    6 september 2022"), else the day a web page says it was registered."""
    for key in ("date", "place_date", "registered"):
        if document.header.get(key):
            found = parse_date(document.header[key])
            if found:
                return found
    return None


def _link_persons(found: list[PersonMention], kb: KnowledgeBase) -> list[EntityMention]:
    by_family: dict[str, str] = {}
    for ent in kb.of_kind("person"):
        if ent.family_name:
            by_family[ent.family_name.lower()] = ent.iri
    return [
        EntityMention(p.start, p.end, p.name, by_family.get(family_name(p.name).lower(), ""), "person", p.rule)
        for p in found
    ]


# Paragraphs no statement is read from: the questions a written consultation answers, the
# signature block, the letter's header.
UNREAD_PARAGRAPHS = {"question", "signature", "header"}


def _read_by_rules(document: Document, offset: int) -> bool:
    paragraph = document.paragraph_at(offset)
    return paragraph is None or paragraph.kind not in UNREAD_PARAGRAPHS


def _names_policy(tokens: list[Tok], lexicon: PolicyLexicon) -> bool:
    return any(t.text[:1].isalpha() and lexicon.head_of(t.text) for t in tokens)


def _by_sentence(sentences: list[tuple[int, int]], items: list[tuple]) -> dict[int, list[tuple]]:
    """``items`` (tuples whose first value is an offset) grouped by the start of the sentence
    they begin in: each sentence's rules look at its own words and mentions only."""
    starts = [a for a, _ in sentences]
    grouped: dict[int, list[tuple]] = {}
    for item in items:
        i = bisect_right(starts, item[0]) - 1
        if i >= 0 and item[0] < sentences[i][1]:
            grouped.setdefault(starts[i], []).append(item)
    return grouped


def analyse(document: Document, nlp: Language | None = None, kb: KnowledgeBase | None = None,
            tagger: Language | None = None) -> Analysis:
    """Run the pipeline over one document and collect its mentions as plain records; the
    tagger (default: :func:`jbzgraph.nlp.tokens.tagger`) runs on the sentences whose words
    could be a stance or stage cue."""
    kb = kb or load_kb()
    nlp = nlp or default_nlp()
    text = document.text
    doc = nlp(text)
    own_date = letter_date(document)
    ref_date = own_date or latest_explicit_date(text)
    own_ref = {document.header[k] for k in ("kamerstuk", "tk_number") if document.header.get(k)}
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    entities = entity_mentions(doc)
    plain = {a: [t for _, t in words] for a, words in
             _by_sentence(sentences, [(t.start, t) for t in doc_tokens(doc, text)]).items()}
    # A quick test of the text, then of its words' possible lemmas: the tagger is most of the time spent here.
    lexicon = policy_lexicon(kb)
    # A heading that names an instrument gets tagged too: its title words after the head
    # ("Raadsconclusies betere beheersing migratiestromen") are read only over tags.
    headings = document.heading_sentences(sentences)
    tagged = tag_spans(doc, [(a, b) for a, b in sentences if _read_by_rules(document, a) and (
        (needs_tags(text[a:b], kb) and cue_possible(plain.get(a, []), kb)) or (a in headings and _names_policy(plain.get(a, []), lexicon)))],
        tagger, text)
    blocked = _by_sentence(sentences, [(e.start, e.end) for e in entities if e.kind not in ("instrument",)])
    authors = [(e.start, e.end) for e in entities if e.kind == "organisation" and kb.entities[e.iri].key in AUTHOR_KEYS]
    dates = find_dates(text, ref_date, 0 if own_date else UNDATED_SLACK_DAYS)
    date_spans = {d.start: d.end for d in dates}
    phrases = [p for a, _b in sentences
               for p in find_phrases(tagged.get(a) or plain.get(a, []), lexicon, blocked.get(a, []), authors,
                                     heading=a in headings, dates=date_spans)]
    return Analysis(
        doc=doc,
        sentences=sentences,
        entities=entities,
        dates=dates,
        references=find_references(text, exclude=own_ref),
        reference_date=ref_date,
        letter_date=own_date,
        persons=_link_persons(find_persons(text), kb),
        tagged=tagged,
        plain=plain,
        text=text,
        headings=headings,
        phrases=phrases,
    )
