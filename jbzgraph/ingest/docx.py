"""DOCX letters: the body's paragraphs and tables in order, and the footnotes Word keeps
in their own part (``word/footnotes.xml``), where letters put their citations.

The package is checked before anything is inflated (:func:`jbzgraph.ingest.limits.check_zip`).
python-docx opens it and gives the core properties; the paragraphs are read from its XML,
because python-docx's ``Paragraph.text`` drops footnote references. A reference becomes
``[footnoteRef: N]`` and the footnote's text ``[N:  text]`` after its paragraph — the
inline form the layout step takes footnotes out of (:mod:`jbzgraph.layout.clean`). N is
the number Word shows: references are numbered in the order they occur.
"""

import io
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from jbzgraph.errors import InputError
from jbzgraph.ingest import limits

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENT = "word/document.xml"
FOOTNOTES = "word/footnotes.xml"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _runs_text(element, on_reference=None) -> str:
    """The text of a paragraph: w:t, tabs, breaks; a footnote reference through ``on_reference``."""
    parts: list[str] = []
    for node in element.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}footnoteReference", f"{W}noBreakHyphen"):
        tag = node.tag
        if tag == f"{W}t":
            parts.append(node.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif on_reference is not None:
            parts.append(on_reference(node.get(f"{W}id", "")))
    return "".join(parts)


def _footnotes(path: Path, archive: zipfile.ZipFile) -> dict[str, str]:
    """Footnote text by its w:id (separators and continuation notices left out)."""
    if FOOTNOTES not in archive.namelist():
        return {}
    root = _parse(path, limits.read_part(path, archive, FOOTNOTES), FOOTNOTES)
    notes = {}
    for note in root.iter(f"{W}footnote"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join(_runs_text(p) for p in note.iter(f"{W}p"))
        notes[note.get(f"{W}id", "")] = " ".join(text.split())
    return notes


def _parse(path: Path, data: bytes, part: str):
    try:
        return etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(path, f"DOCX part {part} is not well-formed XML ({exc.msg})") from None


def _blocks(body):
    """Paragraphs of the body in order, those inside table cells included (one per cell paragraph)."""
    for child in body:
        if child.tag == f"{W}p":
            yield child
        elif child.tag == f"{W}tbl":
            yield from child.iter(f"{W}p")
        elif child.tag == f"{W}sdt":
            yield from _blocks(child.find(f"{W}sdtContent") if child.find(f"{W}sdtContent") is not None else [])


def _short(exc: Exception) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__


def _core(document) -> dict:
    """Title and subject from the core properties (docProps/core.xml)."""
    props = document.core_properties
    title = " ".join((props.title or "").split())
    return {"title": title} if len(title) > 3 else {}


def read_docx(path: Path, data: bytes) -> tuple[str, dict]:
    """The text of a DOCX (paragraphs separated by blank lines, footnotes inline) and its metadata."""
    import docx as python_docx

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(path, "not a valid DOCX (not a zip archive, or a damaged one)") from None
    with archive:
        limits.check_zip(path, archive)
        if DOCUMENT not in archive.namelist():
            raise InputError(path, f"not a Word document (the zip has no {DOCUMENT})")
        for info in archive.infolist():  # every part inflates and matches its checksum
            try:
                limits.read_part(path, archive, info.filename)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
                raise InputError(path, f"damaged DOCX: part {info.filename} cannot be read ({_short(exc)})") from None
        try:
            document = python_docx.Document(io.BytesIO(data))
        except Exception as exc:  # python-docx raises many kinds on a malformed package; all mean the same here
            raise InputError(path, f"damaged DOCX ({_short(exc)})") from None
        notes = _footnotes(path, archive)
    numbers: dict[str, int] = {}
    paragraphs: list[str] = []
    for p in _blocks(document.element.body):
        pending: list[int] = []

        def reference(note_id: str) -> str:
            numbers.setdefault(note_id, len(numbers) + 1)
            pending.append(numbers[note_id])
            return f"[footnoteRef: {numbers[note_id]}]"

        text = _runs_text(p, reference)
        for n in pending:
            body = notes.get(next(k for k, v in numbers.items() if v == n), "")
            if body:
                text += f" [{n}:  {body.replace('[', '(').replace(']', ')')}]"
        paragraphs.append(text)
    return "\n\n".join(t for t in paragraphs if t.strip()) + "\n", _core(document)
