"""Procedural events: what happened to an instrument, at which body, when.

Produces ``jbz:ProceduralEvent`` with ``jbz:instrument``, ``jbz:stage``, ``jbz:body`` and
``dct:date``. A sentence with a stage expression (below) yields one event per instrument
it names — or, when it names none, for the instrument its section is about. The body is
the Council body, Commission or Parliament named nearest the stage expression; the date
the one nearest it in the sentence.
"""

import re
from datetime import date

from jbzgraph.extract.cues import AnyCue
from jbzgraph.extract.evidence import sentence_of
from jbzgraph.extract.instruments import ABOUT_HEADS, InstrumentContext, named_phrases
from jbzgraph.extract.model import Event, Instrument, Meeting
from jbzgraph.kb import KnowledgeBase
from jbzgraph.layout.model import Document
from jbzgraph.nlp import Analysis, DateMention

# The Commission presenting something, whatever it is, is the proposal step.
PRESENT = (r"\b(?:presenteerde|presenteert|gepresenteerd|publiceerde|publiceert|gepubliceerd|"
           r"lanceerde|gelanceerd|kwam\s+(?:met|uit))\b")
PRESENT_RE = re.compile(PRESENT, re.IGNORECASE)
# Most specific first: the first stage whose expression occurs in a sentence wins.
STAGE_PATTERNS = [
    ("partial_general_approach", r"\bgedeeltelijke\s+algemene\s+oriëntatie\b"),
    ("general_approach", r"\balgemene\s+oriëntaties?\b|\bRaadspositie\b"),
    ("negotiating_mandate", r"\b(?:onderhandelings|Raads)?mandaat\b"),
    ("provisional_agreement", r"\b(?:voorlopig|politiek)e?\s+akkoord\b|\btriloogakkoord\b|\bakkoord\s+(?:bereikt\s+)?over\b"
                              r"|\bakkoord\s+(?:bereikt\s+)?met\s+het\s+Europees\s+Parlement\b"),
    ("entry_into_force", r"\bin\s+werking\s+(?:ge)?tr(?:eedt|eden|ad|aden|ijdt)\b"
                         r"|\binwerkingtreding\s+(?:op|per|vanaf|is|was)\b"
                         r"|\btr(?:eedt|eden|ad|aden)\b[^.;]{0,60}\bin\s+werking\b"),
    ("application", r"\bvan\s+toepassing\s+(?:worden|wordt|zijn|is|zal|zullen|geworden)\b|\bin\s+gebruik\s+genomen\b"
                    r"|\b(?:wordt|worden|werd|werden|is|zijn)\b[^.;]{0,60}\bvan\s+toepassing\b"),
    ("extension", r"\bverlengd\b|\bverlenging\b"),
    ("adoption", r"\b(?:formeel\s+)?aangenomen\b|\bA-punt\b|\bgoedgekeurd\b|\bvastgesteld\b|\bnam(?:en)?\b[^.;]{0,60}\baan\b"
                 r"|\b(?:recent(?:elijk)?|onlangs)\s+(?:herziene|aangenomen|vastgestelde|gewijzigde)\b"
                 r"|\bbekrachtig(?:d|t|de|den|ing)\b|\bformeel\s+akkoord\b"),
    ("proposal", PRESENT + r"|\bvoorgesteld\b"),
]
STAGE_RES = [(stage, re.compile(p, re.IGNORECASE)) for stage, p in STAGE_PATTERNS]
# One pass tells whether a sentence has any stage cue at all; most have none.
ANY_STAGE = AnyCue(p for _, p in STAGE_PATTERNS)
# A mandate or a Council position named in passing ("het huidige mandaat") is no event; one
# that was agreed, adopted or endorsed is.
NEEDS_ACTION = {"negotiating_mandate", "general_approach", "partial_general_approach"}
ACTION_RE = re.compile(
    r"\b(?:aangenomen|aannemen|aan\s+te\s+nemen|nam(?:en)?\b[^.;]{0,60}\baan|"
    r"vastgesteld|vaststellen|vast\s+te\s+stellen|stelde(?:n)?\b[^.;]{0,60}\bvast|"
    r"ingestemd|instemming|in\s+te\s+stemmen|stemde(?:n)?\b[^.;]{0,60}\bin\s+met|"
    r"goedgekeurd|goedkeuring|keurde(?:n)?\b[^.;]{0,60}\bgoed|bekrachtig\w*|"
    r"bereik(?:t|te|ten)|overeenstemming|aanvaard|akkoord\s+(?:gegaan|gegeven))\b",
    re.IGNORECASE,
)
BODY_KEYS = ("JHA_COUNCIL", "COREPER", "GAC", "COUNCIL", "EUCO", "COM", "EP")
COUNCIL_STAGES = {"negotiating_mandate", "general_approach", "partial_general_approach"}
COUNCIL_BODIES = {"JHA_COUNCIL", "COREPER", "GAC", "COUNCIL", "EUCO", "EP"}
SPECIFIC_OVER = {"COUNCIL"}  # "de Raad ... tijdens de JBZ-Raad": the configuration is the body
# Instruments named as the frame of the ones that moved ("als onderdelen van het Pact") are not targets.
FRAME_RE = re.compile(r"(?:onderde(?:el|len)\s+van|in\s+het\s+kader\s+van|op\s+(?:grond|basis)\s+van|"
                      r"conform|gelijknamige)\s+(?:de\s+|het\s+|een\s+)?$", re.IGNORECASE)
