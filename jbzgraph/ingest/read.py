"""Read letter files into text, refusing what is not a letter with a one-line reason.

Plain text is what the bundled letters are (extracted from PDF/DOCX upstream); bytes are
decoded as UTF-8 (with or without BOM), then cp1252, the two encodings Dutch government
text exports come in. Anything with NUL bytes is binary and refused.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from jbzgraph.errors import InputError

LETTER_SUFFIXES = (".txt", ".text", ".md")
MIN_CHARS = 200
# Unicode category Cc (C0 and C1 controls) except tab, newline and form feed.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Letter:
    path: Path
    source: str  # the file's base name: the contract's ``source`` column
    raw: str  # decoded, NFC-normalised text, line ends as "\n"
    sha256: str  # of the file's bytes
    encoding: str


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if not data.strip():
        raise InputError(path, "file is empty")
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary file (NUL bytes), expected a plain-text letter")
    if data.startswith(b"%PDF") or data.startswith(b"PK\x03\x04"):
        raise InputError(path, "PDF/DOCX container; extract its text to a .txt file first")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(
            path, f"undecodable bytes at offset {utf8_error.start} (neither UTF-8 nor cp1252)"
        ) from None
    return text, "cp1252"


def read_letter(path: Path | str) -> Letter:
    """Read one letter file; raise :class:`InputError` naming the file and the problem."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a directory, expected a letter file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    text, encoding = _decode(path, data)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if sum(map(str.isalpha, text)) < MIN_CHARS:
        raise InputError(path, f"too little text for a letter (< {MIN_CHARS} letters)")
    if len(CONTROL_RE.findall(text)) > len(text) // 100:
        raise InputError(path, "binary content (control characters), expected a plain-text letter")
    return Letter(
        path=path,
        source=path.name,
        raw=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
    )


def find_letters(paths: list[Path | str]) -> list[Path]:
    """Expand files and folders into letter files; a folder with none is an error."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            inside = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in LETTER_SUFFIXES)
            if not inside:
                raise InputError(p, f"folder holds no letter files ({', '.join(LETTER_SUFFIXES)})")
            found.extend(inside)
        else:
            found.append(p)
    return found
