"""Spans of the letter text as evidence records."""

from jbzgraph.extract.model import Evidence
from jbzgraph.nlp import Analysis


def span(text: str, start: int, end: int) -> Evidence:
    return Evidence(start, end, text[start:end])


def sentence_of(analysis: Analysis, text: str, offset: int) -> Evidence:
    """The sentence around ``offset``: the quote a reader checks a statement against."""
    start, end = analysis.sentence_at(offset)
    if start == end:
        return span(text, offset, offset)
    while end > start and text[end - 1].isspace():
        end -= 1
    return span(text, start, end)