ANAPHORIC_SUBJECT_RE = re.compile(
    r"^\s*(?:Deze|Dit|Die|Beide|Zij|Ze|De|Het)\s+(?:nieuwe\s+|herziene\s+|twee\s+)?"
    r"(?:aanpassingen|regels|voorstellen|voorstel|verordeningen|verordening|wijzigingen|maatregelen|akkoord|"
    r"instrumenten|teksten|onderdelen|richtlijn|richtlijnen|strategie|mandaat)\b"
)
# Steps no single body takes: an act enters into force or applies by itself; a provisional
# agreement is the trilogue parties'.
BODYLESS = {"entry_into_force", "application", "provisional_agreement"}
# Cues that mark a step even when the sentence does not name the instrument; the others
# ("vastgesteld", "aangenomen", "herziene") are too common in other senses for that.
STRONG_CUE_RE = re.compile(r"A-punt|formeel\s+(?:aangenomen|akkoord|vastgesteld)|bekrachtig|algemene\s+oriëntatie|"
                           r"mandaat|voorlopig|triloog|in\s+werking|van\s+toepassing|presenteer|publice|verleng",
                           re.IGNORECASE)
DEADLINE_RE = re.compile(r"\b(?:tot(?:\s+en\s+met)?|t/m|uiterlijk|vóór|voor)\s+$", re.IGNORECASE)
DEFAULT_BODY = {"proposal": "COM", "general_approach": "COUNCIL", "partial_general_approach": "COUNCIL"}
FUTURE_RE = re.compile(r"\b(?:zal|zullen|wordt verwacht|naar verwachting|beoogt|streeft)\b", re.IGNORECASE)
SKIP_PARAGRAPHS = {"question", "signature", "header"}


def _stage(sentence: str, s_start: int, analysis: Analysis, bodies: dict[str, str]) -> tuple[str, int] | None:
    """The sentence's stage and the offset of its cue, or None."""
    if not ANY_STAGE.search(sentence):
        return None
    hit = next(((stage, m) for stage, rx in STAGE_RES if (m := rx.search(sentence))), None)
    if hit is None:
        return None
    stage, m = hit
    present = PRESENT_RE.search(sentence)
    by_commission = any(bodies.get(e.iri) == "COM" for e in analysis.entities_in(s_start, s_start + len(sentence)))
    if present and by_commission and stage in ("negotiating_mandate", "general_approach", "adoption"):
        return "proposal", s_start + present.start()
    if stage in NEEDS_ACTION and not ACTION_RE.search(sentence):
        return None
    if stage == "adoption" and not STRONG_CUE_RE.search(m.group(0)) and not _near_actor(m, sentence, s_start, analysis):
        return None
    return stage, s_start + m.start()


def _near_actor(m: re.Match, sentence: str, s_start: int, analysis: Analysis, reach: int = 80) -> bool:
    """ "vastgesteld", "aangenomen" are adoption only close to an instrument or a body
    ("systemische tekortkomingen vastgesteld worden" is not)."""
    cue = s_start + m.start()
    return any(abs(e.start - cue) <= reach for e in analysis.entities_in(s_start, s_start + len(sentence))
               if e.kind in ("instrument", "organisation"))


def _body(stage: str, cue: int, s_start: int, s_end: int, analysis: Analysis, bodies: dict[str, str]) -> str | None:
    """The body nearest the cue that can take this step; a named configuration beats "de Raad"."""
    allowed = COUNCIL_BODIES if stage in COUNCIL_STAGES else {"COM"} if stage == "proposal" else set(bodies.values())
    found = [e for e in analysis.entities_in(s_start, s_end) if bodies.get(e.iri) in allowed]
    if not found:
        return None
    specific = [e for e in found if bodies[e.iri] not in SPECIFIC_OVER]
    pool = specific if specific and stage in COUNCIL_STAGES | {"adoption"} and len(specific) < len(found) else found
    return min(pool, key=lambda e: abs(e.start - cue)).iri


