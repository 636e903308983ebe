"""BNC fiches: the Commission document a fiche assesses, and when it came in.

A fiche opens with a form ("a) Titel voorstel …", "b) Datum ontvangst Commissiedocument
…"): the title field names the instrument, and the date field the day the Commission's
document reached the government, which is how a fiche dates the proposal. The field
labels are the KB's (``jbz:titleField``, ``jbz:dateField`` on the proposal stage), so a
form worded otherwise is taught in the lexicon.
"""

import re

from jbzgraph.extract.evidence import sentence_of
from jbzgraph.extract.instruments import ID_PROPERTY, InstrumentContext, kb_keys
from jbzgraph.extract.model import Event, Instrument
from jbzgraph.kb import KnowledgeBase
from jbzgraph.nlp import Analysis
from jbzgraph.nlp.phrases import PROPOSED_TYPE, phrase_key, policy_lexicon

DATE_REACH = 80  # characters from a date field's label to its value
TITLE_REACH = 1500  # characters from a title field's label to the date field after it
NUMBER_REACH = 200  # characters from a date field's value to the Commission number field after it
COVERS = 0.6  # share of a title a phrase must span to be the title's instrument
# what may stand between a field's value and the next field's label: "b)", "•"
ENUMERATOR_RE = re.compile(r"[\s•·\-–]*(?:\(?[a-z]\))?[\s•·\-–]*$")


def _label_re(labels: list[str]) -> re.Pattern | None:
    if not labels:
        return None
    words = sorted((r"\s+".join(map(re.escape, w.split())) for w in labels), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


def _titles(context: InstrumentContext, start: int, end: int) -> list[tuple[int, int]]:
    """The documents a title field's value names, one a paragraph ("Voorstel voor een
    verordening …" and "Mededeling van de Commissie …" under one label), without the next
    field's enumerator."""
    text = context.document.text
    found = []
    for para in context.document.paragraphs:
        a, b = max(para.start, start), min(para.end, end)
        if b <= a:
            continue
        b = a + len(ENUMERATOR_RE.sub("", text[a:b]))
        while a < b and not text[a].isalnum():
            a += 1
        if b - a > 3:
            found.append((a, b))
    return found


def _instrument(context: InstrumentContext, a: int, b: int, com: tuple[str, str] | None) -> Instrument:
    """The instrument a title names: the KB's by its Commission number, the phrase that spans
    most of the title, or else the title itself (an English title, one the phrases cut short)."""
    kb = context.kb
    if com is not None:
        iri = kb_keys(kb)[1].get(com[1].replace(" ", "").lower())
        if iri is not None:
            return context.instrument(iri)
    named = context.in_span(a, b)
    outer = [m for m in named if not any(o is not m and o.start <= m.start and m.end <= o.end for o in named)]
    wide = [m for m in outer if m.end - m.start >= COVERS * (b - a)]
    if wide:
        return context.instrument(wide[0].iri)
    label = " ".join(context.document.text[a:b].split())
    lex = policy_lexicon(kb)
    head = next((hit for w in label.split() if (hit := lex.head_of(w.strip(",.;:()"), True))), None)
    return Instrument(iri="", key=phrase_key(label.split(), lex), label=label,
                      type_name=head[1] if head else PROPOSED_TYPE, identifiers=(com,) if com else ())


def _field_patterns(kb: KnowledgeBase) -> tuple[re.Pattern | None, re.Pattern | None]:
    """The form's title and date field labels (the proposal stage's ``jbz:titleField``,
    ``jbz:dateField``) as patterns, either None when the lexicon has none."""
    stage = kb.concepts.get(("stage", "proposal"))
    if stage is None:
        return None, None
    return _label_re(kb.words("titleField", stage.iri)), _label_re(kb.words("dateField", stage.iri))


def form_instrument(context: InstrumentContext) -> tuple[int, Instrument] | None:
    """The instrument a fiche's one title field names first, and where the field ends; None
    without a form or for a letter covering several fiches."""
    titles_re, dates_re = _field_patterns(context.kb)
    fields = list(titles_re.finditer(context.document.text)) if titles_re else []
    if len(fields) != 1:
        return None
    after = dates_re.search(context.document.text, fields[0].end()) if dates_re else None
    end = after.start() if after and after.start() - fields[0].end() <= TITLE_REACH else fields[0].end() + TITLE_REACH
    documents = _titles(context, fields[0].end(), end)
    return (fields[0].end(), _instrument(context, *documents[0], None)) if documents else None


def form_events(text: str, analysis: Analysis, kb: KnowledgeBase, context: InstrumentContext,
                commission_iri: str | None) -> list[Event]:
    """A proposal event by the Commission for each document of each title and date field
    pair of a fiche form."""
    titles_re, dates_re = _field_patterns(kb)
    if dates_re is None or titles_re is None:
        return []
    titles = list(titles_re.finditer(text))
    found: list[Event] = []
    for field in dates_re.finditer(text):
        when = next((d for d in analysis.dates if field.end() <= d.start <= field.end() + DATE_REACH), None)
        title = next((t for t in reversed(titles) if field.start() - TITLE_REACH <= t.end() <= field.start()), None)
        if when is None or title is None:
            continue
        documents = _titles(context, title.end(), field.start())
        coms = [r for r in analysis.references if r.kind == "com" and when.end <= r.start <= when.end + NUMBER_REACH]
        com = (ID_PROPERTY["com"], coms[0].ref) if coms and len(documents) == 1 else None
        for a, b in documents:
            found.append(Event(_instrument(context, a, b, com), "proposal", commission_iri, when.first,
                               sentence_of(analysis, text, field.start()), "stage_proposal+fiche_form+date_of_receipt",
                               0.85))
    return found
