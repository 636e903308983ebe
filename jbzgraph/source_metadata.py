"""What a letter's own format says about it wins over what the extractor read from its text.

An officielebekendmakingen XML or HTML page states its dossier, number, date and
signatories in markup; a PDF or DOCX may carry a title. The extractor
(:mod:`jbzgraph.extract.metadata`, :mod:`jbzgraph.extract.signatories`) reads the same
facts from the text, which can be wrong (a date in a footnote, a signature split over a
page). Here, between extract and rdf, the markup's values replace the extracted ones
(``jbz:kamerstuk``, ``dct:date``, the label, the ``jbz:Signature`` statements); where the
two disagree, a warning says so; what the reader could not read (a page without text)
becomes a warning too, so the build report and the graph both show it.
"""

import re
from dataclasses import replace
from datetime import date

from jbzgraph.extract.evidence import span
from jbzgraph.extract.model import Extraction, Signatory, Warning
from jbzgraph.extract.signatories import person_iri
from jbzgraph.ingest import Letter
from jbzgraph.kb import KnowledgeBase
from jbzgraph.layout import Document

KAMERSTUK_RE = re.compile(r"^[0-9]{4,5}(-[A-Z0-9]+)*-[0-9]+$")
MARKUP_RULE = "markup_signature"


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _signatories(document: Document, pairs, kb: KnowledgeBase) -> list[Signatory]:
    """The markup's (name, office) pairs as signatures, each with the span of its name in
    the text (the last one: signatures close a letter); a name not in the text is left out,
    as a statement without its sentence would be."""
    found = []
    for name, role in pairs:
        at = document.text.rfind(name)
        if at >= 0:
            found.append(Signatory(name, role, person_iri(name, kb), span(document.text, at, at + len(name)), MARKUP_RULE))
    return found


def prefer_source_metadata(extraction: Extraction, letter: Letter, document: Document,
                           kb: KnowledgeBase) -> Extraction:
    """The extraction with the letter's metadata from its format in place of the guesses."""
    meta = letter.metadata
    info = extraction.letter
    warnings = [Warning("unread_page", message) for message in letter.warnings]
    changes: dict = {}
    when = _date(meta.get("date"))
    if when:
        if info.date and info.date != when:
            warnings.append(Warning("metadata_disagrees",
                                    f"the markup dates the letter {when}, its text {info.date}; the markup's date is kept"))
        changes["date"] = when
    kamerstuk = meta.get("kamerstuk")
    if kamerstuk and KAMERSTUK_RE.match(kamerstuk):
        if info.kamerstuk and info.kamerstuk != kamerstuk:
            warnings.append(Warning("metadata_disagrees",
                                    f"the markup numbers the letter {kamerstuk}, its text {info.kamerstuk}; the markup's number is kept"))
        changes["kamerstuk"] = kamerstuk
    if meta.get("title"):
        changes["title"] = meta["title"]
    signatories = extraction.signatories
    if meta.get("signatories"):
        signatories = _signatories(document, meta["signatories"], kb) or signatories
    return replace(extraction, letter=replace(info, **changes), signatories=signatories,
                   warnings=[*warnings, *extraction.warnings])
