"""Render the bundled plain-text letters as PDF and DOCX, the way their originals look.

The .txt letters were extracted from PDFs: their lines are the PDF's lines, a line that
starts with a space opens a new page, and the side column (directorate, "Datum",
"Onze referentie", "Pagina 3 van 7") sits between two pages. The PDF drawn here puts
each of those lines back on a page: body lines in the left column, the side column to
the right of the body at the top of its page (so that a reader taking lines across the
page would interleave them), a blank line as a vertical gap. The DOCX has one paragraph
per text paragraph and its footnotes in ``word/footnotes.xml``, as Word writes them.
"""

import io
import re
import zipfile
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = "DejaVuSans"
SIZE = 8
LEADING = 10
PAGE_W, PAGE_H = 660, 900
LEFT, BODY_W, SIDE_X = 40, 440, 510
TOP = PAGE_H - 40
PAGE_LINE_RE = re.compile(r"^Pagina \d+ van \d+$")
OFFICE_RE = re.compile(r"^(?:De |de )?(?:Minister|minister|Staatssecretaris|staatssecretaris|[Vv]oorzitter|Griffier)\b.*,$")
PLACE_DATE_RE = re.compile(r"^(?:Den Haag|'s-Gravenhage), \d{1,2} \w+ \d{4}")


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / f"{FONT}.ttf")))
    return FONT


def side_blocks(lines: list[str]) -> dict[int, int]:
    """Side-column blocks of a text letter as {first line: line after the block}: from
    after a run of blank lines down to the "Pagina N van M" line below a "Datum"."""
    blocks = {}
    for i, line in enumerate(lines):
        if not PAGE_LINE_RE.match(line.strip()):
            continue
        datum = next((j for j in range(i, max(i - 12, 0), -1) if lines[j].strip() == "Datum"), None)
        if datum is None:
            continue
        start = datum
        while start > 0 and (lines[start - 1].strip() or lines[start - 2].strip()) and datum - start < 8:
            start -= 1
        while start < datum and not lines[start].strip():
            start += 1
        blocks[start] = i + 1
    return blocks


def pages(text: str) -> list[tuple[list[str], list[str]]]:
    """The letter's lines as pages of (body lines, side-column lines); "" is a blank line."""
    lines = text.replace("\t", "  ").split("\n")
    blocks = side_blocks(lines)
    out: list[tuple[list[str], list[str]]] = [([], [])]
    i = 0
    blank_run = 0
    while i < len(lines):
        line = lines[i]
        if i in blocks:
            out.append(([], [s.strip() for s in lines[i:blocks[i]]]))
            i = blocks[i]
            continue
        starts_page = i > 0 and line[:1] in (" ",) and line.strip()
        if (starts_page or blank_run >= 3) and out[-1][0] and any(s for s in out[-1][0]):
            if not (out[-1][1] and not any(out[-1][0])):
                out.append(([], []))
        blank_run = blank_run + 1 if not line.strip() else 0
        out[-1][0].append(line.strip())
        i += 1
    return [(body, side) for body, side in out if any(body) or any(side)]


