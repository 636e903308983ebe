"""From lines to paragraphs: rejoin wrapped lines, find headings, bullets and paragraph ends.

PDF text is wrapped at the page width and loses the blank line between paragraphs at page
breaks; DOCX text has one line per paragraph. The rules below look at the shape of a line
(its length against the letter's usual line width, how it ends, how the next one starts)
rather than at its words, so they carry over to letters not seen yet.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from jbzgraph.layout.clean import MARK_CLOSE, MARK_OPEN, Line

UNAMBIGUOUS_BULLET_RE = re.compile("^([•●▪■□◦○‣⁃➢►▶✓✔·*\uf0b7\uf0a7\uf0d8\uf076\uf0fc\ufffd])\\s*(?=\\S)")
DASH_BULLET_RE = re.compile(r"^(?:[-–—]|o)\s+(?=\S)")
ENUM_RE = re.compile(r"^\(?(?P<v>\d{1,2}|[a-z]|[ivxIVX]{1,4})(?:\.\)?|\))\s+(?=\S)")
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
TERMINAL = (".", "?", "!")
CLOSERS = "\"'’”)]»"
CONJUNCTIONS = {"en", "of", "tot", "en/of", "noch", "t/m", "dan", "alsook"}
# Words no paragraph or heading ends on: a line ending in one runs on into the next,
# whatever that line starts with ("… een herziening van" / "Verordening 539/2001 …").
RUNS_ON = {"van", "de", "het", "een", "voor", "met", "op", "in", "aan", "te", "om", "bij", "naar", "over",
           "door", "tot", "en", "of", "inzake", "betreffende", "ter", "zijn", "haar", "hun", "dat", "die"}
HYPHEN_KEEP_PREFIXES = {"niet", "ex", "oud", "vice", "non", "co", "semi", "pre", "post", "anti", "pro"}
VOWELS = set("aeiouyáéíóúàèëïöüAEIOUY")
SENTENCE_STARTERS = {
    "De", "Het", "Een", "In", "Op", "Om", "Met", "Voor", "Na", "Bij", "Als", "Aan", "Uit", "Van", "Over",
    "Dit", "Deze", "Dat", "Die", "Er", "Ook", "Zoals", "Tevens", "Daarnaast", "Verder", "Voorts",
    "Tijdens", "Hierbij", "Daarbij", "Daarom", "Hierover", "Hiermee", "Wat", "Welke", "Kan", "Hoe",
    "Is", "Zijn", "Zij", "Wij", "Ik", "Zo", "Nu", "Hier", "Tot", "Sinds", "Vanaf", "Inmiddels",
    "Onder", "Door", "Naast", "Ten", "Tegelijkertijd", "Allereerst", "Ondanks", "Omdat", "Indien",
    "Wanneer", "Nadat", "Mede", "Namens", "Conform", "Binnen", "Vanwege", "Gelet", "Uw", "U",
}
MARK_TAIL_RE = re.compile(MARK_OPEN + r"\d+" + MARK_CLOSE + r"$")
GLUED_TAIL_RE = re.compile(r"(?<=[.?!:;])\d{1,2}$")
HYPHEN_END_RE = re.compile(r"(\w+)-$")
FIRST_WORD_RE = re.compile(r"[\w/]+")
MULTI_SPACE_RE = re.compile(r" {2,}")
SENTENCE_INSIDE_RE = re.compile(r"[a-zà-ÿ)]{2}[.?!] +[A-Z]")
MAX_HEADING_LINES = 4
MAX_HEADING_CHARS = 200
MAX_HEADING_WORDS = 25
SHORT_FRACTION = 0.75
UNWRAPPED_WIDTH = 160


@dataclass
class Para:
    """A paragraph in the making: its kind and its source lines (joined later)."""

    kind: str  # body | heading | bullet | header | signature | label | question | answer
    lines: list[str]
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Shape:
    """How this letter's lines are laid out: wrapped at ``width`` (PDF) or one line per paragraph."""

    width: float
    wrapped: bool


def shape_of(lines: list[Line]) -> Shape:
    """The usual line width (90th percentile) and whether the text is wrapped at all."""
    lengths = sorted(len(line.text) for line in lines if line.role == "text")
    if not lengths:
        return Shape(80.0, True)
    p90 = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    return Shape(float(max(p90, 40)), p90 <= UNWRAPPED_WIDTH)


@lru_cache(maxsize=4096)
def _strip_closers(text: str) -> str:
    """The line without closing quotes/brackets and without a footnote mark glued after its punctuation."""
    text = MARK_TAIL_RE.sub("", text.rstrip())
    return GLUED_TAIL_RE.sub("", text).rstrip(CLOSERS + " ")


def ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence ("." "?" "!", possibly before a closing quote or bracket)."""
    return _strip_closers(text).endswith(TERMINAL)


def ends_clause(text: str) -> bool:
    """Sentence end or a colon/semicolon: a list item or a new line may follow."""
    return _strip_closers(text).endswith((*TERMINAL, ":", ";"))


def starts_upper(text: str) -> bool:
    """Starts like a new sentence or block: capital, digit, bullet, or a quote before a capital."""
    if not text:
        return False
    if text[0].isupper() or text[0].isdigit() or UNAMBIGUOUS_BULLET_RE.match(text):
        return True
    dash = DASH_BULLET_RE.match(text)
    if dash and text[dash.end():dash.end() + 1].isupper():
        return True
    if ENUM_RE.match(text):
        return True
    return text[0] in "‘“\"'(" and len(text) > 1 and text[1].isupper()


def starts_lower(text: str) -> bool:
    return bool(text) and text[0].islower() and not DASH_BULLET_RE.match(text)


def _hyphen_kept(first: str, right: str) -> bool:
    """Whether a hyphen at a line break belongs to the word ("EU-lidstaten") or only splits it."""
    return (
        not right[0].isalpha()
        or right[0].isupper()
        or any(c.isupper() for c in first)
        or len(first) == 1
        or first[-1].isdigit()
        or first.lower() in HYPHEN_KEEP_PREFIXES
        or (first[-1] in VOWELS and right[0] in VOWELS)
    )


def _joint(left: str, right: str) -> tuple[str, str]:
    """How two wrapped lines meet: the left line (hyphen possibly removed) and the separator."""
    m = HYPHEN_END_RE.search(left[-80:])
    if not m or m.group(1).isdigit() and not right[:1].isdigit():
        return left, " "
    word = FIRST_WORD_RE.match(right)
    if word and word.group(0).lower() in CONJUNCTIONS:
        return left, " "
    return (left, "") if _hyphen_kept(m.group(1), right) else (left[:-1], "")


def join_lines(lines: list[str]) -> str:
    """One line of text from wrapped lines, single-spaced."""
    parts: list[str] = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if parts:
            parts[-1], separator = _joint(parts[-1], line)
            parts.append(separator)
        parts.append(line)
    return MULTI_SPACE_RE.sub(" ", "".join(parts))


def _enum_predecessor(value: str) -> str | None:
    """The item before ``value`` in its numbering (2→1, c→b, iii→ii), None for a first item."""
    if value.isdigit():
        return str(int(value) - 1) if int(value) > 1 else None
    low = value.lower()
    if low in ROMAN and low != "i" and (len(low) > 1 or low in "vx"):
        return ROMAN[ROMAN.index(low) - 1]
    if len(low) == 1 and low != "a":
        return chr(ord(low) - 1)
    return None


def bullet_of(line: str, prev: str | None, context: list[str], in_list: bool = False) -> re.Match | None:
    """The bullet or enumerator opening ``line``, when it opens a list item there."""
    m = UNAMBIGUOUS_BULLET_RE.match(line)
    if m:
        return m
    if in_list:
        return ENUM_RE.match(line)
    if prev is not None and not ends_clause(prev):
        return None
    m = DASH_BULLET_RE.match(line) or ENUM_RE.match(line)
    if m and "v" in m.groupdict() and m.group("v"):
        before = _enum_predecessor(m.group("v"))
        if before and any(_inline_item_re(before).search(c) for c in context):
            return None
    return m


def _inline_item_re(value: str) -> re.Pattern:
    """An enumerator ``value`` standing inside a line ("... voorstel: i.) het ..."), not at its start."""
    return re.compile(rf"\S\s+\(?{re.escape(value)}(?:\.\)?|\))\s")


def _enum_successor(value: str) -> str | None:
    """The item after ``value`` in its numbering (1→2, b→c, ii→iii)."""
    if value.isdigit():
        return str(int(value) + 1)
    low = value.lower()
    if low in ROMAN[:-1] and (len(low) > 1 or low in "iv"):
        return ROMAN[ROMAN.index(low) + 1]
    if len(low) == 1 and low < "z":
        return chr(ord(low) + 1)
    return None


def list_items(block: list[str]) -> set[int]:
    """Lines opening an enumerated item whose neighbour in the numbering opens another line of the block."""
    values: dict[int, str] = {}
    for i, line in enumerate(block):
        m = ENUM_RE.match(line)
        if m:
            values[i] = m.group("v").lower()
    present = set(values.values())
    return {
        i for i, v in values.items()
        if (_enum_successor(v) or "") in present or (_enum_predecessor(v) or "") in present
    }


def _starts_heading(text: str) -> bool:
    """A heading opens with a capital, an enumerator or a quoted capital."""
    if ENUM_RE.match(text):
        return True
    if not text or text[0].isdigit():
        return False
    return starts_upper(text) and not UNAMBIGUOUS_BULLET_RE.match(text) and not DASH_BULLET_RE.match(text)


def heading_length(block: list[str], i: int, following: str | None, shape: Shape, items: set[int]) -> int:
    """How many lines from ``block[i]`` form a heading (0: none).

    A heading is 1-3 lines without a sentence end, followed by a line that starts a
    sentence, a list or a block; when the next line is in the same block the heading's
    last line must be short for this letter, or the next line must open with a word that
    only starts sentences ("De", "Het", "Op", ...), so a wrapped sentence is never cut.
    ``items`` are the block's :func:`list_items`, which its caller computes once per block.
    """
    if not _starts_heading(block[i]) or i in items:
        return 0
    for k in range(1, MAX_HEADING_LINES + 1):
        if i + k > len(block):
            return 0
        last = block[i + k - 1]
        if k > 1 and _strip_closers(block[i + k - 2]).endswith((*TERMINAL, ";")):
            return 0
        text = join_lines(block[i:i + k])
        words = len(text.split())
        if len(text) > MAX_HEADING_CHARS or words > MAX_HEADING_WORDS or SENTENCE_INSIDE_RE.search(text):
            return 0
        stripped = last.rstrip()
        if _strip_closers(last).endswith((".", ";", ",", "?", "!")) or runs_on(last):
            continue
        nxt = block[i + k] if i + k < len(block) else following
        if nxt is None or not starts_upper(nxt):
            continue
        if stripped.endswith(":") and (k > 1 or words > 6 or UNAMBIGUOUS_BULLET_RE.match(nxt) or DASH_BULLET_RE.match(nxt)):
            continue
        if not shape.wrapped:
            return k if len(text) <= 150 else 0
        if i + k < len(block):
            first_word = nxt.split()[0] if nxt.split() else ""
            if len(stripped) < SHORT_FRACTION * shape.width or first_word in SENTENCE_STARTERS:
                return k
            continue
        return k
    return 0


def runs_on(line: str) -> bool:
    """Whether a line ends on a word no paragraph or heading ends on."""
    words = line.split()
    return bool(words) and words[-1] in RUNS_ON


def _breaks(prev: str, nxt: str, shape: Shape) -> bool:
    """Whether a paragraph ends between two lines of the same block."""
    if runs_on(prev):
        return False
    if not shape.wrapped:
        return ends_clause(prev) or not starts_lower(nxt)
    return ends_sentence(prev) and len(prev) < SHORT_FRACTION * shape.width and starts_upper(nxt)


def split_block(block: list[str], following: str | None, shape: Shape) -> list[Para]:
    """Cut one block (lines between blank lines) into headings, list items and paragraphs."""
    paras: list[Para] = []
    items = list_items(block)
    i = 0
    while i < len(block):
        h = heading_length(block, i, following, shape, items)
        if h:
            paras.append(Para("heading", block[i:i + h]))
            i += h
            continue
        prev = block[i - 1] if i else None
        context = paras[-1].lines if paras else []
        bullet = bullet_of(block[i], prev, context, i in items)
        kind = "bullet" if bullet else "body"
        first = block[i][bullet.end():] if bullet else block[i]
        para = Para(kind, [first])
        j = i
        while j + 1 < len(block):
            nxt = block[j + 1]
            if UNAMBIGUOUS_BULLET_RE.match(nxt) or j + 1 in items:
                break
            if bullet_of(nxt, block[j], para.lines) and ends_clause(block[j]):
                break
            if ends_clause(block[j]) and heading_length(block, j + 1, following, shape, items):
                break
            if _breaks(block[j], nxt, shape):
                break
            para.lines.append(nxt)
            j += 1
        paras.append(para)
        i = j + 1
    return paras


def build_blocks(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """Group text lines into blocks, bridging page breaks and removed furniture.

    A gap of blank lines ends a block unless the text clearly runs on (no sentence end
    before, a lower-case word after). A gap where furniture or footnotes were removed
    is bridged unless a sentence ended right before it and a new one starts after.
    Lines with a fixed role (header, signature, label) are blocks of their own.
    """
    blocks: list[tuple[str, list[Line]]] = []
    current: list[Line] = []
    gap = "none"
    for line in lines:
        if line.role == "blank":
            gap = "soft" if gap == "soft" else "hard"
            continue
        if line.role in ("drop", "note"):
            gap = "soft"
            continue
        if line.role != "text":
            if current:
                blocks.append(("text", current))
            blocks.append((line.role, [line]))
            current, gap = [], "none"
            continue
        if current:
            prev = current[-1].text
            if gap == "none":
                joined = True
            elif gap == "soft":
                joined = not (ends_sentence(prev) and starts_upper(line.text))
            else:
                joined = prev.endswith(",") or not ends_clause(prev) and starts_lower(line.text)
            if not joined:
                blocks.append(("text", current))
                current = []
        current.append(line)
        gap = "none"
    if current:
        blocks.append(("text", current))
    return blocks


def paragraphs(lines: list[Line], shape: Shape) -> list[Para]:
    """All paragraphs of the letter body, in order (footnote bodies excluded)."""
    blocks = build_blocks(lines)
    paras: list[Para] = []
    for index, (role, block) in enumerate(blocks):
        if role != "text":
            line = block[0]
            kind = {"header": "header", "label": "label"}.get(role, "signature")
            text = line.extra.get("header_text", line.text)
            paras.append(Para(kind, [text], dict(line.extra, role_kind=role)))
            continue
        following = None
        if index + 1 < len(blocks):
            nxt_role, nxt_block = blocks[index + 1]
            following = nxt_block[0].text if nxt_role == "text" else None
        paras.extend(split_block([line.text for line in block], following, shape))
    return paras
