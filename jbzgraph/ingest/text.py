"""Plain-text letters: bytes decoded as UTF-8 (with or without BOM), then cp1252, the two
encodings Dutch government text exports come in. Anything with NUL bytes is binary."""

from pathlib import Path

from jbzgraph.errors import InputError


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """The text and the encoding it was in."""
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary file (NUL bytes), expected a plain-text letter")
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
