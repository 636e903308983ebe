"""Positions: who supports, opposes, doubts, abstains on or takes note of which instrument.

Produces ``jbz:Position`` with ``jbz:holder``, ``jbz:target``, ``jbz:stance``,
``jbz:intended``. A sentence yields a position when it has a stance predicate (the verbs
and predicates of these letters, below), a holder before it (or right after it, in
inverted word order) and a target: an instrument named right after the predicate, one
referred back to ("dit", "deze"), or else the instrument the section is about.
Negation flips support to oppose ("kan niet instemmen", "steunt ... niet").
"""

import re

from jbzgraph.extract.cues import AnyCue
from jbzgraph.extract.evidence import sentence_of
from jbzgraph.extract.instruments import InstrumentContext
from jbzgraph.extract.model import Position
from jbzgraph.kb import KnowledgeBase
from jbzgraph.layout.model import Document
from jbzgraph.nlp import Analysis

W = r"(?:[\w-]+\s+)"
STANCE_PATTERNS = {
    "support": [
        r"\b(?:onder)?steun(?:t|en|de|den)\b", r"\bgesteund\b", r"\bte (?:onder)?steunen\b",
        r"\bsteun\s+(?:uitgesproken|uitspreken|uit te spreken|gegeven|betuigd)\b",
        r"\bspr(?:eekt|eken|ak|aken)\s+" + W + r"{0,3}steun\s+uit\b",
        r"\bverwelkom(?:t|en|de|den)\b", r"\bverwelkomd\b", r"\bte verwelkomen\b",
        r"\binstemming\s+(?:heeft\s+)?(?:verleend|verleent|gegeven|geven)\b", r"\bingestemd\b",
        r"\bstem(?:t|men|de|den)\b[^.;]{0,60}?\bin met\b", r"\bin te stemmen\b", r"\binstemmen\b",
        r"\bonderschrij(?:ft|ven|f)\b", r"\bonderschreven\b",
        r"\bpositief\s+(?:over|tegenover)\b", r"\b(?:is|zijn|staat|staan|stond|stonden|was|waren)\s+" + W + r"{0,2}positief\b",
        r"\bzich\s+" + W + r"{0,2}(?:kan|kunnen|kon|konden)\s+vinden\s+in\b", r"\bkan zich vinden\b",
        r"\bkijk(?:t|en)\s+" + W + r"{0,4}uit\s+naar\b", r"\bvoorstander\b", r"\bwaardeer(?:t|de|den)\b",
    ],
    "concern": [
        r"\bkritisch\b", r"\bzorgen\b", r"\bbezorgd\b", r"\bkanttekening(?:en)?\b", r"\bbedenkingen\b",
        r"\bterughoudend\b", r"\bvraagtekens\b", r"\bwenst geen\b", r"\bvoorbehoud\b",
    ],
    "oppose": [
        r"\bwijs(?:t|en)\s+" + W + r"{0,5}af\b", r"\bwezen\s+" + W + r"{0,5}af\b", r"\bafgewezen\b",
        r"\bkeur(?:t|en)\s+" + W + r"{0,5}af\b", r"\bafgekeurd\b", r"\bstem(?:t|men|de|den)\s+tegen\b",
        r"\btegengestemd\b", r"\bverzet(?:ten)?\s+zich\s+tegen\b", r"\bniet opportuun\b",
    ],
    "abstain": [r"\bonthoud(?:t|en)\s+zich\b", r"\bonthield(?:en)?\b", r"\bzich\s+" + W + r"{0,7}onthouden\b"],
    "neutral": [r"\bne(?:emt|men|men)\s+kennis\b", r"\bnam(?:en)?\s+kennis\b", r"\bkennis\s*genomen\b",
                r"\bkennisgenomen\b", r"\baangehoord\b"],
}
STANCE_RES = [(stance, re.compile(p, re.IGNORECASE)) for stance, ps in STANCE_PATTERNS.items() for p in ps]
# One pass tells whether a sentence has any stance cue at all; most have none.
ANY_STANCE = AnyCue(p for ps in STANCE_PATTERNS.values() for p in ps)
NLD_HOLDER_RE = re.compile(
    r"\b(?:het\s+(?:demissionaire\s+)?kabinet|Nederland|wij|de\s+minister|de\s+staatssecretaris|ik)\b(?!\s*-)",
    re.IGNORECASE,
)
MULTIPLE_RE = re.compile(
    r"\b(?:een\s+(?:aantal|handvol|groot aantal|klein aantal|meerderheid\s+(?:van\s+de\s+)?|minderheid\s+(?:van\s+de\s+)?)"
    r"|enkele|meerdere|verschillende|veel|vele|de meeste|diverse|sommige|andere|overige|alle|de)\s*lidstaten\b"
    r"|^\s*lidstaten\b",
    re.IGNORECASE,
)
NEGATION_RE = re.compile(r"\b(?:niet|geen|nooit)\b", re.IGNORECASE)
# Announced, not yet taken: "zal steunen", "is voornemens in te stemmen" ("heeft kunnen verwelkomen" is taken).
INTENT_RE = re.compile(r"\b(?:zal|zullen|voornemens|wil|willen|beoogt|verwacht|inzet\s+is)\b", re.IGNORECASE)
MEETING_RE = re.compile(r"\b(?:tijdens|in|op)\s+de\s+(?:informele\s+)?(?:JBZ-Raad|Raad)\b|\bin Raadsverband\b", re.IGNORECASE)
NON_HOLDER_KEYS = {"JHA_COUNCIL", "COREPER", "GAC", "COUNCIL", "TWEEDE_KAMER"}
SKIP_PARAGRAPHS = {"question", "footnote", "signature", "header"}
NEXT_PREDICATE_LIMIT = 160
# "met de Commissie", "door Nederland": an actor after a preposition is not the one speaking.
AFTER_PREPOSITION_RE = re.compile(r"\b(?:met|van|aan|naar|door|bij|tussen|voor|uit|in)\s+(?:de\s+|het\s+)?$")


