"""Which instrument a sentence is about: KB mentions, instruments the letter introduces,
and references back ("het voorstel", "dit", "de strategie") resolved to the instrument of
the current section or the nearest one before.

An instrument the KB does not know is recognised by its head noun ("een voorstel voor een
Unieplan voor hervestiging", "Raadsconclusies over de EMPACT-cyclus", "een gezamenlijk
statement") and gets a key from its normalised name, so it is minted with a stable IRI.
"""

import re
from bisect import bisect_left
from dataclasses import replace

from jbzgraph.extract.model import Instrument
from jbzgraph.kb import KnowledgeBase
from jbzgraph.namespace import JBZ
from jbzgraph.layout.model import Document
from jbzgraph.nlp import Analysis, EntityMention

HEADS = {
    "voorstel": "Proposal", "voorstellen": "Proposal", "commissievoorstel": "Proposal", "wetsvoorstel": "Proposal",
    "verordening": "Regulation", "richtlijn": "Directive", "strategie": "Strategy", "mededeling": "Communication",
    "raadsconclusies": "Conclusions", "conclusies": "Conclusions", "aanbeveling": "Recommendation",
    "uitvoeringsbesluit": "ImplementingAct", "uitvoeringshandeling": "ImplementingAct", "besluit": "Decision",
    "raadsbesluit": "Decision", "overeenkomst": "Agreement", "kaderovereenkomst": "Agreement", "akkoord": "Agreement",
    "actieplan": "ActionPlan", "statement": "JointStatement", "verklaring": "JointStatement",
    "onderhandelingsmandaat": "NegotiatingMandate", "mandaat": "NegotiatingMandate", "pact": "PolicyFramework",
    "unieplan": "ActionPlan", "compromis": "Agreement", "compromistekst": "Agreement",
}
_HEAD = "|".join(sorted(HEADS, key=len, reverse=True))
# Optional preposition and determiner, up to two modifiers, the head, an optional complement.
PHRASE_RE = re.compile(
    r"^\s*(?:(?:met|voor|in|op|over|aan|naar|tegenover|van)\s+)?(?:(?P<det>de|het|een|dit|deze|dat)\s+)?"
    r"(?P<mods>(?:[\w-]+\s+){0,2}?)(?P<head>[\w-]*?(?:" + _HEAD + r"))\b"
    r"(?P<comp>\s+(?:voor|over|inzake|betreffende|tegen|ter|tot|van|op initiatief van|aangaande)\s+[^,.;:()]{3,90})?",
    re.IGNORECASE,
)
ANAPHOR_RE = re.compile(r"^\s*(?:(?:met|voor|in|op|over|aan|naar|tegenover)\s+)?(?:dit|dat|deze|hiermee|hierover|hier|ervan|daarmee|daarover)\b",
                        re.IGNORECASE)
AUTHOR_RE = re.compile(r"^van\s+(?:de|het)\s+(?:Europese\s+)?(?:Commissie|voorzitterschap|Raad|kabinet)\s*$",
                       re.IGNORECASE)
# A name built on a head noun anywhere in a sentence: "het Unieplan 2026-2027", "Raadsconclusies
# over de EMPACT-cyclus", "een nieuw actieplan tegen migrantensmokkel".
NAMED_HEAD_RE = re.compile(
    r"\b(?P<mods>(?:[a-zà-ÿ-]+e\s+){0,2})(?P<head>[\w-]*?(?i:" + _HEAD + r"))\b"
    r"(?P<comp>\s+(?:\d{4}(?:\s?[-–]\s?\d{4})?|(?:voor|over|inzake|betreffende|tegen|ter|tot)\s+[^,.;:()]{3,80}))?",
)
# "het door de Commissie aangekondigde Unieplan": the participle describes, it does not name.
PARTICIPLE_RE = re.compile(r"^(?:\w*ge\w+[dt]e|(?:voor|boven)?genoemde)$", re.IGNORECASE)
# Heads that name a stage of work on an instrument rather than an instrument of their own.
REFERRING_HEADS = {"akkoord", "compromis", "compromistekst", "compromisvoorstel"}
# Heads of documents written *about* something: "Raadsconclusies over de EMPACT-cyclus" is
# not EMPACT, and "een Mededeling over het Pact" is not the Pact.
ABOUT_HEADS = {"Conclusions", "Communication", "Recommendation", "ActionPlan", "JointStatement"}
NOT_MODIFIERS = {"de", "het", "een", "dit", "deze", "dat", "ook", "daarom", "dan", "wel", "niet", "zich", "ten", "volle"}


def _key(label: str) -> str:
    return re.sub(r"[^\w]+", "-", label.lower()).strip("-")


def kb_instrument(kb: KnowledgeBase, iri: str) -> Instrument:
    ent = kb.entities[iri]
    return Instrument(iri=iri, key=ent.key, label=ent.label("nl"))


