"""officielebekendmakingen XML (the Kamerstuk schema): the letter's text and what its
markup says about it.

A published Kamerstuk is ``<officiele-publicatie><kamerstuk>`` with a ``<kamerstukkop>``
(chamber, session), ``<dossier><dossiernummer><dossiernr>32 317</dossiernr>`` and its
``<titel>``, and a ``<stuk>``: ``<stuknr>Nr. <ondernummer>964</ondernummer></stuknr>``,
its ``<titel>`` and the body — for a letter a ``<brief>`` with ``<adres>``,
``<dagtekening>`` ("Den Haag, 23 juni 2025", its ``<datum isodatum=...>``), ``<al>``
paragraphs, ``<tussenkop>`` headings, ``<lijst>``/``<li>`` lists, ``<noot>`` footnotes
(``<noot.nr>``, ``<noot.al>``) and ``<ondertekening>`` (``<functie>`` + ``<naam>``, or
``<al>`` lines). The text is written in the shape of a Kamerstuk PDF's text (chamber,
dossier line, "Nr. 964 BRIEF VAN ...", place and date, paragraphs, signature block), with
footnotes in the inline form the layout step takes out. Entities are never expanded
and nothing is fetched: a document declaring entities is refused (XXE, billion laughs).
"""

import re
from datetime import date
from pathlib import Path

from lxml import etree

from jbzgraph.errors import InputError

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                         remove_comments=True, remove_pis=True)
ENTITY_RE = re.compile(rb"<!ENTITY", re.IGNORECASE)
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")
DATE_TEXT_RE = re.compile(r"(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})", re.IGNORECASE)
BLOCKS = {"al", "tussenkop", "kop", "titel", "li", "adres", "dagtekening", "slotformule", "tekstregel",
          "alinea", "aanhef", "p"}
SKIP = {"noot", "metadata", "meta", "noot.nr", "noot.al"}
TK_NUMBER_RE = re.compile(r"\b(20\d{2}D\d{5})\b")


def parse_xml(path: Path, data: bytes):
    """The document's root, or an InputError; entity declarations are refused."""
    if ENTITY_RE.search(data[:65536]):
        raise InputError(path, "XML declares entities (refused: entity expansion and external entities)")
    try:
        return etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(path, f"not well-formed XML ({exc.msg})") from None


def local(tag) -> str:
    """An element's name without its namespace ("" for comments and the like)."""
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def words(element, note=None) -> str:
    """All text inside ``element``, whitespace collapsed; its footnotes left out, or with
    ``note``, each replaced by what ``note(footnote_element)`` returns."""
    parts: list[str] = []

    def walk(el):
        name = local(el.tag)
        if el is not element and name == "noot" and note is not None:
            parts.append(note(el))
        elif el is element or name not in SKIP:
            if el.text:
                parts.append(el.text)
            for child in el:
                walk(child)
        if el.tail and el is not element:
            parts.append(el.tail)

    walk(element)
    return " ".join("".join(parts).split())


def iso_date(text: str) -> str | None:
    """"23 juni 2025" as "2025-06-23"."""
    m = DATE_TEXT_RE.search(text or "")
    if not m:
        return None
    try:
        return date(int(m[3]), MONTHS.index(m[2].lower()) + 1, int(m[1])).isoformat()
    except ValueError:
        return None


def role_name(role: str) -> str:
    """"De Minister van Justitie en Veiligheid," as the layout step writes an office."""
    role = " ".join(role.split()).rstrip(",;:. ")
    return re.sub(r"^(?:De|de)\s+", "", role)


class _Writer:
    """Paragraphs of text with footnote marks, and the footnote bodies in order."""

    def __init__(self):
        self.paragraphs: list[str] = []
        self.notes: list[tuple[str, str]] = []

    def paragraph(self, element) -> None:
        pending: list[tuple[str, str]] = []

        def mark(el) -> str:
            number = words(el.find("noot.nr")) if el.find("noot.nr") is not None else str(len(self.notes) + 1)
            body = " ".join(words(al) for al in el.iter("noot.al")) or words(el)
            number = re.sub(r"\D", "", number) or str(len(self.notes) + 1)
            pending.append((number, body))
            return f"[footnoteRef: {number}]"

        text = words(element, note=mark)
        for number, body in pending:
            text += f" [{number}:  {body.replace('[', '(').replace(']', ')')}]"
            self.notes.append((number, body))
        if text:
            self.paragraphs.append(text)


