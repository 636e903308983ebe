"""Read letter files into text, refusing what is not a letter with a one-line reason.

One entry point, :func:`read_letter`, for every format: the file is checked against the
limits (:mod:`jbzgraph.ingest.limits`), its format is told from its first bytes (a file
named .txt that is a PDF is read as the PDF it is), and one reader per format turns it
into text in the shape of the bundled .txt letters, which the layout step reads: plain
text (:mod:`~jbzgraph.ingest.text`), PDF (:mod:`~jbzgraph.ingest.pdf`), DOCX
(:mod:`~jbzgraph.ingest.docx`), officielebekendmakingen XML (:mod:`~jbzgraph.ingest.xml`)
and HTML pages of officielebekendmakingen and tweedekamer.nl (:mod:`~jbzgraph.ingest.html`).
What the markup says about the letter (dossier, number, date, signatories) comes along as
``Letter.metadata``, for the pipeline to prefer over what is guessed from the text.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from jbzgraph.errors import InputError
from jbzgraph.ingest import docx, html, limits, pdf, text, xml

LETTER_SUFFIXES = (".txt", ".text", ".md", ".pdf", ".docx", ".xml", ".html", ".htm")
MIN_CHARS = 200
# Unicode category Cc (C0 and C1 controls) except tab, newline and form feed.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f]")
HTML_START_RE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
XML_START_RE = re.compile(rb"^\s*<(?:\?xml|[A-Za-z_])")
# Metadata keys a reader may fill, all optional: dossier ("32317"), number ("964"),
# kamerstuk ("32317-964"), date (ISO), kind ("Brief regering"), title, tk_number
# ("2025D45354"), signatories (tuple of (name, role)).
METADATA_KEYS = ("dossier", "number", "kamerstuk", "date", "kind", "title", "tk_number", "signatories")


@dataclass(frozen=True)
class Letter:
    path: Path
    source: str  # the file's base name: the contract's ``source`` column
    raw: str  # decoded, NFC-normalised text, line ends as "\n"
    sha256: str  # of the file's bytes
    encoding: str  # of a text file; for other formats, the format's own ("pdf", "docx", ...)
    metadata: dict = field(default_factory=dict)  # what the format says about the letter (METADATA_KEYS)
    warnings: tuple[str, ...] = ()  # what the reader could not read (a page without text)
    format: str = "txt"  # txt | pdf | docx | xml | html


def sniff(data: bytes) -> str:
    """The format of a file from its first bytes, whatever its name says."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf")
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "docx"
    if HTML_START_RE.match(head):
        return "html"
    if XML_START_RE.match(head):
        return "html" if re.search(rb"<html\b", data[:4096], re.IGNORECASE) else "xml"
    return "txt"


def _read(path: Path, data: bytes, kind: str) -> tuple[str, str, dict, list[str]]:
    """(text, encoding, metadata, warnings) from the reader for ``kind``."""
    if kind == "pdf":
        raw, meta, warnings = pdf.read_pdf(path, data)
        return raw, "pdf", meta, warnings
    if kind == "docx":
        raw, meta = docx.read_docx(path, data)
        return raw, "docx", meta, []
    if kind == "xml":
        raw, meta = xml.read_kamerstuk_xml(path, data)
        return raw, "xml", meta, []
    if kind == "html":
        raw, meta = html.read_html(path, data)
        return raw, "html", meta, []
    if path.suffix.lower() in (".pdf", ".docx"):
        raise InputError(path, f"not a {path.suffix[1:].upper()} file (its first bytes are no {path.suffix[1:].upper()} signature)")
    raw, encoding = text.decode_text(path, data)
    return raw, encoding, {}, []


def read_letter(path: Path | str) -> Letter:
    """Read one letter file; raise :class:`InputError` naming the file and the problem."""
    path = Path(path)
    limits.check_path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    if not data.strip():
        raise InputError(path, "file is empty")
    kind = sniff(data)
    raw, encoding, metadata, warnings = _read(path, data, kind)
    raw = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    if sum(map(str.isalpha, raw)) < MIN_CHARS:
        raise InputError(path, f"too little text for a letter (< {MIN_CHARS} letters)")
    if len(CONTROL_RE.findall(raw)) > len(raw) // 100:
        raise InputError(path, "binary content (control characters), expected a plain-text letter")
    return Letter(
        path=path,
        source=path.name,
        raw=raw,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        metadata={k: v for k, v in metadata.items() if k in METADATA_KEYS and v},
        warnings=tuple(warnings),
        format=kind,
    )


def find_letters(paths: list[Path | str]) -> list[Path]:
    """Expand files and folders into letter files; a folder with none is an error."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            inside = sorted(f for f in p.iterdir() if f.suffix.lower() in LETTER_SUFFIXES
                            and (f.is_file() or f.is_symlink()))
            if not inside:
                raise InputError(p, f"folder holds no letter files ({', '.join(LETTER_SUFFIXES)})")
            found.extend(inside)
        else:
            found.append(p)
    return found
