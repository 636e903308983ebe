"""Step 4: statements from an analysed letter, one module per kind of statement."""

from jbzgraph.extract.events import events
from jbzgraph.extract.groups import groups
from jbzgraph.extract.instruments import InstrumentContext
from jbzgraph.extract.mentions import mentions
from jbzgraph.extract.metadata import letter_info
from jbzgraph.extract.model import Extraction
from jbzgraph.extract.parliament import commitments, questions_and_answers
from jbzgraph.extract.positions import not_on_own_text, positions
from jbzgraph.extract.references import citations
from jbzgraph.extract.signatories import signatories
from jbzgraph.kb import KnowledgeBase, load_kb
from jbzgraph.layout.model import Document
from jbzgraph.nlp import Analysis


def extract(document: Document, analysis: Analysis, kb: KnowledgeBase | None = None) -> Extraction:
    kb = kb or load_kb()
    text = document.text
    signed = signatories(document, kb)
    info, warnings = letter_info(document, analysis, kb)
    result = Extraction(letter=info, warnings=warnings)
    result.signatories = signed
    context = InstrumentContext(document, analysis, kb)
    result.citations = citations(text, analysis)
    result.positions = positions(document, analysis, kb, context, info.meeting)
    result.events = events(document, analysis, kb, context, info.meeting)
    result.positions = not_on_own_text(result.positions, result.events)
    targets = {p.target.key for p in result.positions} | {e.target.key for e in result.events}
    result.mentions = mentions(text, analysis, signed, context, targets)
    result.memberships = groups(document, analysis, kb)
    result.questions, result.answers = questions_and_answers(document, context)
    result.commitments = commitments(document, analysis, context)
    return result