def block(writer: _Writer, element) -> None:
    """One element as paragraphs: a block is one, a signature block its lines, a container
    its children in document order."""
    name = local(element.tag)
    if name == "ondertekening":
        writer.paragraphs.append("\n\n".join(_signature_lines(element)))
    elif name in BLOCKS:
        writer.paragraph(element)
    elif name and name not in SKIP:
        for child in element:
            block(writer, child)


def _signature_lines(element) -> list[str]:
    """The signature block as lines, office then name, as letters print it."""
    functies = [words(f) for f in element.iter("functie")]
    namen = [words(n) for n in element.iter("naam")]
    if functies or namen:
        return [x for pair in zip(functies, namen) for x in pair] or functies + namen
    return [words(al) for al in element.iter("al") if words(al)]


def signatories(element) -> list[tuple[str, str]]:
    """(name, office) pairs from an ``<ondertekening>``."""
    lines = _signature_lines(element)
    out, role = [], ""
    for line in lines:
        if line.endswith(","):
            role = role_name(line)
        elif role:
            out.append((line, role))
            role = ""
    return out


def _meta(root) -> dict[str, str]:
    """``<meta name=... content=...>`` / ``<metadata ...>`` pairs, as officielebekendmakingen
    ships them beside or inside the document."""
    found: dict[str, str] = {}
    for el in root.iter():
        if local(el.tag) in ("meta", "metadata") and el.get("name") and el.get("content"):
            found.setdefault(el.get("name"), el.get("content"))
    return found


def dossier_number(text: str) -> str:
    """"32 317" → "32317"; "21 501-20" → "21501-20"."""
    return re.sub(r"(?<=\d) (?=\d)", "", " ".join(text.split())).replace(" ", "")


def read_kamerstuk_xml(path: Path, data: bytes) -> tuple[str, dict]:
    """The text of a Kamerstuk in officielebekendmakingen XML, and its metadata."""
    root = parse_xml(path, data)
    stuk_root = root if local(root.tag) == "kamerstuk" else next(
        (el for el in root.iter() if local(el.tag) == "kamerstuk"), None)
    if stuk_root is None:
        raise InputError(path, f"XML is not an officielebekendmakingen Kamerstuk (root <{local(root.tag)}>, no <kamerstuk>)")
    meta = _meta(root)
    first = {}
    for el in stuk_root.iter():
        first.setdefault(local(el.tag), el)
    out = _Writer()
    kop = first.get("kamerstukkop")
    if kop is not None:
        out.paragraphs.append("\n".join(words(t) for t in kop.iter("tekstregel") if words(t)))
    dossier = dossier_number(words(first["dossiernr"])) if "dossiernr" in first else ""
    dossier = dossier or dossier_number(meta.get("OVERHEIDop.dossiernummer", ""))
    dossier_el = first.get("dossier")
    dossier_title = words(dossier_el.find("titel")) if dossier_el is not None and dossier_el.find("titel") is not None else ""
    if dossier:
        out.paragraphs.append(f"{dossier} {dossier_title}".strip())
    stuk = first.get("stuk")
    number = re.sub(r"\D", "", words(first["ondernummer"])) if "ondernummer" in first else ""
    number = number or re.sub(r"\D", "", meta.get("OVERHEIDop.ondernummer", ""))
    title = ""
    if stuk is not None and stuk.find("titel") is not None:
        title = words(stuk.find("titel"))
    if number or title:
        out.paragraphs.append(f"Nr. {number} {title}".strip() if number else title)
    body = stuk if stuk is not None else stuk_root
    signers: list[tuple[str, str]] = []
    for child in body:
        if local(child.tag) in ("stuknr", "titel"):
            continue
        block(out, child)
    for el in body.iter():
        if local(el.tag) == "ondertekening":
            signers.extend(signatories(el))
    when = None
    for el in body.iter():
        if local(el.tag) == "dagtekening":
            datum = next((d for d in el.iter() if local(d.tag) == "datum" and d.get("isodatum")), None)
            when = datum.get("isodatum") if datum is not None else iso_date(words(el))
            break
    when = when or meta.get("OVERHEIDop.datumBrief") or None
    metadata = {
        "dossier": dossier,
        "number": number,
        "kamerstuk": f"{dossier}-{number}" if dossier and number else "",
        "date": when,
        "kind": meta.get("DC.type") or "Kamerstuk",
        "title": " ".join((meta.get("OVERHEIDop.documenttitel") or title).split()),
        "signatories": tuple(signers),
    }
    tk = TK_NUMBER_RE.search(" ".join(meta.values()))
    if tk:
        metadata["tk_number"] = tk[1]
    return "\n\n".join(p for p in out.paragraphs if p) + "\n", metadata
