"""The layout step's output: a clean text and the pieces found in it, all as offsets.

Every ``start``/``end`` is a character offset into ``Document.text`` (end exclusive), so
a statement extracted later can always point back at the exact words that say it.
"""

from bisect import bisect_right
from dataclasses import dataclass, field

from jbzgraph.ingest.read import Letter


@dataclass(frozen=True)
class Section:
    """A run of paragraphs under one heading (``heading_*`` = -1 when there is none)."""

    heading: str | None
    heading_start: int
    heading_end: int
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    section: int  # index into Document.sections
    kind: str = "body"  # body | bullet | question | answer | footnote | signature | header


@dataclass(frozen=True)
class Footnote:
    number: int
    start: int  # the footnote's body text in Document.text (without its number)
    end: int
    anchor: int  # offset in the body text where the footnote mark stood (-1: not found)


@dataclass(frozen=True)
class Signature:
    name: str
    role: str
    start: int
    end: int


@dataclass
class Document:
    letter: Letter
    text: str
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    # Values read from page furniture and headers, e.g. {"date": "17 december 2025",
    # "reference": "7010422", "kamerstuk": "32317-964", "place_date": "Den Haag, 23 juni 2025"}
    header: dict[str, str] = field(default_factory=dict)
    _starts: list[int] | None = field(default=None, init=False, repr=False)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph holding ``offset`` (paragraphs are in order and do not overlap)."""
        if self._starts is None:
            self._starts = [p.start for p in self.paragraphs]
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def heading_sentences(self, sentences: list[tuple[int, int]]) -> set[int]:
        """Starts of the sentences that begin inside a section heading: a numbered heading
        ("12. Implementatie van …") may be split after its number."""
        spans = [(s.heading_start, s.heading_end) for s in self.sections if s.heading]
        return {a for a, _ in sentences if any(h <= a < e for h, e in spans)}