def letter_pdf(text: str, encrypt: str | None = None, scanned_page: bool = False) -> bytes:
    """A PDF of a text letter (see the module docstring); ``encrypt`` sets a user password,
    ``scanned_page`` adds a page that is only an image, as a scan without OCR is."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    font = _font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), encrypt=encrypt, invariant=1)
    for body, side in pages(text):
        y = TOP
        c.setFont(font, SIZE)
        for s in side:
            if s:
                c.drawString(SIDE_X, y, s)
            y -= LEADING
        y = TOP
        for line in body:
            parts = simpleSplit(line, font, SIZE, BODY_W) if line else [""]
            for part in parts:
                if y < 30 and part:
                    c.showPage()
                    c.setFont(font, SIZE)
                    y = TOP
                if part:
                    c.drawString(LEFT, y, part)
                y -= LEADING
        c.showPage()
    if scanned_page:
        _image_page(c)
    c.save()
    return buf.getvalue()


def _image_page(c) -> None:
    """A page holding a picture of text and no text layer."""
    from reportlab.lib.utils import ImageReader
    from PIL import Image, ImageDraw

    img = Image.new("L", (400, 200), 255)
    ImageDraw.Draw(img).text((10, 90), "gescande pagina", fill=0)
    c.drawImage(ImageReader(img), LEFT, TOP - 300, 400, 200)
    c.showPage()


REF_TOKEN = "\ue010{}\ue011"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _join(lines: list[str]) -> str:
    """A paragraph's lines as one: a line-end hyphen between lower-case letters was
    hyphenation and goes, any other hyphen stays and joins without a space."""
    text = ""
    for line in lines:
        line = line.strip()
        if not text:
            text = line
        elif text.endswith("-") and len(text) > 1 and text[-2].islower() and line[:1].islower():
            text = text[:-1] + line
        elif text.endswith("-"):
            text += line
        else:
            text += " " + line
    return text


def docx_paragraphs(text: str, notes: dict[int, str]) -> tuple[list[str], dict[int, str]]:
    """The letter as DOCX paragraphs, footnote bodies taken out of the running text and
    their marks replaced by REF_TOKEN; ``notes`` are the footnotes the layout step found
    in the text version (number → body). The first side column becomes the letter's
    heading lines (where Word letters keep "Datum" and "Onze referentie"), the others go."""
    from jbzgraph.layout.clean import split_lines
    from jbzgraph.layout.footnotes import find_mark
    from jbzgraph.layout.lines import join_lines, shape_of, split_block

    lines = text.replace("\r", "").split("\n")
    blocks_at = side_blocks(lines)
    head: list[str] = []
    kept: list[tuple[bool, str]] = []  # (starts a page, line) with "" between paragraphs
    note_lines = {}
    i = 0
    current_note = None
    while i < len(lines):
        if i in blocks_at:
            if not head:
                block = "\n".join(s.strip() for s in lines[i:blocks_at[i]] if not PAGE_LINE_RE.match(s.strip()))
                head = [p for p in block.split("\n\n") if p.strip()]
            kept.append((False, ""))
            i = blocks_at[i]
            continue
        raw = lines[i]
        line = raw.strip()
        m = re.match(r"^(\d{1,2})\s*(\S.*)$", line)
        if m and int(m[1]) in notes and notes[int(m[1])].startswith(m[2][:20].rstrip()):
            current_note = int(m[1])
            note_lines[current_note] = True
            i += 1
            continue
        if current_note and line and not raw.startswith(" ") and line in notes[current_note]:
            i += 1
            continue
        current_note = None
        kept.append((raw.startswith(" ") and bool(line), line))
        i += 1
    lengths = sorted(len(line) for _, line in kept if line)
    full = lengths[int(len(lengths) * 0.8)] if lengths else 80
    paragraphs: list[list[str]] = [[]]
    for starts_page, line in kept:
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        previous = paragraphs[-2][-1] if len(paragraphs) > 1 and paragraphs[-2] else ""
        if starts_page and not paragraphs[-1] and len(previous) >= 0.75 * full \
                and not previous.rstrip().endswith((".", ":", "?", "!")):
            paragraphs.pop()  # a paragraph running on over a page break (its footnotes between)
        if paragraphs[-1] and PLACE_DATE_RE.match(line):
            paragraphs.append([])
        paragraphs[-1].append(line)
        # A line far longer than any PDF line is a paragraph already; an office ends one.
        if len(line) > 140 or OFFICE_RE.match(line):
            paragraphs.append([])
    # Within a block, headings and list items are told apart as the layout step tells
    # them in the text version: that is where the original's paragraphs were.
    shape = shape_of(split_lines(text))
    texts = head + [join_lines(para.lines) for p in paragraphs if p for para in split_block(p, None, shape)]
    used: dict[int, str] = {}
    cursor = 0
    for number in sorted(notes):
        for k in range(cursor, len(texts)):
            mark = find_mark(texts[k], number)
            if mark:
                texts[k] = texts[k][:mark[0]] + REF_TOKEN.format(number) + texts[k][mark[1]:]
                used[number] = notes[number]
                cursor = k
                break
    return texts, used


def _footnotes_xml(notes: dict[int, str]) -> bytes:
    from xml.sax.saxutils import escape

    parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">',
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for number, body in notes.items():
        parts.append(f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                     '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                     f'<w:r><w:t xml:space="preserve"> {escape(body)}</w:t></w:r></w:p></w:footnote>')
    parts.append("</w:footnotes>")
    return "".join(parts).encode()


def with_footnotes(docx_bytes: bytes, notes: dict[int, str]) -> bytes:
    """A DOCX written by python-docx with a footnotes part added, as Word writes it: the
    part, its relationship and content type, and each REF_TOKEN run turned into a
    ``w:footnoteReference`` (python-docx cannot write footnotes)."""
    src = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                text = data.decode()
                for number in notes:
                    text = re.sub(r"<w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t(?: xml:space=\"preserve\")?>"
                                  + REF_TOKEN.format(number) + "</w:t></w:r>",
                                  '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                  f'<w:footnoteReference w:id="{number}"/></w:r>', text)
                data = text.encode()
            elif item.filename == "word/_rels/document.xml.rels" and notes:
                data = data.replace(b"</Relationships>", f'<Relationship Id="rIdFootnotes" Type="{FOOTNOTES_REL}" '
                                    'Target="footnotes.xml"/></Relationships>'.encode())
            elif item.filename == "[Content_Types].xml" and notes:
                data = data.replace(b"</Types>", f'<Override PartName="/word/footnotes.xml" '
                                    f'ContentType="{FOOTNOTES_TYPE}"/></Types>'.encode())
            dst.writestr(item, data)
        if notes:
            dst.writestr("word/footnotes.xml", _footnotes_xml(notes))
    return out.getvalue()


def paragraphs_docx(texts: list[str], notes: dict[int, str], title: str = "") -> bytes:
    """A DOCX with one paragraph per text (tabs kept) and real footnotes for REF_TOKENs."""
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    token_re = re.compile("(" + REF_TOKEN.format(r"\d+") + ")")
    for text in texts:
        p = document.add_paragraph()
        for piece in token_re.split(text):
            if piece:
                p.add_run(piece)
    buf = io.BytesIO()
    document.save(buf)
    return with_footnotes(buf.getvalue(), notes)


def letter_docx(text: str) -> bytes:
    """A DOCX of a text letter: paragraphs, and its footnotes in word/footnotes.xml."""
    from jbzgraph.ingest.read import Letter
    from jbzgraph.layout import parse_layout

    document = parse_layout(Letter(Path("letter.txt"), "letter.txt", text, "0" * 64, "utf-8"))
    notes = {f.number: document.text[f.start:f.end] for f in document.footnotes}
    texts, used = docx_paragraphs(text, notes)
    return paragraphs_docx(texts, used)


def _pieces(text: str) -> dict:
    """What a published Kamerstuk's markup holds, from the layout step's reading of a text
    letter: body paragraphs (headings marked) with footnote marks, footnotes, signatures."""
    from jbzgraph.ingest.read import Letter
    from jbzgraph.layout import parse_layout

    document = parse_layout(Letter(Path("letter.txt"), "letter.txt", text, "0" * 64, "utf-8"))
    t = document.text
    headings = {s.heading_start for s in document.sections if s.heading_start >= 0}
    notes = {f.number: (f.anchor, t[f.start:f.end]) for f in document.footnotes}
    body = []
    for p in document.paragraphs:
        if p.kind in ("footnote", "signature", "header"):
            continue
        marks = sorted((anchor - p.start, n) for n, (anchor, _) in notes.items() if p.start <= anchor <= p.end)
        body.append(("tussenkop" if p.start in headings else "al", t[p.start:p.end], marks))
    return {"body": body, "notes": {n: b for n, (_, b) in notes.items()},
            "signatures": [(s.name, s.role) for s in document.signatures], "header": document.header}


def _x(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text)


def _marked(body: str, marks: list[tuple[int, int]], mark) -> str:
    """``body`` escaped, with ``mark(n)`` inserted at each footnote's offset."""
    out, pos = [], 0
    for at, n in marks:
        out += [_x(body[pos:at]), mark(n)]
        pos = at
    return "".join(out + [_x(body[pos:])])