def _targets(text: str, s_start: int, s_end: int, context: InstrumentContext, kb: KnowledgeBase,
             previous: list[Instrument]) -> tuple[list[Instrument], str]:
    """Instruments the sentence names (minus frames), plus those of the previous sentence when
    the subject refers back to them ("Deze aanpassingen ..."); a name the KB lacks counts."""
    phrases = [(a, b, ins) for a, b, ins in named_phrases(text, s_start, s_end, kb)
               if not FRAME_RE.search(text[max(s_start, a - 40):a])]
    about = [(a, b, ins) for a, b, ins in phrases if not ins.iri and ins.type_name in ABOUT_HEADS]
    named = [ins for _, _, ins in about]
    for e in context.in_span(s_start, s_end):
        inside = any(a <= e.start < b for a, b, _ in about)
        if not inside and not FRAME_RE.search(text[max(s_start, e.start - 40):e.start]):
            named.append(context.instrument(e.iri))
    if not named:
        named = [ins for _, _, ins in phrases]
    if named and not ANAPHORIC_SUBJECT_RE.match(text[s_start:s_end]):
        return named, "target_mention_in_sentence"
    if previous:
        return [*previous, *named], "target_previous_sentence" + ("+mention_in_sentence" if named else "")
    if named:
        return named, "target_mention_in_sentence"
    default = context.default(s_start)
    return ([default], "target_section_instrument") if default else ([], "")


def _event_date(text: str, s_start: int, s_end: int, cue: int, analysis: Analysis, body_iri: str | None,
                meeting: Meeting | None):
    """The date nearest the cue, not counting deadlines ("verlengd tot 4 maart 2027"); else,
    for a step the letter's own meeting took ("De JBZ-Raad heeft ... "), the meeting's date."""
    dates = [d for d in analysis.dates if s_start <= d.start < s_end
             and not DEADLINE_RE.search(text[max(s_start, d.start - 16):d.start])]
    if dates:
        nearest = min(dates, key=lambda d: abs(d.start - cue))
        return _tense_year(nearest, text[s_start:s_end], analysis.reference_date), "date_in_sentence"
    if meeting is not None and body_iri == meeting.body_iri:
        return meeting.first, "date_of_meeting"
    return None, ""


def events(document: Document, analysis: Analysis, kb: KnowledgeBase, context: InstrumentContext,
           meeting: Meeting | None = None) -> list[Event]:
    text = document.text
    # A heading names a topic ("Triloogakkoord"), it does not report a step.
    headings = [(s.heading_start, s.heading_end) for s in document.sections if s.heading]
    bodies = {kb.by_key("organisation", k).iri: k for k in BODY_KEYS if kb.by_key("organisation", k)}
    result: list[Event] = []
    seen: set[tuple] = set()
    previous: list[Instrument] = []
    previous_section = -1
    for s_start, s_end in analysis.sentences:
        paragraph = document.paragraph_at(s_start)
        if (paragraph and paragraph.kind in SKIP_PARAGRAPHS) or any(a <= s_start < b for a, b in headings):
            continue
        section = context.section_of(s_start)
        if section != previous_section:
            previous, previous_section = [], section
        mentioned = [context.instrument(e.iri) for e in context.in_span(s_start, s_end)]
        sentence = text[s_start:s_end]
        found = _stage(sentence, s_start, analysis, bodies)
        if found is None:
            previous = mentioned or previous
            continue
        stage, cue = found
        targets, how = _targets(text, s_start, s_end, context, kb, previous)
        if how != "target_mention_in_sentence" and not STRONG_CUE_RE.search(sentence):
            previous = mentioned or previous
            continue
        if how == "target_mention_in_sentence":
            # Otherwise the referents stay: a subject that refers back passes them on.
            previous = targets
        if not targets:
            continue
        body_iri = None if stage in BODYLESS else _body(stage, cue, s_start, s_end, analysis, bodies)
        if body_iri is None and stage in DEFAULT_BODY:
            fallback = kb.by_key("organisation", DEFAULT_BODY[stage])
            body_iri = fallback.iri if fallback else None
        when, dated = _event_date(text, s_start, s_end, cue, analysis, body_iri, meeting)
        confidence = 0.7 if how == "target_mention_in_sentence" else 0.55
        if FUTURE_RE.search(sentence):
            confidence -= 0.15
        for target in {t.ref: t for t in targets}.values():
            key = (target.ref, stage, body_iri, when)
            if key in seen:
                continue
            seen.add(key)
            rule = f"stage_{stage}+{how}" + (f"+{dated}" if dated else "")
            result.append(Event(target, stage, body_iri, when, sentence_of(analysis, text, s_start),
                                rule, round(confidence, 2)))
    return _drop_undated_repeats(result)


def _tense_year(found: DateMention, sentence: str, reference: date | None) -> date:
    """A date without year or marker was placed nearest the letter's date; a sentence in the
    future tense ("zal op 12 juli ...") puts it after the letter instead."""
    when = found.first
    if found.rule == "nearest" and reference and when < reference and FUTURE_RE.search(sentence):
        try:
            return when.replace(year=when.year + 1)
        except ValueError:
            return when
    return when


def _drop_undated_repeats(found: list[Event]) -> list[Event]:
    """An undated mention of a step the letter also dates ("samen met de EU-visumstrategie")
    adds nothing: keep the dated one."""
    dated: dict[tuple, set] = {}
    for e in found:
        if e.date:
            dated.setdefault((e.target.ref, e.stage), set()).add(e.body_iri)
    return [e for e in found if e.date or not (
        (bodies := dated.get((e.target.ref, e.stage))) and (e.body_iri is None or e.body_iri in bodies))]
