"""First pass over the raw text: make characters predictable and cut it into lines.

PDF and DOCX exports bring invisible characters (soft hyphens, zero-width spaces, NBSP),
odd line separators (form feeds at page ends), Word bookmarks and inline footnotes. They
are normalised here once so every later rule can assume plain spaces and "\\n" line ends.
DOCX footnote marks become sentinel tokens that survive line joining; their bodies are
taken out of the running text.
"""

import re
from dataclasses import dataclass, field

MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
MARK_RE = re.compile(MARK_OPEN + r"(\d+)" + MARK_CLOSE)

LINE_BREAKS_RE = re.compile(r"\r\n|[\r\f\v\x1c\x1d\x1e\x85\u2028\u2029]")
INVISIBLE_RE = re.compile(r"[\u00ad\u200b-\u200f\u2060\ufeff\ue000\ue001]")
CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
SPACES_RE = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
BOOKMARK_RE = re.compile(r"\[bookmark:[^\]\n]*\]")
FOOTNOTE_REF_RE = re.compile(r"\[footnoteRef:\s*(\d{1,4})\s*\]")
LEFTOVER_REF_RE = re.compile(r"\[footnoteRef:?[^\]\n]*\]?")
INLINE_NOTE_START_RE = re.compile(r"\[(\d{1,4}):\s")
SUPERSCRIPT_RE = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]")
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


@dataclass
class Line:
    """One source line, stripped, with what the later passes decided about it."""

    text: str
    lead: bool = False  # began with whitespace: in PDF text the first line of a new page
    role: str = "text"  # text | blank | drop | note | header | sig_role | sig_name | label
    note: int = 0  # footnote number when this line starts a footnote body
    extra: dict = field(default_factory=dict)


def _take_inline_notes(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Cut DOCX-style "[4:  body]" footnote bodies out of the text, brackets balanced."""
    notes: list[tuple[int, str]] = []
    out: list[str] = []
    pos = 0
    while True:
        m = INLINE_NOTE_START_RE.search(text, pos)
        if not m:
            break
        depth, i = 1, m.end()
        while i < len(text) and depth:
            if text[i] == "[":
                depth += 1
            elif text[i] == "]":
                depth -= 1
            i += 1
        if depth:
            break
        out.append(text[pos:m.start()])
        body = SPACES_RE.sub(" ", text[m.end():i - 1].replace("\n", " ")).strip()
        notes.append((int(m.group(1)), body))
        pos = i
    out.append(text[pos:])
    return "".join(out), notes


def normalise(raw: str) -> tuple[str, list[tuple[int, str]]]:
    """Raw letter text to a canonical form, plus the DOCX footnote bodies taken out of it."""
    text = LINE_BREAKS_RE.sub("\n", raw)
    text = INVISIBLE_RE.sub("", text)
    if SUPERSCRIPT_RE.search(text):
        text = text.translate(SUPERSCRIPT_DIGITS)
    text = CONTROL_RE.sub("", text)
    text = BOOKMARK_RE.sub("", text)
    text = FOOTNOTE_REF_RE.sub(lambda m: f"{MARK_OPEN}{int(m.group(1))}{MARK_CLOSE}", text)
    text, notes = _take_inline_notes(text)
    while "[footnoteRef" in text:
        text = LEFTOVER_REF_RE.sub("", text).replace("[footnoteRef", "")
    return text, notes


def split_lines(text: str) -> list[Line]:
    """Lines with whitespace collapsed; whitespace-only lines become blanks."""
    lines = []
    for raw_line in text.split("\n"):
        stripped = SPACES_RE.sub(" ", raw_line).strip()
        if not stripped:
            lines.append(Line("", role="blank"))
        else:
            lead = bool(raw_line) and raw_line[0] in " \t\u00a0"
            lines.append(Line(stripped, lead=lead))
    return lines
