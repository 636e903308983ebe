"""The bundled letters as PDF, DOCX, officielebekendmakingen XML/HTML and a tweedekamer.nl
page give the contract's rows the .txt gives, and what the markup says about a letter is
in the graph.

The renderings are made here from the .txt letters (tests/docfixtures.py), built once
into one store beside the .txt letters; rows are compared per letter with the file
suffix taken off the source. Where they differ, KNOWN_* lists the rows and says why.
"""

from pathlib import Path

import pytest

from jbzgraph.ingest import read_letter
from jbzgraph.pipeline import build
from jbzgraph.query import run_query
from jbzgraph.store import open_store
from tests import docfixtures
from tests.helpers import CONTRACT_COLUMNS, LETTERS

KAMERSTUK = "2025-06-23_kamerstuk-32317-964"
MARKUP = ("32317", "964", "2025-06-23", "JBZ-Raad",
          "BRIEF VAN DE MINISTERS VAN JUSTITIE EN VEILIGHEID EN VAN ASIEL EN MIGRATIE")
TK_NUMBER = "2025D28377"

# Rows of the .txt letters (query, letter, txt-only, other-only) the other format does not
# reproduce, each explained. The PDF reproduces every row.
KNOWN_DOCX = {
    # The DOCX is made from the PDF lines of the .txt by guessing where its paragraphs
    # were (docfixtures.docx_paragraphs). In the agenda "a) Commissie rapport over de Staat
    # van het / Schengengebied 2025" opens a list whose items the .txt version reads as one
    # heading; as Word paragraphs the list item "b) Prioriteiten voor de
    # Schengenraadscyclus 2025-2026" becomes the nearest instrument, so a position moves
    # from the report to the cycle, and so does the Commission's call to implement "the
    # recommendations" named after the heading; the Commission's concern about Libya moves from the
    # Council agenda to the topic "Externe dimensie migratie", and the E-evidence position
    # loses its sentence's instrument. In the November agenda a heading ("Uitvoeringsbesluit ter bepaling van
    # de lidstaten waar sprake ...") that the PDF lines break mid-phrase becomes a
    # paragraph of its own, so its position goes to the Pact named in the next one, and is
    # dropped there, as the Pact already holds it.
    ("positions", KAMERSTUK): (4, 3),
    ("positions", "2025-11-24_geannoteerde-agenda"): (1, 0),
}
KNOWN_MARKUP = {
    # The XML/HTML body is made from the layout step's paragraphs of the .txt, so its lists
    # and headings are those paragraphs (the same "a) / b)" list as in the DOCX, with the
    # same call to implement "the recommendations").
    ("positions", KAMERSTUK): (3, 2),
    # The .txt's title "Brief van de ministers ..." is mixed case and reads as a mention of
    # a letter; the markup's title is in capitals, as officielebekendmakingen prints it.
    ("mentions", KAMERSTUK): (1, 0),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The .txt letters and every rendering of them, built into one store."""
    folder = tmp_path_factory.mktemp("renderings")
    for path in sorted(LETTERS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        (folder / f"{path.stem}.pdf").write_bytes(docfixtures.letter_pdf(text))
        (folder / f"{path.stem}.docx").write_bytes(docfixtures.letter_docx(text))
    text = (LETTERS / f"{KAMERSTUK}.txt").read_text(encoding="utf-8")
    (folder / f"{KAMERSTUK}.xml").write_bytes(docfixtures.kamerstuk_xml(text, *MARKUP))
    (folder / f"{KAMERSTUK}.html").write_bytes(docfixtures.kamerstuk_html(text, *MARKUP))
    (folder / f"{KAMERSTUK}.htm").write_bytes(
        docfixtures.kamerstuk_html(text, *MARKUP, tk_number=TK_NUMBER, kind="Brief regering"))
    s = open_store(tmp_path_factory.mktemp("store"))
    report = build([LETTERS, folder], s)
    assert report.failed == [] and len(report.built) == 18
    s.folder = folder
    return s


def rows_by_format(store, name: str) -> dict[str, dict[str, set]]:
    """{suffix: {letter: {row without source}}} for a contract query."""
    columns, rows = run_query(store, name)
    at = [columns.index(c) for c in CONTRACT_COLUMNS[name]]
    found: dict[str, dict[str, set]] = {}
    for row in rows:
        stem, suffix = row[at[0]].rsplit(".", 1)
        found.setdefault(suffix, {}).setdefault(stem, set()).add(tuple(row[i] for i in at[1:]))
    return found


def differences(store, suffix: str) -> dict[tuple[str, str], tuple[int, int]]:
    """(query, letter) → (rows only the .txt gives, rows only the other format gives)."""
    found = {}
    for name in CONTRACT_COLUMNS:
        by = rows_by_format(store, name)
        for stem, txt_rows in by["txt"].items():
            if stem not in by.get(suffix, {}) and suffix in ("pdf", "docx"):
                found[(name, stem)] = (len(txt_rows), 0)
                continue
            other = by.get(suffix, {}).get(stem)
            if other is not None and other != txt_rows:
                found[(name, stem)] = (len(txt_rows - other), len(other - txt_rows))
    return found


def test_ingest_pdf_gives_the_rows_of_the_txt(store):
    assert differences(store, "pdf") == {}


def test_ingest_docx_gives_the_rows_of_the_txt_but_the_known_ones(store):
    assert differences(store, "docx") == KNOWN_DOCX


@pytest.mark.parametrize("suffix", ["xml", "html", "htm"])
def test_ingest_kamerstuk_markup_gives_the_rows_of_the_txt_but_the_known_ones(store, suffix):
    assert differences(store, suffix) == KNOWN_MARKUP


def test_ingest_docx_footnotes_come_from_the_footnotes_part(store):
    """Every citation of the .txt letters is found in the DOCX, whose footnotes (where the
    citations are) live only in word/footnotes.xml."""
    import zipfile

    docx = store.folder / "2025-12-17_verslag-jbz-raad.docx"
    with zipfile.ZipFile(docx) as z:
        assert "Kamerstuk 32317-973" in z.read("word/footnotes.xml").decode()
        assert "Kamerstuk 32317-973" not in z.read("word/document.xml").decode()
    by = rows_by_format(store, "references")
    assert by["docx"]["2025-12-17_verslag-jbz-raad"] == by["txt"]["2025-12-17_verslag-jbz-raad"]
    assert ("kamerstuk", "32317-973") in by["docx"]["2025-12-17_verslag-jbz-raad"]


def _sources(store) -> dict[str, dict[str, str]]:
    columns, rows = run_query(store, "sources")
    return {row[0]: dict(zip(columns, row)) for row in rows}


@pytest.mark.parametrize("suffix", ["xml", "html", "htm"])
def test_ingest_markup_metadata_is_in_the_graph(store, suffix):
    row = _sources(store)[f"{KAMERSTUK}.{suffix}"]
    assert (row["format"], row["kamerstuk"], row["dossier"], row["number"], row["date"]) == (
        "html" if suffix == "htm" else suffix, "32317-964", "32317", "964", "2025-06-23")
    assert row["title"] == MARKUP[-1]
    if suffix == "htm":
        assert (row["tk_number"], row["kind"]) == (TK_NUMBER, "Brief regering")
    else:
        assert (row["tk_number"], row["kind"]) == ("", "Kamerstuk")
    signed = {}
    for source in (f"{KAMERSTUK}.{suffix}", f"{KAMERSTUK}.txt"):
        columns, rows = run_query(store, "signatories", {"source": source})
        signed[source] = {(r[columns.index("name")], r[columns.index("role")]) for r in rows}
    assert ("D.M. van Weel", "minister van Asiel en Migratie") in signed[f"{KAMERSTUK}.{suffix}"]
    assert signed[f"{KAMERSTUK}.{suffix}"] == signed[f"{KAMERSTUK}.txt"] and len(signed[f"{KAMERSTUK}.txt"]) == 5


def test_ingest_markup_signatories_are_statements_with_their_rule(store):
    """Signatures from <ondertekening> carry the rule that says so and the name's span."""
    query = """PREFIX jbz: <https://w3id.org/jbzgraph/ontology#>
    SELECT ?rule ?quote WHERE { ?l jbz:source ?src . ?s a jbz:Signature ; jbz:inLetter ?l ; jbz:rule ?rule ;
                                jbz:evidence/jbz:quote ?quote }"""
    _, rows = store.select(query.replace("?src", f'"{KAMERSTUK}.xml"'))
    got = {(r["rule"].value, r["quote"].value) for r in rows}
    assert ("markup_signature", "D.M. van Weel") in got


def test_ingest_txt_letters_record_their_format_and_no_markup(store):
    row = _sources(store)[f"{KAMERSTUK}.txt"]
    assert (row["format"], row["dossier"], row["number"], row["tk_number"]) == ("txt", "", "", "")


def test_ingest_format_is_sniffed_not_taken_from_the_name(store, tmp_path):
    """A PDF named .txt is read as the PDF it is; a .xml holding HTML as HTML."""
    pdf = tmp_path / "letter.txt"
    pdf.write_bytes((store.folder / f"{KAMERSTUK}.pdf").read_bytes())
    assert read_letter(pdf).format == "pdf"
    html = tmp_path / "page.xml"
    html.write_bytes((store.folder / f"{KAMERSTUK}.html").read_bytes())
    assert read_letter(html).format == "html"


def test_ingest_folders_take_every_format(store):
    from jbzgraph.ingest import find_letters

    suffixes = {p.suffix for p in find_letters([store.folder])}
    assert suffixes == {".pdf", ".docx", ".xml", ".html", ".htm"}


def test_ingest_pdf_side_column_is_separated_by_position(store):
    """The side column is drawn beside the body's first lines; read, it stays apart from
    them: no body line carries "Datum" or "Onze referentie"."""
    letter = read_letter(store.folder / "2025-12-17_verslag-jbz-raad.pdf")
    lines = letter.raw.split("\n")
    assert "Onze referentie" in lines and "Pagina 3 van 7" in lines
    assert not any(("Onze referentie" in line or "Pagina 3 van 7" in line) and line.strip() not in
                   ("Onze referentie", "Pagina 3 van 7") for line in lines)


def test_ingest_reader_speed_per_letter(store, record_property):
    """Reading is a small part of a build (~0.25 s a letter): each format well under it."""
    import time

    for suffix in ("txt", "pdf", "docx", "xml", "html"):
        path = (LETTERS if suffix == "txt" else store.folder) / f"{KAMERSTUK}.{suffix}"
        start = time.perf_counter()
        read_letter(path)
        took = time.perf_counter() - start
        record_property(f"read_{suffix}_s", round(took, 4))
        assert took < 1.0, (suffix, took)


def test_ingest_scanned_page_is_reported_and_the_rest_read(tmp_path):
    text = (LETTERS / "2026_geannoteerde-agenda-maart.txt").read_text(encoding="utf-8")
    path = tmp_path / "scan.pdf"
    path.write_bytes(docfixtures.letter_pdf(text, scanned_page=True))
    letter = read_letter(path)
    pages = len(docfixtures.pages(text))
    assert letter.warnings == (f"page {pages + 1} has no text layer (an image only: a scan without OCR?); "
                               "its content, if any, is not read",)
    s = open_store(tmp_path / "s")
    report = build([path], s)
    assert [w.code for w in report.built[0].warnings] == ["unread_page"]
    columns, rows = run_query(s, "warnings")
    assert any(f"page {pages + 1} has no text layer" in r[columns.index("message")] for r in rows)


def test_ingest_pdf_and_docx_titles_are_metadata(tmp_path):
    from jbzgraph.ingest.docx import read_docx

    texts = ["Hierbij bied ik uw Kamer de geannoteerde agenda aan. " * 10]
    data = docfixtures.paragraphs_docx(texts, {}, title="Geannoteerde agenda JBZ-Raad")
    assert read_docx(Path("t.docx"), data)[1] == {"title": "Geannoteerde agenda JBZ-Raad"}
