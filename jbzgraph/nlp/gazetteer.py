"""Phrase matching of every KB label over a letter, each match linked to its IRI.

One pass per matcher over the tokens (spaCy's PhraseMatcher), not a regex per entity.
Single-token labels ("Coreper", "VS", "Nederland") match case-sensitively, so "om" never
becomes the Openbaar Ministerie (long one-word names of acts also match in lower case);
longer labels match case-insensitively. Overlaps resolve
to the longest span, so "Raad van Europa" wins over "Raad".
"""

from dataclasses import dataclass

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from jbzgraph.kb import KnowledgeBase

MENTION_KINDS = ("member_state", "third_country", "organisation", "instrument", "person", "place", "unnamed_group")
SPAN_KEY = "gazetteer"
PARTS_KEY = "jbz_compound_parts"
COMPOUND_PART_RULE = "gazetteer_compound_part"  # a country inside "EU-Turkije"
COUNTRY_KINDS = ("member_state", "third_country")
COMPOUND_MIN = 10
# Words of a meeting near "in <city>" (grammar of the genre's opening sentences), and how near.
MEETING_WORDS = {"gehouden", "bijeenkomst", "vergadering", "raad", "jbz-raad", "informele", "vergaderde"}
MEETING_REACH = 6


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str
    iri: str
    kind: str
    rule: str


class Gazetteer:
    """A spaCy component: ``doc.ents`` and ``doc.spans['gazetteer']`` from KB labels."""

    def __init__(self, nlp: Language, name: str = "jbz_gazetteer"):
        self.nlp = nlp
        self.name = name
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.rules: dict[str, str] = {}  # match id -> rule name
        self.count = 0
        # one-word country names, for the parts of a hyphenated compound ("EU-Turkije Verklaring")
        self.country_parts: dict[str, tuple[str, str]] = {}

    def add(self, label: str, iri: str, kind: str, rule: str) -> None:
        label = label.strip()
        if len(label) < 2:
            return
        doc = self.nlp.make_doc(label)
        match_id = f"{kind}\t{iri}\t{rule}"
        self.rules[match_id] = rule
        if len(doc) == 1:
            variants = {label, label[:1].upper() + label[1:]}
            if kind == "instrument" and label.isalpha() and len(label) >= COMPOUND_MIN and not label.isupper():
                # Dutch capitalises the names of acts inconsistently ("de terugkeerverordening").
                variants.add(label.lower())
            self.exact.add(match_id, [self.nlp.make_doc(v) for v in sorted(variants)])
        else:
            self.folded.add(match_id, [doc])
        self.count += 1

    def add_kb(self, kb: KnowledgeBase) -> None:
        for ent in kb.entities.values():
            if ent.kind not in MENTION_KINDS:
                continue
            for text, _lang, role in ent.labels:
                self.add(text, ent.iri, ent.kind, f"gazetteer_{role}label")
                if ent.kind in COUNTRY_KINDS and text.isalpha() and text[:1].isupper():
                    self.country_parts.setdefault(text, (ent.kind, ent.iri))
            for ident in ent.identifiers.get("acronym", []):
                self.add(ident, ent.iri, ent.kind, "gazetteer_acronym")
            for adj in ent.adjectives:
                self.add(adj, ent.iri, ent.kind, "gazetteer_adjective")

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                kind, iri, _rule = self.nlp.vocab.strings[match_id].split("\t")
                spans.append(Span(doc, start, end, label=kind, kb_id=iri, span_id=match_id))
        places = {(s.start, s.end) for s in spans if s.label_ == "place"}
        spans = [s for s in spans if not (s.label_ == "member_state" and (s.start, s.end) in places and _where_met(doc, s.start))]
        spans.sort(key=lambda s: (s.start, -(s.end - s.start), s.id_))
        doc.spans[SPAN_KEY] = spans
        doc.ents = filter_spans(spans)
        doc.user_data[PARTS_KEY] = self._compound_parts(doc)
        return doc

    def _compound_parts(self, doc: Doc) -> list[EntityMention]:
        """Countries inside hyphenated words ("EU-Turkije"), found through the word types, not
        a spaCy Token per word (making those cost more than tokenizing)."""
        orth = doc.to_array([ORTH])
        strings = doc.vocab.strings
        wanted = [o for o in np.unique(orth) if "-" in (w := strings[int(o)])
                  and any(part in self.country_parts for part in w.split("-"))]
        if not wanted:
            return []
        covered = {i for e in doc.ents for i in range(e.start, e.end)}
        parts = []
        for i in np.flatnonzero(np.isin(orth, wanted)):
            if int(i) in covered:
                continue
            tok = doc[int(i)]
            at = tok.idx
            for part in tok.text.split("-"):
                if part in self.country_parts:
                    kind, iri = self.country_parts[part]
                    parts.append(EntityMention(at, at + len(part), part, iri, kind, COMPOUND_PART_RULE))
                at += len(part) + 1
        return parts


def _where_met(doc: Doc, i: int) -> bool:
    """Whether the name at token ``i`` is the city a meeting was held in, not its country:
    "te Luxemburg", "gehouden in Luxemburg op 7 en 8 oktober"."""
    before = doc[i - 1].lower_ if i else ""
    if before == "te":
        return True
    near = doc[max(0, i - MEETING_REACH):i + MEETING_REACH]
    return before == "in" and any(t.like_num or t.lower_ in MEETING_WORDS for t in near)


@Language.factory("jbz_gazetteer", assigns=["doc.ents", "doc.spans"])
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp, name)


def entity_mentions(doc: Doc) -> list[EntityMention]:
    """The linked entities of a processed doc, as plain records with character offsets: the
    matched spans, and the countries named inside hyphenated compounds ("EU-Turkije")."""
    found = [EntityMention(e.start_char, e.end_char, e.text, e.kb_id_, e.label_, e.id_.split("\t")[2])
             for e in doc.ents] + doc.user_data.get(PARTS_KEY, [])
    return sorted(found, key=lambda e: (e.start, -e.end))
