"""Step 2: a letter's text without page layout, with its structure as character offsets.

``parse_layout`` runs small passes over the lines: normalise characters and take out DOCX
footnotes (clean), drop page furniture and record header values (furniture, header), find
footnote bodies (footnotes), signature blocks (signatures) and answer labels
(consultation), then build paragraphs (lines), strip footnote marks and assemble one text
with paragraphs separated by a blank line and footnote bodies at the end.
"""

from jbzgraph.ingest.read import Letter
from jbzgraph.layout.clean import normalise, split_lines
from jbzgraph.layout.consultation import mark_labels, mark_questions
from jbzgraph.layout.footnotes import NoteBody, find_note_lines, strip_marks
from jbzgraph.layout.furniture import mark_furniture
from jbzgraph.layout.header import read_header
from jbzgraph.layout.lines import Para, join_lines, paragraphs, shape_of
from jbzgraph.layout.model import Document, Footnote, Paragraph, Section, Signature
from jbzgraph.layout.signatures import mark_signatures, name_span

__all__ = ["parse_layout", "Document", "Footnote", "Paragraph", "Section", "Signature"]

SEPARATOR = "\n\n"


def _note_paras(note_lines: list[NoteBody], inline: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Footnote bodies as (number, text), PDF and DOCX ones together, first body per number."""
    seen: set[int] = set()
    notes: list[tuple[int, str]] = []
    for number, text in [(n.number, join_lines(list(n.lines))) for n in note_lines] + inline:
        if number not in seen and text.strip():
            seen.add(number)
            notes.append((number, text.strip()))
    return notes


def _texts(paras: list[Para]) -> list[str]:
    """Each paragraph's lines joined into one line."""
    return [join_lines(p.lines) for p in paras]


def _signatures(paras: list[Para], texts: list[str], starts: list[int]) -> list[Signature]:
    """Name/office pairs from the signature paragraphs."""
    found: list[Signature] = []
    role = ""
    for para, text, start in zip(paras, texts, starts):
        if para.kind != "signature":
            role = ""
            continue
        if para.extra.get("role_kind") == "sig_role":
            role = para.extra.get("role", "") or role  # ("mede namens …" keeps the office before it)
        elif para.extra.get("role_kind") == "sig_name" and (role or para.extra.get("role")):
            role = role or para.extra["role"]  # office and name on one line
            cut = para.extra.get("name_from", 0)
            span = name_span(text[cut:para.extra.get("name_to", len(text))])
            if span:
                found.append(Signature(text[cut + span[0]:cut + span[1]], role,
                                       start + cut + span[0], start + cut + span[1]))
            role = ""
    return found


def _sections(
    paras: list[Para], texts: list[str], spans: list[tuple[int, int]]
) -> tuple[list[Section], list[int]]:
    """Sections from the heading paragraphs, and each paragraph's section index."""
    sections: list[list] = []
    index: list[int] = []
    for para, text, (start, end) in zip(paras, texts, spans):
        if para.kind == "heading":
            sections.append([text, start, end, start, end])
        elif not sections:
            sections.append([None, -1, -1, start, end])
        index.append(len(sections) - 1)
        sections[-1][4] = end
    return [Section(*s) for s in sections], index


def parse_layout(letter: Letter) -> Document:
    """Turn a letter's raw text into a :class:`Document` (never raises on odd text)."""
    text, inline_notes = normalise(letter.raw or "")
    lines = split_lines(text)
    header: dict[str, str] = {}
    mark_furniture(lines, header)
    read_header(lines, header, letter.source or "")
    note_lines = find_note_lines(lines)
    mark_signatures(lines)
    mark_labels(lines)
    paras = paragraphs(lines, shape_of(lines))
    mark_questions(paras)
    paras = [p for p in paras if p.kind != "label"]
    notes = _note_paras(note_lines, inline_notes)
    texts, anchors = strip_marks(_texts(paras), [n for n, _ in notes])
    return _assemble(letter, paras, texts, notes, anchors, header)


def _assemble(
    letter: Letter,
    paras: list[Para],
    texts: list[str],
    notes: list[tuple[int, str]],
    anchors: dict[int, tuple[int, int]],
    header: dict[str, str],
) -> Document:
    """Lay paragraphs and footnote bodies out in one string and compute every offset."""
    pieces: list[str] = []
    pos = 0
    kept: list[Para] = []
    kept_texts: list[str] = []
    spans: list[tuple[int, int]] = []
    para_start: dict[int, tuple[int, int, int]] = {}
    for idx, (para, raw_text) in enumerate(zip(paras, texts)):
        lead = len(raw_text) - len(raw_text.lstrip())
        body = raw_text.strip()
        if not body:
            continue
        if pieces:
            pos += len(SEPARATOR)
        para_start[idx] = (pos, lead, len(body))
        pieces.append(body)
        kept.append(para)
        kept_texts.append(body)
        spans.append((pos, pos + len(body)))
        pos += len(body)
    sections, section_of = _sections(kept, kept_texts, spans)
    out_paras = [
        Paragraph(s, e, section_of[i], "body" if p.kind == "heading" else p.kind)
        for i, (p, (s, e)) in enumerate(zip(kept, spans))
    ]
    signatures = _signatures(kept, kept_texts, [s for s, _ in spans])
    footnotes: list[Footnote] = []
    if notes:
        note_section = len(sections)
        first_note = pos + (len(SEPARATOR) if pieces else 0)
        for number, body in notes:
            if pieces:
                pos += len(SEPARATOR)
            pieces.append(body)
            anchor = -1
            if number in anchors and anchors[number][0] in para_start:
                start, lead, length = para_start[anchors[number][0]]
                anchor = start + min(max(anchors[number][1] - lead, 0), length)
            footnotes.append(Footnote(number, pos, pos + len(body), anchor))
            out_paras.append(Paragraph(pos, pos + len(body), note_section, "footnote"))
            pos += len(body)
        sections.append(Section(None, -1, -1, first_note, pos))
    text = SEPARATOR.join(pieces).replace("\r", " ").replace("[footnoteRef", "(footnoteRef")
    return Document(
        letter=letter,
        text=text,
        sections=sections,
        paragraphs=out_paras,
        footnotes=footnotes,
        signatures=signatures,
        header=header,
    )