def kamerstuk_xml(text: str, dossier: str, number: str, iso: str, dossier_title: str, title: str,
                  entity: str = "") -> bytes:
    """A letter as officielebekendmakingen publishes it in XML (the Kamerstuk schema),
    made from a text letter: ``<kamerstuk>`` with ``<dossier>``, ``<stuk>`` with its
    number and title, a ``<brief>`` with ``<dagtekening>``, ``<al>`` and ``<tussenkop>``,
    ``<noot>`` footnotes where the marks stood, and ``<ondertekening>``."""
    from jbzgraph.ingest.xml import MONTHS

    pieces = _pieces(text)
    y, m, d = (int(x) for x in iso.split("-"))
    out = ['<?xml version="1.0" encoding="UTF-8"?>', entity,
           '<officiele-publicatie xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
           "<kamerstuk><kamerstukkop>",
           '<tekstregel inhoud="kamer">Tweede Kamer der Staten-Generaal</tekstregel>',
           f'<tekstregel inhoud="vergaderjaar">Vergaderjaar {y - (m < 9)}–{y + (m >= 9)}</tekstregel>',
           f"</kamerstukkop><dossier><dossiernummer><dossiernr>{dossier[:2]} {dossier[2:]}</dossiernr></dossiernummer>",
           f"<titel>{_x(dossier_title)}</titel></dossier>",
           f'<stuk><stuknr>Nr. <ondernummer kamer="2">{number}</ondernummer></stuknr><titel>{_x(title)}</titel>',
           "<brief><adres><al>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</al></adres>",
           f'<dagtekening>Den Haag, <datum isodatum="{iso}">{d} {MONTHS[m - 1]} {y}</datum></dagtekening>']
    for tag, body, marks in pieces["body"]:
        xml = _marked(body, marks, lambda n: f'<noot id="n{n}" type="voet"><noot.nr>{n}</noot.nr>'
                                             f'<noot.al>{_x(pieces["notes"][n])}</noot.al></noot>')
        out.append(f"<{tag}>{xml}</{tag}>")
    for name, role in pieces["signatures"]:
        out.append(f"<ondertekening><functie>De {_x(role)},</functie><naam>{_x(name)}</naam></ondertekening>")
    out.append("</brief></stuk></kamerstuk></officiele-publicatie>")
    return "\n".join(x for x in out if x).encode()


