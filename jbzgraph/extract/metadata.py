"""Letter metadata: its kind, date, Kamerstuk number and the Council meeting it is about.

Produces ``jbz:docType``, ``dct:date``, ``jbz:kamerstuk``, ``jbz:ourReference`` and the
``jbz:CouncilMeeting`` the letter reports on or announces (``jbz:aboutMeeting``).
"""

import re
from dataclasses import replace
from datetime import date

from jbzgraph.extract.evidence import sentence_of, span
from jbzgraph.extract.model import Evidence, LetterInfo, Meeting, Warning
from jbzgraph.kb import KnowledgeBase
from jbzgraph.layout.model import Document
from jbzgraph.nlp import Analysis

OPENING_PARAGRAPHS = 3
HEADER_REACH = 30  # paragraphs from the top among which the header's (addressee, place and date) are
COUNCIL_KEYS = ("JHA_COUNCIL",)
PLACE_RE = re.compile(r"[^.;]*?\b(?:in|te)\s+(?P<place>[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)")
INFORMAL_RE = re.compile(r"\binformele\b|\biJBZ", re.IGNORECASE)


def _cue_regex(label: str) -> re.Pattern:
    """A document-type label as a pattern; a separable "aan" may split it ("het verslag aan van de Raad")."""
    words = [re.escape(w) for w in label.split()]
    return re.compile(r"\b" + r"\s+(?:aan\s+)?".join(words) + r"\b", re.IGNORECASE)


def _opening(document: Document) -> tuple[int, int]:
    # (header paragraphs, the title, the addressee and the place-date line, lie before it and do not
    # count, nor does what a web page shows before them: menus, links, its identification table)
    headers = [p.end for p in document.paragraphs[:HEADER_REACH] if p.kind == "header"]
    after = headers[-1] if headers else 0
    body = [p for p in document.paragraphs if p.kind in ("body", "bullet") and p.start >= after]
    if not body:
        return 0, min(len(document.text), 1000)
    last = body[min(len(body), OPENING_PARAGRAPHS) - 1]
    return 0, last.end


def doc_type(document: Document, kb: KnowledgeBase) -> tuple[str, Evidence | None]:
    """The kind of letter, from its title or the opening sentence that says what it offers."""
    regions = []
    if document.header.get("title"):
        regions.append(document.header["title"])
    start, end = _opening(document)
    best: tuple[int, int, str, int, int] | None = None
    for concept in (c for (kind, _), c in kb.concepts.items() if kind == "doctype"):
        for label, lang in concept.labels:
            if lang not in ("nl", ""):
                continue
            rx = _cue_regex(label)
            for region_index, region in enumerate(regions):
                if rx.search(region):
                    cand = (-1, -len(label), concept.notation, -1, -1)
                    best = min(best, cand) if best else cand
            m = rx.search(document.text, start, end)
            if m:
                cand = (m.start(), -len(label), concept.notation, m.start(), m.end())
                best = min(best, cand) if best else cand
    if best is None:
        return "letter", None
    _, _, notation, s, e = best
    return notation, (span(document.text, s, e) if s >= 0 else None)


# How far from the letter's date the meeting it announces or reports on can plausibly be.
PLAUSIBLE_DAYS = {"annotated_agenda": (-7, 120), "council_report": (-120, 7)}


def meeting_candidates(document: Document, analysis: Analysis, kb: KnowledgeBase) -> list[Meeting]:
    """Every body-text sentence naming the JHA Council with a date right after it, in order."""
    council_iris = {e.iri for k in COUNCIL_KEYS if (e := kb.by_key("organisation", k))}
    text = document.text
    footnote_start = min((f.start for f in document.footnotes), default=len(text))
    found = []
    for ent in analysis.entities:
        if ent.iri not in council_iris or ent.start >= footnote_start:
            continue
        s_start, s_end = analysis.sentence_at(ent.start)
        dates = [d for d in analysis.dates if ent.end <= d.start < s_end and d.start - ent.end < 40]
        if not dates:
            continue
        when = dates[0]
        place = _place_after(text, when.end, s_end, kb)
        informal = bool(INFORMAL_RE.search(text[max(s_start, ent.start - 30):ent.end]))
        found.append(Meeting(
            body_iri=ent.iri,
            first=when.first,
            last=when.last,
            place_iri=place,
            informal=informal,
            evidence=sentence_of(analysis, text, ent.start),
            rule=f"council_mention_with_date_{when.rule}",
        ))
    return found


