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
