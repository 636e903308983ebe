"""HTML pages of a letter: officielebekendmakingen's rendering of a Kamerstuk and a
tweedekamer.nl document page.

Both render the Kamerstuk schema (:mod:`jbzgraph.ingest.xml`) as HTML: the page's
``<meta name="OVERHEIDop.dossiernummer|OVERHEIDop.ondernummer|DC.type|DCTERMS.issued|
OVERHEIDop.documenttitel">`` carry the metadata, the elements keep the schema's names as
their class (``dossiernummer``, ``stuknummer``, ``dagtekening``, ``ondertekening``,
``functie``, ``naam``, ``noot``); a tweedekamer.nl page names its document number
(``did=2025D45354``) in its links and its kind in the title ("Brief regering : ...").
Navigation, scripts and forms are left out; block elements become paragraphs, a footnote
(an element whose class holds ``noot`` or ``footnote``) the inline form the layout step
takes out. A page that has neither Kamerstuk markup nor the shape of a letter (addressee,
place and date, signature) is refused: it is some other page.
"""

import re
from pathlib import Path

import lxml.html
from lxml import etree

from jbzgraph.errors import InputError
from jbzgraph.ingest.xml import TK_NUMBER_RE, dossier_number, iso_date, role_name

PARSER = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, encoding=None)
DROP = ("script", "style", "nav", "header", "footer", "form", "noscript", "aside", "button", "svg", "iframe", "template")
BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dd", "dt", "blockquote", "section",
         "article", "table", "ul", "ol", "dl", "main", "body", "pre"}
LETTER_SHAPE_RE = re.compile(r"^(?:Aan de (?:Voorzitter|leden)|(?:Den Haag|'s-Gravenhage), \d{1,2} \w+ \d{4})", re.MULTILINE)
KIND_TITLE_RE = re.compile(r"^\s*(?P<kind>[A-Z][\w .-]{2,40}?)\s+:\s+(?P<title>.+)$")
DOSSIER_SHOWN_RE = re.compile(r"\d{2} ?\d{3}(?:-[A-Z0-9]+)?")  # "32 317 JBZ-Raad" → "32 317"
NUMBER_SHOWN_RE = re.compile(r"Nr\.\s*(\d+)")  # "Nr. 964 BRIEF VAN ..." → "964"
NOTE_NUMBER_RE = re.compile(r"^\s*(\d{1,3})[.)]?\s+")


def _classes(el) -> set[str]:
    return set((el.get("class") or "").lower().split())


def _is_note(el) -> bool:
    return any("noot" in c or "footnote" in c for c in _classes(el)) and el.tag not in ("a", "sup")


class _Text:
    """Paragraphs from block elements, footnote bodies kept apart by number."""

    def __init__(self, notes: dict[str, str]):
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.notes = notes

    def flush(self) -> None:
        text = " ".join("".join(self.current).split())
        refs = re.findall(r"\[footnoteRef: (\d+)\]", text)
        for n in refs:
            if n in self.notes:
                text += f" [{n}:  {self.notes[n]}]"
        if text:
            self.paragraphs.append(text)
        self.current = []

    def walk(self, el) -> None:
        if not isinstance(el.tag, str) or el.tag in DROP or _is_note(el):
            if isinstance(el.tag, str) and el.tail:
                self.current.append(el.tail)
            return
        block = el.tag in BLOCK
        if block:
            self.flush()
        if "ondertekening" in _classes(el):
            self.flush()
            lines = [" ".join(x.text_content().split()) for x in el if isinstance(x.tag, str)]
            self.paragraphs.append("\n\n".join(x for x in lines if x) or " ".join(el.text_content().split()))
            if el.tail:
                self.current.append(el.tail)
            return
        if el.tag == "sup" and el.text_content().strip().isdigit() and el.text_content().strip() in self.notes:
            self.current.append(f"[footnoteRef: {el.text_content().strip()}]")
        elif el.tag == "br":
            self.current.append(" ")
        else:
            if el.text:
                self.current.append(el.text)
            for child in el:
                self.walk(child)
        if block:
            self.flush()
        if el.tail:
            self.current.append(el.tail)


