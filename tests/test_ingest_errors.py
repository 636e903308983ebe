"""Bad input files of every format: one line naming the file and the problem, the rest of
the batch built, the store untouched."""

import io
import os
import time
import zipfile

import pyoxigraph as ox
import pytest

from jbzgraph.errors import InputError
from jbzgraph.ingest import read_letter
from jbzgraph.pipeline import build
from jbzgraph.store import open_store
from tests import docfixtures
from tests.helpers import LETTERS
from tests.test_cli import jbz, rows

GOOD = LETTERS / "2026_geannoteerde-agenda-maart.txt"
TEXT = GOOD.read_text(encoding="utf-8")


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def _write(name: str, data: bytes):
    def make(d):
        (d / name).write_bytes(data)
        return d / name
    return make


def _huge(d):
    path = d / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(100 * 1024 * 1024)  # 100 MB, sparse: made in no time
    return path


def _loop(d):
    os.symlink(d / "loop.txt", d / "loop.txt")
    return d / "loop.txt"


def _dangling(d):
    os.symlink(d / "gone.pdf", d / "dangling.pdf")
    return d / "dangling.pdf"


PDF = docfixtures.letter_pdf(TEXT)
BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE kamerstuk [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
                  b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><kamerstuk><stuk><al>&c;</al></stuk></kamerstuk>')
NOT_A_LETTER = (b"<!DOCTYPE html><html><head><title>Zoeken | Tweede Kamer</title></head><body><nav><a href='/'>Home</a></nav>"
                b"<main><h1>Zoekresultaten</h1>" + b"<p>Er zijn geen resultaten gevonden voor uw zoekopdracht naar stukken.</p>" * 8
                + b"</main></body></html>")

CASES = [
    (_write("encrypted.pdf", docfixtures.letter_pdf(TEXT, encrypt="geheim")), "encrypted PDF"),
    (_write("truncated.pdf", PDF[: len(PDF) // 2]), "truncated or corrupt PDF"),
    (_write("corrupt.pdf", b"%PDF-1.7\n" + b"\x8f garbage \x00" * 300 + b"\n%%EOF\n"), "corrupt PDF"),
    (_write("scan.pdf", docfixtures.letter_pdf("", scanned_page=True)), "no text layer on any of its 1 pages"),
    (_write("notzip.docx", b"Dit is geen Word-bestand maar gewone tekst. " * 20), "not a DOCX file"),
    (_write("damaged.docx", b"PK\x03\x04" + b"\x00\x01garbage" * 200), "not a valid DOCX"),
    (_write("bomb.docx", _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (60 * 1024 * 1024)})),
     "zip bomb"),
    (_write("nodocument.docx", _zip({"[Content_Types].xml": b"<Types/>", "docProps/core.xml": b"<x/>"})),
     "no word/document.xml"),
    (_huge, "over the 25 MB limit"),
    (_loop, "symbolic link loop"),
    (_dangling, "dangling symbolic link"),
    (_write("search.html", NOT_A_LETTER), "HTML page is not a letter"),
    (_write("laughs.xml", BILLION_LAUGHS), "declares entities"),
    (_write("feed.xml", b"<?xml version='1.0'?><rss><channel><title>Nieuws</title></channel></rss>"),
     "not an officielebekendmakingen Kamerstuk"),
]
IDS = [problem.split()[0] + "-" + str(i) for i, (_, problem) in enumerate(CASES)]


@pytest.mark.parametrize(("make", "problem"), CASES, ids=IDS)
def test_ingest_bad_file_is_one_line_naming_file_and_problem(tmp_path, make, problem):
    path = make(tmp_path)
    start = time.perf_counter()
    with pytest.raises(InputError) as caught:
        read_letter(path)
    message = str(caught.value)
    assert str(path) in message and problem in message and "\n" not in message, message
    assert time.perf_counter() - start < 2.0  # refused before any expensive parsing


def test_ingest_size_cap_is_configurable(tmp_path, monkeypatch):
    path = tmp_path / "letter.txt"
    path.write_text(TEXT, encoding="utf-8")
    monkeypatch.setenv("JBZGRAPH_MAX_INPUT_MB", "0.01")
    with pytest.raises(InputError, match="over the 0 MB limit"):
        read_letter(path)
    monkeypatch.setenv("JBZGRAPH_MAX_INPUT_MB", "1")
    assert read_letter(path).format == "txt"


def test_ingest_bad_files_leave_the_store_as_it_was(tmp_path):
    store = open_store(tmp_path / "s")
    assert build([GOOD], store).failed == []
    before = store.dump(ox.RdfFormat.N_QUADS)
    bad = tmp_path / "bad"
    bad.mkdir()
    for make, problem in CASES:
        report = build([make(bad)], store)
        assert len(report.failed) == 1 and problem in str(report.failed[0]) and not report.built
    assert store.dump(ox.RdfFormat.N_QUADS) == before


def test_ingest_bad_files_among_good_ones_from_the_command_line(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "good.pdf").write_bytes(PDF)
    bad = [make(folder) for make, _ in CASES]
    out = jbz("build", str(folder), "--store", str(tmp_path / "s"))
    assert out.returncode == 1, out.stderr
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == len(CASES)
    for path, (_, problem) in zip(bad, CASES):
        assert sum(path.name in line and problem in line for line in errors) == 1, (path.name, errors)
    assert [r["source"] for r in rows(tmp_path / "s", "letters")] == ["good.pdf"]