def phrase_instrument(text: str, kb: KnowledgeBase) -> Instrument | None:
    """An instrument named by a head-noun phrase at the start of ``text``, or None.

    A bare "het voorstel" with no modifier or complement is a reference back, not a name.
    """
    m = PHRASE_RE.match(text)
    if not m:
        return None
    mods = [w for w in m["mods"].split() if w.lower() not in NOT_MODIFIERS]
    if len(mods) != len(m["mods"].split()):
        return None
    head = m["head"]
    comp = (m["comp"] or "").strip()
    if comp and AUTHOR_RE.match(comp):
        comp = ""  # "het voorstel van de Commissie" names its author, not the proposal
    if not mods and not comp and head.lower() in HEADS and (m["det"] or "").lower() != "een":
        return None
    if head.lower() in REFERRING_HEADS and not comp:
        return None  # "het voorlopige akkoord" is the agreement on the instrument at hand
    label = " ".join([*mods, head] + ([comp] if comp else []))
    label = re.sub(r"\s+", " ", label).strip()
    known = kb.by_label("instrument", label)
    if known is not None:
        return kb_instrument(kb, known.iri)
    type_name = next((HEADS[h] for h in sorted(HEADS, key=len, reverse=True) if head.lower().endswith(h)), "LegalInstrument")
    return Instrument(iri="", key=_key(label), label=label, type_name=type_name)


BARE_HEAD_RE = re.compile(
    r"^\s*(?:(?:met|voor|in|op|over|aan|naar|tegenover|van)\s+)?(?:de|het|deze|dit|die)\s+(?:[a-zà-ÿ]+e\s+){0,2}"
    r"(?P<head>" + _HEAD + r")\b(?!\s+(?:voor|over|inzake|betreffende|tegen|ter|tot)\s)",
    re.IGNORECASE,
)
# Kinds of document a section is typically about as a whole: "de conclusies" in a section on
# a conference are that conference's conclusions, even if no name for them precedes.
SECTION_DOCUMENTS = {"Conclusions", "JointStatement", "Recommendation", "Communication", "ActionPlan"}
CLAUSE_SKIPS = 2


def named_phrases(text: str, start: int, end: int, kb: KnowledgeBase) -> list[tuple[int, int, Instrument]]:
    """Instruments named by a head-noun phrase in ``text[start:end]`` that carries a name
    (a capitalised compound, a year span, a complement); bare "het voorstel" is not one.
    Each comes with its span."""
    found = []
    for m in NAMED_HEAD_RE.finditer(text, start, end):
        head, comp = m["head"], (m["comp"] or "").strip()
        if comp and AUTHOR_RE.match(comp):
            comp = ""
        compound = head.lower() not in HEADS and head.lower() not in REFERRING_HEADS
        if not (head[:1].isupper() and compound) and not comp:
            continue
        mods = [w for w in m["mods"].split() if not PARTICIPLE_RE.match(w)]
        label = re.sub(r"\s+", " ", " ".join([*mods, head] + ([comp] if comp else []))).strip()
        known = kb.by_label("instrument", label)
        if known is not None:
            found.append((m.start(), m.end(), kb_instrument(kb, known.iri)))
            continue
        type_name = next((HEADS[h] for h in sorted(HEADS, key=len, reverse=True) if head.lower().endswith(h)),
                         "LegalInstrument")
        found.append((m.start(), m.end(), Instrument(iri="", key=_key(label), label=label, type_name=type_name)))
    return found


HIERNA_RE = re.compile(r"\(\s*(?:hierna(?:\s+te\s+noemen)?|verder)\s*:?\s*(?:de\s+|het\s+)?(?P<alias>[^()]{2,60}?)\s*\)",
                       re.IGNORECASE)
LOCAL = "local:"  # prefix of the keys under which a letter's own instruments are looked up