def _notes(root) -> dict[str, str]:
    """Footnote bodies by number: elements whose class names a footnote, holding "1 text"."""
    found: dict[str, str] = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or not _is_note(el):
            continue
        text = " ".join(el.text_content().split())
        m = NOTE_NUMBER_RE.match(text)
        if m and m[1] not in found:
            found[m[1]] = text[m.end():].replace("[", "(").replace("]", ")")
    return found


def _meta(root) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        name = el.get("name") or el.get("property")
        if name and el.get("content"):
            found.setdefault(name, " ".join(el.get("content").split()))
    return found


def _by_class(root, name: str):
    return next((el for el in root.iter() if isinstance(el.tag, str) and name in _classes(el)), None)


def _signatories(root) -> list[tuple[str, str]]:
    out = []
    for block in (el for el in root.iter() if isinstance(el.tag, str) and "ondertekening" in _classes(el)):
        functies = [" ".join(f.text_content().split()) for f in block.iter() if "functie" in _classes(f)]
        namen = [" ".join(n.text_content().split()) for n in block.iter() if "naam" in _classes(n)]
        if not functies:
            lines = [" ".join(x.text_content().split()) for x in block if isinstance(x.tag, str)]
            functies = [x for x in lines if x.endswith(",")]
            namen = [x for x in lines if x and not x.endswith(",")]
        out.extend((name, role_name(role)) for role, name in zip(functies, namen))
    return out


def read_html(path: Path, data: bytes) -> tuple[str, dict]:
    """The text of a letter's HTML page, and its metadata; another page is an InputError."""
    try:
        root = lxml.html.document_fromstring(data, parser=PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(path, f"unreadable HTML ({exc})") from None
    meta = _meta(root)
    title_el = root.find(".//title")
    page_title = " ".join(title_el.text_content().split()) if title_el is not None else ""
    h1 = root.find(".//h1")
    heading = " ".join(h1.text_content().split()) if h1 is not None else ""
    content = next((el for el in (_by_class(root, "stuk"), root.find(".//main"), root.find(".//article"),
                                  root.find(".//body")) if el is not None), None)
    if content is None:
        raise InputError(path, "HTML page without a body: not a letter")
    writer = _Text(_notes(content))
    writer.walk(content)
    writer.flush()
    text = "\n\n".join(writer.paragraphs)
    dossier_el, number_el = _by_class(root, "dossiernummer"), _by_class(root, "stuknummer")
    shown = DOSSIER_SHOWN_RE.match(dossier_el.text_content().strip()) if dossier_el is not None else None
    dossier = dossier_number(meta.get("OVERHEIDop.dossiernummer") or (shown[0] if shown else ""))
    shown = NUMBER_SHOWN_RE.search(number_el.text_content()) if number_el is not None else None
    number = re.sub(r"\D", "", meta.get("OVERHEIDop.ondernummer") or (shown[1] if shown else ""))
    links = " ".join(el.get("href", "") for el in root.iter("a", "link")) + " " + " ".join(meta.values())
    tk = TK_NUMBER_RE.search(links)
    kind_title = KIND_TITLE_RE.match(heading) or KIND_TITLE_RE.match(page_title)
    dagtekening = _by_class(root, "dagtekening")
    when = None
    if dagtekening is not None:
        iso = next((d.get("datetime") or d.get("data-isodatum") for d in dagtekening.iter()
                    if d.get("datetime") or d.get("data-isodatum")), None)
        when = iso or iso_date(dagtekening.text_content())
    signers = _signatories(content)
    is_kamerstuk = bool(dossier or number or tk or signers or dagtekening is not None)
    if not is_kamerstuk and not LETTER_SHAPE_RE.search(text):
        shown = (heading or page_title or "untitled")[:60]
        raise InputError(path, f"HTML page is not a letter (\"{shown}\": no Kamerstuk markup, no addressee, "
                               "place and date or signature)")
    metadata = {
        "dossier": dossier,
        "number": number,
        "kamerstuk": f"{dossier}-{number}" if dossier and number else "",
        "date": when,
        "kind": meta.get("DC.type") or (kind_title["kind"] if kind_title else ""),
        "title": meta.get("OVERHEIDop.documenttitel") or (kind_title["title"] if kind_title else heading),
        "tk_number": tk[1] if tk else "",
        "signatories": tuple(signers),
    }
    return text + "\n", metadata
