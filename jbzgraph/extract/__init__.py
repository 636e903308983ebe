"""Step 4: statements from an analysed letter, one module per kind of statement."""

from jbzgraph.extract.mentions import mentions
from jbzgraph.extract.metadata import letter_info
from jbzgraph.extract.model import Extraction
from jbzgraph.extract.references import citations
from jbzgraph.extract.signatories import signatories
from jbzgraph.kb import KnowledgeBase, load_kb
from jbzgraph.layout.model import Document
from jbzgraph.nlp import Analysis


def extract(document: Document, analysis: Analysis, kb: KnowledgeBase | None = None) -> Extraction:
    kb = kb or load_kb()
    text = document.text
    signed = signatories(document, kb)
    result = Extraction(letter=letter_info(document, analysis, kb))
    result.signatories = signed
    result.mentions = mentions(text, analysis, signed)
    result.citations = citations(text, analysis)
    return result
