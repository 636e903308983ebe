"""Procedural events: what happened to an instrument, at which body, when.

Produces ``jbz:ProceduralEvent`` with ``jbz:instrument``, ``jbz:stage``, ``jbz:body`` and
``dct:date``. A sentence with a stage expression (below) yields one event per instrument
it names — or, when it names none, for the instrument its section is about. The body is
the Council body, Commission or Parliament named nearest the stage expression; the date
the one nearest it in the sentence.
"""

import re

from jbzgraph.extract.evidence import sentence_of
from jbzgraph.extract.instruments import InstrumentContext, kb_instrument
from jbzgraph.extract.model import Event
from jbzgraph.kb import KnowledgeBase
from jbzgraph.layout.model import Document
from jbzgraph.nlp import Analysis

# Most specific first: the first stage whose expression occurs in a sentence wins.
STAGE_PATTERNS = [
    ("partial_general_approach", r"\bgedeeltelijke\s+algemene\s+oriëntatie\b"),
    ("general_approach", r"\balgemene\s+oriëntaties?\b|\bRaadspositie\b"),
    ("negotiating_mandate", r"\bonderhandelingsmandaat\b(?![^.]{0,40}\b(?:presenteerde|gepresenteerd)\b)"
                            r"|\bmandaat\b[^.]{0,60}\b(?:vastgesteld|aangenomen|ingestemd|goedgekeurd)\b"
                            r"|\b(?:vastgesteld|aangenomen|ingestemd|goedgekeurd)\b[^.]{0,60}\bmandaat\b"),
    ("provisional_agreement", r"\b(?:voorlopig|politiek)e?\s+akkoord\b|\btriloogakkoord\b|\bakkoord\s+(?:bereikt\s+)?over\b"
                              r"|\bakkoord\s+(?:bereikt\s+)?met\s+het\s+Europees\s+Parlement\b"),
    ("entry_into_force", r"\bin\s+werking\s+(?:ge)?tr(?:eedt|eden|ad|aden|ijdt)\b|\binwerkingtreding\b"),
    ("application", r"\bvan\s+toepassing\s+(?:worden|wordt|zijn|is|zal|zullen|geworden)\b|\bin\s+gebruik\s+genomen\b"),
    ("extension", r"\bverlengd\b|\bverlenging\b"),
    ("adoption", r"\b(?:formeel\s+)?aangenomen\b|\bA-punt\b|\bgoedgekeurd\b|\bvastgesteld\b|\bherziene\b"),
    ("proposal", r"\bpresenteerde\b|\bpresenteert\b|\bgepresenteerd\b|\bpubliceerde\b|\bgepubliceerd\b"
                 r"|\bpubliceert\b|\bkwam\s+(?:met|uit)\b|\bvoorgesteld\b|\blanceerde\b|\bgelanceerd\b"),
]
STAGE_RES = [(stage, re.compile(p, re.IGNORECASE)) for stage, p in STAGE_PATTERNS]
BODY_KEYS = ("JHA_COUNCIL", "COREPER", "GAC", "COUNCIL", "EUCO", "COM", "EP")
DEFAULT_BODY = {"proposal": "COM", "general_approach": "COUNCIL", "partial_general_approach": "COUNCIL"}
FUTURE_RE = re.compile(r"\b(?:zal|zullen|wordt verwacht|naar verwachting|beoogt|streeft)\b", re.IGNORECASE)
SKIP_PARAGRAPHS = {"question", "signature", "header"}


def events(document: Document, analysis: Analysis, kb: KnowledgeBase, context: InstrumentContext) -> list[Event]:
    text = document.text
    skip = [(p.start, p.end) for p in document.paragraphs if p.kind in SKIP_PARAGRAPHS]
    bodies = {kb.by_key("organisation", k).iri: k for k in BODY_KEYS if kb.by_key("organisation", k)}
    result: list[Event] = []
    seen: set[tuple] = set()
    for s_start, s_end in analysis.sentences:
        if any(a <= s_start < b for a, b in skip):
            continue
        sentence = text[s_start:s_end]
        hit = next(((stage, m) for stage, rx in STAGE_RES if (m := rx.search(sentence))), None)
        if hit is None:
            continue
        stage, m = hit
        cue = s_start + m.start()
        targets = [kb_instrument(kb, e.iri) for e in context.in_span(s_start, s_end)]
        how = "target_mention_in_sentence"
        if not targets:
            default = context.default(s_start)
            targets, how = ([default], "target_section_instrument") if default else ([], "")
        if not targets:
            continue
        body_mentions = [e for e in analysis.entities if e.iri in bodies and s_start <= e.start < s_end]
        body_iri = min(body_mentions, key=lambda e: abs(e.start - cue)).iri if body_mentions else None
        if body_iri is None and stage in DEFAULT_BODY:
            fallback = kb.by_key("organisation", DEFAULT_BODY[stage])
            body_iri = fallback.iri if fallback else None
        dates = [d for d in analysis.dates if s_start <= d.start < s_end]
        when = min(dates, key=lambda d: abs(d.start - cue)).first if dates else None
        confidence = 0.7 if how == "target_mention_in_sentence" else 0.55
        if FUTURE_RE.search(sentence):
            confidence -= 0.15
        for target in {t.iri or t.key: t for t in targets}.values():
            key = (target.iri or target.key, stage, body_iri, when)
            if key in seen:
                continue
            seen.add(key)
            result.append(Event(target, stage, body_iri, when, sentence_of(analysis, text, s_start),
                                f"stage_{stage}+{how}", round(confidence, 2)))
    return result
