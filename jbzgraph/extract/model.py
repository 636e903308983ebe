"""Statements: what a letter says, as plain records, each with the span that says it.

The extractors produce these; :mod:`jbzgraph.rdf` alone turns them into triples. An
entity is referred to by IRI when the knowledge base knows it; ``iri == ""`` means "mint
one from the name" (a person or an instrument the KB does not know).
"""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Meeting:
    body_iri: str
    first: date
    last: date
    place_iri: str | None
    informal: bool
    evidence: Evidence
    rule: str


@dataclass(frozen=True)
class LetterInfo:
    source: str
    sha256: str
    doc_type: str  # notation in the KB's document-type scheme
    doc_type_evidence: Evidence | None
    date: date | None
    kamerstuk: str | None
    our_reference: str | None
    meeting: Meeting | None
    title: str


@dataclass(frozen=True)
class Mention:
    iri: str  # "" = mint from ``name`` (a person) or from ``instrument``
    kind: str
    name: str
    evidence: Evidence
    rule: str
    confidence: float
    instrument: "Instrument | None" = None  # an instrument the letter names that the KB lacks


@dataclass(frozen=True)
class Signatory:
    name: str
    role: str
    person_iri: str  # "" = mint from ``name``
    evidence: Evidence
    rule: str


@dataclass(frozen=True)
class Citation:
    kind: str  # notation in the KB's reference-kind scheme
    ref: str
    evidence: Evidence
    rule: str


@dataclass(frozen=True)
class Instrument:
    """An instrument a statement is about: a KB entry, or one the letter introduces."""

    iri: str  # "" = mint from ``key``
    key: str
    label: str
    type_name: str = "LegalInstrument"  # local name of a jbz: instrument class
    identifiers: tuple[tuple[str, str], ...] = ()  # (property local name, value)
    aliases: tuple[str, ...] = ()

    @property
    def ref(self) -> str:
        """What identifies it before it has an IRI: the KB IRI, or the key an IRI is minted from."""
        return self.iri or self.key


@dataclass(frozen=True)
class Position:
    holder_iri: str
    target: Instrument
    stance: str
    intended: bool
    at_meeting: bool
    evidence: Evidence
    rule: str
    confidence: float


@dataclass(frozen=True)
class Event:
    target: Instrument
    stage: str
    body_iri: str | None
    date: date | None
    evidence: Evidence
    rule: str
    confidence: float


@dataclass(frozen=True)
class Membership:
    group_key: str
    group_label: str
    member_iri: str
    evidence: Evidence
    rule: str
    confidence: float


@dataclass(frozen=True)
class Question:
    """A question in a written consultation, by the group that asked it."""

    group: str  # the group's name as written, e.g. "VVD", "GroenLinks-PvdA"
    about: tuple[Instrument, ...]
    evidence: Evidence
    rule: str


@dataclass(frozen=True)
class Answer:
    question: int  # index into Extraction.questions
    about: tuple[Instrument, ...]
    evidence: Evidence
    rule: str


@dataclass(frozen=True)
class Motion:
    """A motion, known by its submitters' names, its Kamerstuk number, or both."""

    names: tuple[str, ...]
    number: str | None  # "21501-04-287"


@dataclass(frozen=True)
class Commitment:
    kind: str  # toezegging | motie
    motion: Motion | None
    fulfilled: bool
    about: tuple[Instrument, ...]
    evidence: Evidence
    rule: str
    confidence: float


@dataclass(frozen=True)
class Warning:
    code: str
    message: str
    evidence: Evidence | None = None


@dataclass
class Extraction:
    letter: LetterInfo
    mentions: list[Mention] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "mentions": len(self.mentions),
            "signatories": len(self.signatories),
            "citations": len(self.citations),
            "positions": len(self.positions),
            "events": len(self.events),
            "memberships": len(self.memberships),
            "warnings": len(self.warnings),
            "questions": len(self.questions),
            "answers": len(self.answers),
            "commitments": len(self.commitments),
        }