def kamerstuk_html(text: str, dossier: str, number: str, iso: str, dossier_title: str, title: str,
                   tk_number: str = "", kind: str = "") -> bytes:
    """The same letter as an HTML page: officielebekendmakingen's rendering (metadata in
    ``<meta>``, the schema's element names as classes) or, with ``tk_number``, a
    tweedekamer.nl document page (its number in the links, its kind in the title)."""
    from jbzgraph.ingest.xml import MONTHS

    pieces = _pieces(text)
    y, m, d = (int(x) for x in iso.split("-"))
    page_title = f"{kind} : {title}" if kind else f"Kamerstuk {dossier}, nr. {number} | Overheid.nl"
    meta = "" if tk_number else (
        f'<meta name="OVERHEIDop.dossiernummer" content="{dossier}"><meta name="OVERHEIDop.ondernummer" content="{number}">'
        f'<meta name="DC.type" content="Kamerstuk"><meta name="DCTERMS.issued" content="{iso}">'
        f'<meta name="OVERHEIDop.documenttitel" content="{_x(title)}">')
    out = [f"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{_x(page_title)}</title>{meta}",
           f'<link rel="canonical" href="https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?did={tk_number}">'
           if tk_number else "", "</head><body>",
           '<header><nav><a href="/">Home</a> <a href="/zoeken">Zoeken</a></nav></header>',
           f"<main><h1>{_x(page_title if kind else title)}</h1>",
           '<div class="stuk">',
           f'<p class="dossiernummer">{dossier[:2]} {dossier[2:]} {_x(dossier_title)}</p>',
           f'<p class="stuknummer">Nr. {number} {_x(title)}</p>',
           '<p class="adres">Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</p>',
           f'<p class="dagtekening">Den Haag, <time datetime="{iso}">{d} {MONTHS[m - 1]} {y}</time></p>']
    for tag, body, marks in pieces["body"]:
        html = _marked(body, marks, lambda n: f'<sup><a href="#noot{n}">{n}</a></sup>')
        out.append(f"<h3 class=\"tussenkop\">{html}</h3>" if tag == "tussenkop" else f"<p class=\"al\">{html}</p>")
    for name, role in pieces["signatures"]:
        out.append(f'<div class="ondertekening"><p class="functie">De {_x(role)},</p><p class="naam">{_x(name)}</p></div>')
    out.append('<div class="voetnoten">')
    for n, body in pieces["notes"].items():
        out.append(f'<div class="noot" id="noot{n}"><p>{n} {_x(body)}</p></div>')
    out.append("</div></div></main><footer>Colofon</footer></body></html>")
    return "\n".join(x for x in out if x).encode()
