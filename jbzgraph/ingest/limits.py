"""Limits a letter file must stay within, checked before its bytes are parsed.

A letter is tens to hundreds of kilobytes; a file far larger, a path that loops or points
nowhere, or a DOCX whose parts inflate a thousandfold is refused here, quickly and with one
line, rather than discovered by a parser running out of memory. The size cap is
``JBZGRAPH_MAX_INPUT_MB`` (default 25 MB).
"""

import os
import zipfile
import zlib
from pathlib import Path

from jbzgraph.errors import InputError

DEFAULT_MAX_MB = 25
MAX_UNZIPPED = 200 * 1024 * 1024  # all parts of a DOCX together, inflated
MAX_RATIO = 200  # inflated / compressed, for a part over RATIO_FROM bytes
RATIO_FROM = 1024 * 1024
MAX_MEMBERS = 5000


def max_bytes() -> int:
    """The size cap in bytes, from ``JBZGRAPH_MAX_INPUT_MB``."""
    raw = os.environ.get("JBZGRAPH_MAX_INPUT_MB", "")
    try:
        mb = float(raw) if raw else DEFAULT_MAX_MB
    except ValueError:
        raise InputError(None, f"JBZGRAPH_MAX_INPUT_MB={raw!r} is not a number of megabytes") from None
    return int(mb * 1024 * 1024)


def check_path(path: Path) -> None:
    """A readable regular file, or an InputError saying what the path is instead."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:
            raise InputError(path, "symbolic link loop") from None
        except OSError:
            raise InputError(path, f"dangling symbolic link (to {os.readlink(path)})") from None
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        if exc.errno == 40:  # ELOOP: a loop further up the path
            raise InputError(path, "symbolic link loop") from None
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    if path.is_dir():
        raise InputError(path, "is a directory, expected a letter file")
    if not path.is_file():
        raise InputError(path, "not a regular file")
    cap = max_bytes()
    if st.st_size > cap:
        raise InputError(path, f"file is {st.st_size / 1048576:.0f} MB, over the {cap / 1048576:.0f} MB limit "
                               "(JBZGRAPH_MAX_INPUT_MB)")


def check_zip(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a zip whose declared sizes would inflate beyond what a document needs (a zip
    bomb), before any part is read."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InputError(path, f"zip holds {len(infos)} parts (over {MAX_MEMBERS}): not a document")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(path, f"zip bomb: part {info.filename} inflates {info.file_size // max(info.compress_size, 1)}"
                                   f"-fold to {info.file_size / 1048576:.0f} MB")
    if total > MAX_UNZIPPED:
        raise InputError(path, f"zip bomb: parts inflate to {total / 1048576:.0f} MB (over {MAX_UNZIPPED // 1048576} MB)")


def read_part(path: Path, archive: zipfile.ZipFile, name: str) -> bytes:
    """One part of a checked zip, read no further than its declared size (a lying header
    cannot make it inflate more)."""
    info = archive.getinfo(name)
    try:
        with archive.open(info) as f:
            data = f.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise InputError(path, f"damaged zip part {name} ({' '.join(str(exc).split())[:80]})") from None
    if len(data) > info.file_size:
        raise InputError(path, f"zip part {name} is larger than its header says")
    return data