def _place_after(text: str, start: int, end: int, kb: KnowledgeBase) -> str | None:
    """The city in "... in Luxemburg" right after the date (a city can share its name with a
    country, so this looks the name up among places rather than trusting the gazetteer)."""
    m = PLACE_RE.match(text, start, min(end, start + 40))
    place = kb.by_label("place", m["place"]) if m else None
    return place.iri if place else None


def _plausible(candidate: Meeting, kind: str, letter_date: date | None) -> bool:
    if letter_date is None or kind not in PLAUSIBLE_DAYS:
        return True
    low, high = PLAUSIBLE_DAYS[kind]
    return low <= (candidate.first - letter_date).days and (candidate.last - letter_date).days <= high


def meeting(document: Document, analysis: Analysis, kb: KnowledgeBase, kind: str = "letter",
            ) -> tuple[Meeting | None, list[Warning]]:
    """The first dated JHA Council mention says which meeting the letter is about.

    When that date cannot be right for this kind of letter (an agenda announcing a
    meeting that lies before the letter, a report on one after it) and a later mention
    gives a plausible date, that one is taken, and both facts are reported as warnings.
    """
    candidates = meeting_candidates(document, analysis, kb)
    if not candidates:
        return None, []
    first = candidates[0]
    if first.place_iri is None:
        place = next((c.place_iri for c in candidates if c.first == first.first and c.place_iri), None)
        first = replace(first, place_iri=place)
    letter_date = analysis.letter_date
    if _plausible(first, kind, letter_date):
        return first, []
    warnings = [Warning(
        "meeting_date_implausible",
        f"the {kind.replace('_', ' ')} dated {letter_date} names the meeting of {first.first} first "
        f"({first.rule.rsplit('_', 1)[-1]} reading of the date)",
        first.evidence,
    )]
    plausible = [c for c in candidates[1:] if _plausible(c, kind, letter_date)]
    if not plausible:
        return first, warnings
    better = plausible[0]
    # "op 8 december" and "van 8 en 9 december" name the same meeting: keep the full span.
    same = [c for c in plausible if c.first == better.first]
    last = max(c.last for c in same)
    place = better.place_iri or next((c.place_iri for c in same if c.place_iri), None)
    warnings.append(Warning(
        "conflicting_meeting_dates",
        f"the letter also names the meeting of {better.first}, which fits its date; taken as the meeting",
        better.evidence,
    ))
    return replace(better, last=last, place_iri=place, rule=better.rule + "+consistency"), warnings


def letter_info(document: Document, analysis: Analysis, kb: KnowledgeBase) -> tuple[LetterInfo, list[Warning]]:
    """The letter's metadata, and warnings where what it says about itself does not add up."""
    kind, kind_evidence = doc_type(document, kb)
    found_meeting, warnings = meeting(document, analysis, kb, kind)
    header = document.header
    kamerstuk = header.get("kamerstuk")
    if not kamerstuk and header.get("dossier") and header.get("kamerstuk_number"):
        kamerstuk = f"{header['dossier']}-{header['kamerstuk_number']}"
    return LetterInfo(
        source=document.letter.source,
        sha256=document.letter.sha256,
        doc_type=kind,
        doc_type_evidence=kind_evidence,
        date=analysis.letter_date,
        kamerstuk=kamerstuk,
        our_reference=header.get("reference"),
        meeting=found_meeting,
        title=header.get("title", ""),
    ), warnings
