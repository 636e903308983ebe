"""A letter's text for its page, with the spans of its statements marked.

The store keeps each statement's evidence (quote and offsets into the letter's normalised
text), its file name (``jbz:source``) and the SHA-256 of the file, but not the whole text.
So the text is read again from the letter file, in the folders given to ``serve
--letters``, through the same ingest and layout steps as the build; the file is used only
when its hash is the one in the store, so the offsets are known to fit.
"""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jbzgraph.errors import InputError
from jbzgraph.ingest import read_letter
from jbzgraph.layout import parse_layout


@lru_cache(maxsize=32)
def _text(path: Path, mtime_ns: int) -> tuple[str, str]:
    letter = read_letter(path)
    return letter.sha256, parse_layout(letter).text


def letter_text(folders: tuple[Path, ...], source: str, sha256: str) -> str | None:
    """The normalised text of the letter file ``source`` with hash ``sha256``, or None."""
    if not source or Path(source).name != source:
        return None
    for folder in folders:
        path = folder / source
        if path.is_file():
            try:
                found, text = _text(path, path.stat().st_mtime_ns)
            except InputError:
                continue
            if found == sha256:
                return text
    return None


@dataclass(frozen=True)
class Segment:
    text: str
    spans: tuple[str, ...]  # ids "START-END" of the spans covering it
    starts: tuple[str, ...]  # ids of the spans starting here (anchors)


def segments(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """The text cut at every span boundary, each piece with the spans that cover it."""
    spans = sorted({(s, e) for s, e in spans if 0 <= s < e <= len(text)})
    cuts = sorted({0, len(text), *(s for s, _ in spans), *(e for _, e in spans)})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        covering = tuple(f"{s}-{e}" for s, e in spans if s <= a and b <= e)
        starting = tuple(f"{s}-{e}" for s, e in spans if s == a)
        pieces.append(Segment(text[a:b], covering, starting))
    return pieces
