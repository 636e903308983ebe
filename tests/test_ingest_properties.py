"""Properties of the readers: whatever the bytes, a Letter or an InputError; text written
into a DOCX or a Kamerstuk XML comes back as written."""

import io
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jbzgraph.errors import InputError
from jbzgraph.ingest import read_letter
from jbzgraph.ingest.docx import read_docx
from jbzgraph.ingest.xml import read_kamerstuk_xml
from tests import docfixtures

SIGNATURES = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<?xml version='1.0'?>", b"<!DOCTYPE html><html>", b"\xef\xbb\xbf"]
SUFFIXES = [".txt", ".pdf", ".docx", ".xml", ".html"]
# Letters, digits, punctuation and the accented letters of Dutch text; no brackets (the
# inline footnote form uses them) and no control characters.
ALPHABET = st.characters(codec="utf-8", categories=("L", "N", "Zs", "Po", "Pd", "Ps", "Pe", "Sm", "Sc"),
                         exclude_characters="[]\u00a0\u2028\u2029\u3000\u1680\u2000\u2001\u2002\u2003\u2004"
                                            "\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f")
WORDS = st.lists(st.text(ALPHABET.filter(lambda c: not c.isspace()), min_size=1, max_size=12), min_size=1, max_size=30)
PARAGRAPH = WORDS.map(" ".join)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(data: bytes, suffix: str):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"letter{suffix}"
        path.write_bytes(data)
        try:
            return read_letter(path)
        except InputError as exc:
            assert "\n" not in str(exc) and str(path) in str(exc)
            return exc


@FAST
@given(st.sampled_from(SIGNATURES), st.binary(max_size=3000), st.sampled_from(SUFFIXES))
def test_ingest_arbitrary_bytes_give_a_letter_or_an_input_error(head, body, suffix):
    _read(head + body, suffix)


@FAST
@given(st.dictionaries(st.sampled_from(["word/document.xml", "word/footnotes.xml", "[Content_Types].xml",
                                        "_rels/.rels", "docProps/core.xml"]), st.binary(max_size=500), min_size=1))
def test_ingest_arbitrary_zip_parts_give_a_letter_or_an_input_error(parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    _read(buf.getvalue(), ".docx")


@settings(max_examples=30, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=8), st.lists(PARAGRAPH, max_size=3))
def test_ingest_docx_paragraphs_and_footnotes_come_back(paragraphs, notes):
    texts = list(paragraphs)
    # Footnote marks at paragraph ends, in the order of their numbers (Word numbers them
    # in the order they occur, and so does the reader).
    for n in range(1, len(notes) + 1):
        texts[min(n - 1, len(texts) - 1)] += docfixtures.REF_TOKEN.format(n)
    data = docfixtures.paragraphs_docx(texts, {n: body for n, body in enumerate(notes, 1)})
    text, _ = read_docx(Path("t.docx"), data)
    # Word shows footnotes numbered in the order their references occur, whatever their ids.
    expected, shown = [], {}
    for t in texts:
        marks = sorted((n for n in range(1, len(notes) + 1) if docfixtures.REF_TOKEN.format(n) in t),
                       key=lambda n: t.index(docfixtures.REF_TOKEN.format(n)))
        for n in marks:
            shown[n] = len(shown) + 1
            t = t.replace(docfixtures.REF_TOKEN.format(n), f"[footnoteRef: {shown[n]}]")
        t += "".join(f" [{shown[n]}:  {notes[n - 1]}]" for n in marks)
        expected.append(t)
    assert text == "\n\n".join(expected) + "\n"


@settings(max_examples=60, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=8), st.from_regex(r"[1-9][0-9]{4}", fullmatch=True),
       st.integers(1, 9999))
def test_ingest_kamerstuk_xml_paragraphs_and_numbers_come_back(paragraphs, dossier, number):
    body = "".join(f"<al>{escape(p)}</al>" for p in paragraphs)
    xml = (f"<officiele-publicatie><kamerstuk><dossier><dossiernummer><dossiernr>{dossier}</dossiernr></dossiernummer>"
           f"</dossier><stuk><stuknr>Nr. <ondernummer>{number}</ondernummer></stuknr><titel>BRIEF</titel>"
           f"<brief>{body}</brief></stuk></kamerstuk></officiele-publicatie>").encode()
    text, meta = read_kamerstuk_xml(Path("t.xml"), xml)
    assert text.split("\n\n")[2:] == [" ".join(p.split()) for p in paragraphs[:-1]] + [" ".join(paragraphs[-1].split()) + "\n"]
    assert (meta["dossier"], meta["number"], meta["kamerstuk"]) == (dossier, str(number), f"{dossier}-{number}")


TEXT = (docfixtures.Path(__file__).resolve().parent.parent / "data" / "letters"
        / "2026_geannoteerde-agenda-maart.txt").read_text(encoding="utf-8")
SAMPLES = {".pdf": docfixtures.letter_pdf(TEXT), ".docx": docfixtures.letter_docx(TEXT)}


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(SAMPLES)), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=20),
       st.one_of(st.just(1.0), st.floats(0.05, 1)))
def test_ingest_damaged_pdf_and_docx_give_a_letter_or_an_input_error(suffix, flips, keep):
    """A real rendering with bytes changed and its end cut off: never anything but an InputError."""
    data = bytearray(SAMPLES[suffix])
    for where, value in flips:
        data[int(where * (len(data) - 1))] = value
    _read(bytes(data[: max(1, int(len(data) * keep))]), suffix)
