"""Who signed the letter, with the office they signed in (``jbz:Signature``)."""

from jbzgraph.extract.evidence import span
from jbzgraph.extract.model import Signatory
from jbzgraph.kb import KnowledgeBase
from jbzgraph.layout.model import Document
from jbzgraph.nlp.persons import family_name


def person_iri(name: str, kb: KnowledgeBase) -> str:
    """The KB person with this family name, or "" to mint one."""
    fam = family_name(name).lower()
    for ent in kb.of_kind("person"):
        if ent.family_name and ent.family_name.lower() == fam:
            return ent.iri
    return ""


def signatories(document: Document, kb: KnowledgeBase) -> list[Signatory]:
    """One per person and office (a web page lists its signers above the letter that they sign
    below; one minister may sign in two offices)."""
    found: dict[tuple[str, str], Signatory] = {}
    for s in document.signatures:
        found.setdefault((family_name(s.name).lower(), s.role.lower()), Signatory(
            s.name, s.role, person_iri(s.name, kb), span(document.text, s.start, s.end), "signature_block"))
    return list(found.values())