class InstrumentContext:
    """Instrument mentions of one letter, with section-level defaults for references back."""

    def __init__(self, document: Document, analysis: Analysis, kb: KnowledgeBase):
        self.document = document
        self.kb = kb
        self.mentions: list[EntityMention] = [e for e in analysis.entities if e.kind == "instrument"]
        self.local: dict[str, Instrument] = {}  # instruments this letter names and defines itself
        self._learn_aliases(document.text)
        self._starts = [m.start for m in self.mentions]
        self.section_default: dict[int, Instrument] = {}
        for i, sec in enumerate(document.sections):
            found = self._first_in(sec.heading_start, sec.heading_end) if sec.heading else None
            if found is None and sec.heading:
                found = phrase_instrument(sec.heading, kb)
            if found is None:
                found = self._first_in(sec.start, min(sec.end, sec.start + 400))
            if found is not None:
                self.section_default[i] = found

    def instrument(self, iri: str) -> Instrument:
        """The instrument behind a mention: a KB entry, or one the letter defined itself."""
        return self.local[iri] if iri in self.local else kb_instrument(self.kb, iri)

    def _learn_aliases(self, text: str) -> None:
        """ "een voorstel voor X (hierna: Y)": later mentions of Y are mentions of X, whether
        X is in the KB or named only here; the alias is kept as a label of X."""
        added: list[EntityMention] = []
        for m in HIERNA_RE.finditer(text):
            alias = m["alias"].strip()
            target = self._defined_before(text, m.start())
            if target is None or len(alias) < 2:
                continue
            iri = target.iri
            if not iri:
                iri = f"{LOCAL}{target.key}"
                target = replace(target, aliases=tuple(dict.fromkeys((*target.aliases, alias))))
                self.local[iri] = target
            pattern = re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])")
            known = {(e.start, e.end) for e in self.mentions}
            for hit in pattern.finditer(text, m.end()):
                if (hit.start(), hit.end()) not in known:
                    added.append(EntityMention(hit.start(), hit.end(), alias, iri, "instrument", "alias_hierna"))
        if added:
            self.mentions = sorted(self.mentions + added, key=lambda e: e.start)

    def _defined_before(self, text: str, offset: int) -> Instrument | None:
        """The instrument named right before a "(hierna: …)"."""
        end = len(text[:offset].rstrip())
        for e in reversed(self.mentions):
            if e.end <= end and end - e.end <= 2:
                return self.instrument(e.iri)
            if e.end < end - 2:
                break
        phrases = [ins for a, b, ins in named_phrases(text, max(0, offset - 200), end, self.kb) if end - b <= 2]
        return phrases[-1] if phrases else None

    def _first_in(self, start: int, end: int) -> Instrument | None:
        found = self.in_span(start, end)
        return self.instrument(found[0].iri) if found else None

    def section_of(self, offset: int) -> int:
        for i, sec in enumerate(self.document.sections):
            if min(sec.start, sec.heading_start if sec.heading else sec.start) <= offset < sec.end:
                return i
        return -1

    def in_span(self, start: int, end: int) -> list[EntityMention]:
        """The instrument mentions that begin in ``[start, end)`` (mentions are in text order)."""
        return self.mentions[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def before(self, offset: int, limit: int = 600) -> Instrument | None:
        sec = self.section_of(offset)
        floor = self.document.sections[sec].start if sec >= 0 else 0
        candidates = self.in_span(max(floor, offset - limit), offset)
        return self.instrument(candidates[-1].iri) if candidates else None

    def of_class(self, offset: int, type_name: str) -> Instrument | None:
        """The nearest earlier instrument of this section whose KB class is ``type_name``."""
        sec = self.section_of(offset)
        floor = self.document.sections[sec].start if sec >= 0 else 0
        wanted = str(JBZ[type_name])
        for m in reversed(self.in_span(floor, offset)):
            if wanted in self.kb.entities[m.iri].types:
                return self.instrument(m.iri)
        return None

    def bare_head(self, start: int, window: str) -> tuple[Instrument | None, str]:
        """ "de conclusies", "het voorstel": an earlier instrument of that kind in the section,
        or, for documents a section is about as a whole, one named after the section."""
        m = BARE_HEAD_RE.match(window)
        if not m:
            return None, ""
        head = m["head"].lower()
        type_name = HEADS.get(head, "LegalInstrument")
        found = self.of_class(start, type_name)
        if found is not None:
            return found, "target_bare_head_same_kind_before"
        sec = self.section_of(start)
        heading = self.document.sections[sec].heading if sec >= 0 else None
        if type_name in SECTION_DOCUMENTS and heading:
            label = f"{head} {heading}"
            return Instrument(iri="", key=_key(label), label=label, type_name=type_name), "target_bare_head_section"
        return None, ""

    def target_after(self, start: int, end: int) -> tuple[Instrument | None, str]:
        """The instrument a predicate starting at ``start`` is about, and how it was found."""
        found, how = self._target_at(start, end)
        offset = start
        for _ in range(CLAUSE_SKIPS):
            if found is not None:
                break
            # "steunde Nederland ook, samen met 26 andere lidstaten, een gezamenlijk statement"
            comma = self.document.text.find(", ", offset, end)
            if comma < 0:
                break
            offset = comma + 2
            found, how = self._target_at(offset, end, anaphora=False)
            how = how and how + "+after_clause"
        return found, how

    def _target_at(self, start: int, end: int, anaphora: bool = True) -> tuple[Instrument | None, str]:
        text = self.document.text
        window = text[start:end]
        near = [m for m in self.in_span(start, end) if m.start - start <= 60]
        phrase = phrase_instrument(window, self.kb)
        if near and (phrase is None or phrase.iri == near[0].iri or near[0].start - start < 25):
            return self.instrument(near[0].iri), "target_mention_after_predicate"
        if phrase is not None:
            return phrase, "target_phrase_after_predicate"
        bare, how = self.bare_head(start, window)
        if bare is not None:
            return bare, how
        if anaphora and ANAPHOR_RE.match(window):
            prev = self.before(start)
            if prev is not None:
                return prev, "target_reference_back"
        return None, ""

    def default(self, offset: int) -> Instrument | None:
        return self.section_default.get(self.section_of(offset))
