"""BNC fiches: the Commission document a fiche assesses, and when it came in.

A fiche opens with a form ("a) Titel voorstel …", "b) Datum ontvangst Commissiedocument
…"): the title field names the instrument, and the date field the day the Commission's
document reached the government, which is how a fiche dates the proposal. The field
labels are the KB's (``jbz:titleField``, ``jbz:dateField`` on the proposal stage), so a
form worded otherwise is taught in the lexicon.
"""

import re

from jbzgraph.extract.evidence import sentence_of
from jbzgraph.extract.instruments import InstrumentContext
from jbzgraph.extract.model import Event
from jbzgraph.kb import KnowledgeBase
from jbzgraph.nlp import Analysis

DATE_REACH = 80  # characters from a date field's label to its value
TITLE_REACH = 1500  # characters from a title field's label to the date field after it


def _label_re(labels: list[str]) -> re.Pattern | None:
    if not labels:
        return None
    words = sorted((r"\s+".join(map(re.escape, w.split())) for w in labels), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


def form_events(text: str, analysis: Analysis, kb: KnowledgeBase, context: InstrumentContext,
                commission_iri: str | None) -> list[Event]:
    """A proposal event by the Commission for each title and date field pair of a fiche form."""
    stage = kb.concepts.get(("stage", "proposal"))
    if stage is None:
        return []
    dates_re, titles_re = _label_re(kb.words("dateField", stage.iri)), _label_re(kb.words("titleField", stage.iri))
    if dates_re is None or titles_re is None:
        return []
    titles = list(titles_re.finditer(text))
    found: list[Event] = []
    for field in dates_re.finditer(text):
        when = next((d for d in analysis.dates if field.end() <= d.start <= field.end() + DATE_REACH), None)
        title = next((t for t in reversed(titles) if field.start() - TITLE_REACH <= t.end() <= field.start()), None)
        if when is None or title is None:
            continue
        named = context.in_span(title.end(), field.start())
        outer = [m for m in named if not any(o is not m and o.start <= m.start and m.end <= o.end for o in named)]
        if not outer:
            continue
        found.append(Event(context.instrument(outer[0].iri), "proposal", commission_iri, when.first,
                           sentence_of(analysis, text, field.start()), "stage_proposal+fiche_form+date_of_receipt",
                           0.85))
    return found