def _holders(sentence: str, s_start: int, analysis: Analysis, kb: KnowledgeBase):
    """(offset, holder IRI) candidates in a sentence."""
    found = []
    nld = kb.by_key("member_state", "NLD")
    for m in NLD_HOLDER_RE.finditer(sentence):
        found.append((s_start + m.start(), nld.iri))
    multiple = kb.by_key("unnamed_group", "MULTIPLE")
    if multiple:
        found += [(s_start + m.start(), multiple.iri) for m in MULTIPLE_RE.finditer(sentence)]
    for e in analysis.entities_in(s_start, s_start + len(sentence)):
        if e.kind not in ("member_state", "organisation"):
            continue
        if kb.entities[e.iri].key in NON_HOLDER_KEYS or e.rule == "gazetteer_adjective":
            continue
        if AFTER_PREPOSITION_RE.search(sentence[max(0, e.start - s_start - 25):e.start - s_start].lower()):
            continue
        found.append((e.start, e.iri))
    found.sort()
    return found


# "Net als Nederland kon de meerderheid ... steunen": Nederland holds the position too.
ALONGSIDE_RE = re.compile(r"\b(?:[Nn]et\s+als|[Ee]venals|[Zz]oals\s+ook|[Ss]amen\s+met)\s+(?:de\s+|het\s+)?$")
CLAUSE_START_RE = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:dat|en|maar|omdat|zodat|terwijl|waarbij|waarin|die|nu|als|indien)\s+)"
    r"(?:(?:ook|daarnaast|daarom|tevens|eveneens|bovendien|verder|vervolgens|tegelijkertijd|zo|dan|nog|"
    r"echter|wel|alle|andere|overige|enkele|verschillende|diverse)\s+)*"
    r"(?:(?:de|het|een|ook)\s+)?$",
    re.IGNORECASE,
)


def _subject_like(text: str, s_start: int, offset: int) -> bool:
    """Whether a holder stands where a subject stands: at the start of its sentence or clause,
    after at most an adverb and a determiner ("Het kabinet", ", maar ook Duitsland").
    A holder inside a noun phrase ("het Grens- en Kustwachtagentschap Frontex") is not."""
    return bool(CLAUSE_START_RE.search(text[max(s_start, offset - 60):offset]))


def positions(document: Document, analysis: Analysis, kb: KnowledgeBase, context: InstrumentContext) -> list[Position]:
    text = document.text
    result: list[Position] = []
    seen: set[tuple[str, str, str]] = set()
    for s_start, s_end in analysis.sentences:
        paragraph = document.paragraph_at(s_start)
        if paragraph and paragraph.kind in SKIP_PARAGRAPHS:
            continue
        sentence = text[s_start:s_end]
        if not ANY_STANCE.search(sentence):
            continue
        holders = _holders(sentence, s_start, analysis, kb)
        if not holders:
            continue
        for stance, rx in STANCE_RES:
            for m in rx.finditer(sentence):
                cue_start, cue_end = s_start + m.start(), s_start + m.end()
                before = [h for h in holders if h[0] < cue_start]
                after = [h for h in holders if cue_end <= h[0] < cue_end + 20]
                alongside = [h for h in before if ALONGSIDE_RE.search(text[max(s_start, h[0] - 20):h[0]])]
                main = [h for h in before if h not in alongside]
                subjects = [h for h in main if _subject_like(text, s_start, h[0])]
                holder = (subjects[-1] if subjects else after[0] if after else main[-1] if main else
                          alongside[-1] if alongside else None)
                if holder is None:
                    continue
                between = text[min(holder[0], cue_start):cue_start]
                tail = text[cue_end:min(s_end, cue_end + 40)]
                final = stance
                negated = bool(NEGATION_RE.search(between[-40:])) or bool(re.match(r"^\s+(?:\w+\s+){0,3}niet\b", tail))
                if negated:
                    if stance == "support":
                        final = "oppose"
                    elif stance in ("concern", "oppose"):
                        continue
                target, how = context.target_after(cue_end, min(s_end, cue_end + NEXT_PREDICATE_LIMIT))
                if target is None:
                    in_sentence = context.in_span(s_start, cue_start)
                    if in_sentence:
                        target, how = context.instrument(in_sentence[-1].iri), "target_mention_before_predicate"
                if target is None:
                    target, how = context.default(s_start), "target_section_instrument"
                if target is None:
                    continue
                for who in [holder] + [h for h in alongside if h != holder]:
                    key = (who[1], target.ref, final)
                    if key in seen:
                        continue
                    seen.add(key)
                    result.append(Position(
                        holder_iri=who[1],
                        target=target,
                        stance=final,
                        intended=bool(INTENT_RE.search(between)),
                        at_meeting=bool(MEETING_RE.search(sentence)),
                        evidence=sentence_of(analysis, text, s_start),
                        rule=f"stance_{stance}{'_negated' if negated else ''}+{how}"
                             + ("+alongside" if who is not holder else ""),
                        confidence=0.8 if how == "target_mention_after_predicate" else 0.6,
                    ))
    return result
