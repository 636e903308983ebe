"""Footnotes: find their bodies among the lines and their marks in the running text.

PDF text puts a footnote body ("3 Tweede Kamer, vergaderjaar ...") at the bottom of its
page, i.e. anywhere between two paragraphs or two halves of a sentence, and glues its mark
to a word ("lidstaten5", "akkoord.3"). Numbers in ordinary text ("artikel 5", "2024/1351",
"8 en 9 december") look the same, so a line only starts a footnote body when a mark with its
number occurs in the text before it (or it continues a run of footnotes), and a mark is only
stripped when a body with its number exists, searching marks in increasing order.
"""

import re
from dataclasses import dataclass

from jbzgraph.layout.clean import MARK_RE, Line

NOTE_START_RE = re.compile(r"^(?P<n>\d{1,2})(?:\s+(?P<spaced>\S.*)|(?P<glued>[A-Z][a-zà-ÿ].*))$")
URL_LINE_RE = re.compile(r"^(?:https?://|www\.)\S+$")
GLUE_BEFORE = set(".,;:!?)]’”'\"")
SPACED_STOP = {
    "artikel", "art", "lid", "nr", "nummer", "punt", "fase", "bijlage", "bijlagen", "hoofdstuk",
    "paragraaf", "stap", "categorie", "pijler", "annex", "versie", "niveau", "week", "dag", "dagen",
    "jaar", "jaren", "pagina", "blz", "sub", "onderdeel", "agendapunt", "prioriteit", "cluster",
    "fiche", "richtlijn", "verordening", "maanden", "uur", "procent", "tot", "en", "of", "van", "op",
    "in", "om", "met", "na", "voor", "per", "ruim", "bijna", "circa", "ca", "zo", "al", "dan",
}
GLUED_NUMBER_RE = re.compile(r"(?<!\d)(\d{1,2})(?!\w)")
SPACED_NUMBER_RE = re.compile(r"(?<=[a-zà-ÿ]) (\d{1,2})(?=[.,;:](?:\s|$))")
LAST_WORD_RE = re.compile(r"(\w+)\W*$")
MAX_NOTE = 99


@dataclass(frozen=True)
class NoteBody:
    number: int
    lines: tuple[str, ...]


def _looks_like_body(rest: str) -> bool:
    """Footnote bodies start like a citation or a sentence: a capital, a quote before a capital, or a URL."""
    if not rest:
        return False
    if rest[0].isupper():
        return True
    if rest[0] in "‘“\"'(" and len(rest) > 1 and rest[1].isupper():
        return True
    return rest.startswith(("http://", "https://", "www."))


def glued_marks(text: str, number: int, start: int = 0) -> list[tuple[int, int]]:
    """Spans of ``number`` written as a footnote mark glued to the word or punctuation before it."""
    found = []
    for m in GLUED_NUMBER_RE.finditer(text, start):
        if int(m.group(1)) != number:
            continue
        s = m.start()
        if s == 0:
            continue
        prev = text[s - 1]
        before = text[s - 2] if s >= 2 else ""
        if prev.isalpha() and prev.islower() and before.isalpha():
            found.append((s, m.end()))
        elif prev in GLUE_BEFORE and not (prev in ".," and before.isdigit()) and before not in ("", " ", "\n"):
            found.append((s, m.end()))
    return found


def spaced_marks(text: str, number: int, start: int = 0) -> list[tuple[int, int]]:
    """Spans of " N" after a word and before punctuation ("gestuurd 6."), the space included."""
    found = []
    for m in SPACED_NUMBER_RE.finditer(text, start):
        if int(m.group(1)) != number:
            continue
        s = m.start()
        word = LAST_WORD_RE.search(text[max(0, s - 40):s])
        if word and word.group(1).lower() not in SPACED_STOP:
            found.append((s, m.end()))
    return found


def find_mark(text: str, number: int, start: int = 0) -> tuple[int, int] | None:
    """The first mark for ``number`` at or after ``start``: glued preferred, spaced otherwise."""
    glued = glued_marks(text, number, start)
    if glued:
        return glued[0]
    spaced = spaced_marks(text, number, start)
    return spaced[0] if spaced else None


def find_note_lines(lines: list[Line]) -> list[NoteBody]:
    """Mark footnote body lines with role "note" and return the bodies, in order."""
    notes: list[NoteBody] = []
    body: list[str] = []
    search_from = 0
    last = 0
    current: list[str] | None = None
    zone = False
    for line in lines:
        if line.role == "blank":
            if current is not None:
                notes.append(NoteBody(last, tuple(current)))
                current = None
            continue
        if line.role == "drop":
            continue
        if line.role != "text":
            if current is not None:
                notes.append(NoteBody(last, tuple(current)))
            current, zone = None, False
            continue
        text = line.text
        if zone and URL_LINE_RE.match(text):
            # A URL under a footnote belongs to it (PDF extraction may repeat the line).
            line.role = "drop"
            if current is not None:
                if text not in current:
                    current.append(text)
            elif notes and text not in notes[-1].lines:
                notes[-1] = NoteBody(notes[-1].number, (*notes[-1].lines, text))
            continue
        m = NOTE_START_RE.match(text)
        if m and last < int(m["n"]) <= MAX_NOTE and _looks_like_body(m["spaced"] or m["glued"]):
            n = int(m["n"])
            mark = find_mark("\n".join(body), n, search_from)
            if mark or (zone and n == last + 1):
                if current is not None:
                    notes.append(NoteBody(last, tuple(current)))
                if mark:
                    search_from = mark[1]
                line.role, line.note = "note", n
                current, last, zone = [m["spaced"] or m["glued"]], n, True
                continue
        if current is not None and not line.lead:
            line.role = "note"
            current.append(text)
            continue
        if current is not None:
            notes.append(NoteBody(last, tuple(current)))
        current, zone = None, False
        body.append(text)
    if current is not None:
        notes.append(NoteBody(last, tuple(current)))
    return notes


def strip_marks(paragraphs: list[str], numbers: list[int]) -> tuple[list[str], dict[int, tuple[int, int]]]:
    """Remove footnote marks from paragraph texts.

    Returns the cleaned texts and, per footnote number, (paragraph index, offset in the
    cleaned paragraph) of where its mark stood. DOCX sentinel marks are always removed;
    glued PDF marks only for ``numbers`` (those with a body), in increasing order.
    """
    removals: list[list[tuple[int, int, int]]] = [[] for _ in paragraphs]
    anchors_raw: dict[int, tuple[int, int]] = {}
    for idx, text in enumerate(paragraphs):
        for m in MARK_RE.finditer(text):
            removals[idx].append((m.start(), m.end(), int(m.group(1))))
    sentinel_numbers = {r[2] for rs in removals for r in rs}
    cursor = (0, 0)
    for number in sorted(set(numbers) - sentinel_numbers):
        hit = _search_from(paragraphs, removals, number, cursor)
        if hit is None:
            hit = _search_from(paragraphs, removals, number, (0, 0))
        if hit is not None:
            idx, s, e = hit
            removals[idx].append((s, e, number))
            cursor = (idx, e)
    cleaned: list[str] = []
    for idx, text in enumerate(paragraphs):
        pieces, pos, removed = [], 0, 0
        for s, e, number in sorted(removals[idx]):
            if s < pos:
                continue
            pieces.append(text[pos:s])
            anchors_raw.setdefault(number, (idx, s - removed))
            removed += e - s
            pos = e
        pieces.append(text[pos:])
        cleaned.append("".join(pieces))
    return cleaned, anchors_raw


def _search_from(
    paragraphs: list[str], removals: list[list[tuple[int, int, int]]], number: int, cursor: tuple[int, int]
) -> tuple[int, int, int] | None:
    """The first free mark for ``number`` from ``cursor`` on, as (paragraph, start, end)."""
    for idx in range(cursor[0], len(paragraphs)):
        start = cursor[1] if idx == cursor[0] else 0
        text = paragraphs[idx]
        for span in (*glued_marks(text, number, start), *spaced_marks(text, number, start)):
            if not any(s < span[1] and span[0] < e for s, e, _ in removals[idx]):
                return idx, span[0], span[1]
    return None
