"""Page furniture: the text a letter's page layout adds that is no part of what it says.

Rijksoverheid letters print a return address above the addressee and a side column on
every page ("Datum", "Onze referentie", "Pagina 2 van 9", the sending directorate and its
address); PDF text extraction drops that column anywhere, often between two halves of a
sentence. Such lines get role "drop"; the values worth keeping ("Datum", "Onze referentie",
"Onderwerp") are recorded in the header dict.
"""

import re

from jbzgraph.layout.clean import Line

MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
DATE_RE = re.compile(
    rf"^(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) )?(\d{{1,2}} (?:{MONTHS}) \d{{4}})$",
    re.IGNORECASE,
)
RETURN_ADDRESS_RE = re.compile(r"^>?\s*Retouradres\b", re.IGNORECASE)
PAGE_RE = re.compile(r"^(?:Pagina|Blad|Page)\s+\d{1,3}\s*(?:van|/|of)\s*\d{1,3}$", re.IGNORECASE)
PAGE_NUMBER_RE = re.compile(r"^(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?$|^\d{1,3}\s*/\s*\d{1,3}$")
LABEL_RE = re.compile(
    r"^(?P<label>Datum|Onze referentie|Uw referentie|Ons kenmerk|Uw kenmerk|Kenmerk|Referentie|"
    r"Bijlage\(n\)|Bijlagen|Bijlage|Contactpersoon|Behandeld door|Doorkiesnummer|Telefoon|Fax|"
    r"E-mail|Uw brief(?: van)?|Ons nummer|Afschrift aan|Bezoekadres|Postadres|Inlichtingen|Onderwerp)"
    r"(?::|\b)\s*(?P<value>.*)$"
)
ATTACHMENTS_RE = re.compile(r"^(?:\d{1,2}|[Gg]een|-)$")
VALUE_LINES = {"Contactpersoon": 4, "Bezoekadres": 3, "Postadres": 3, "Afschrift aan": 2}
REFERENCE_LABELS = {"Onze referentie", "Ons kenmerk", "Kenmerk", "Referentie", "Ons nummer"}
REFERENCE_RE = re.compile(r"^(?=.*\d)[\w][\w\-./ ]{1,40}$")
ORG_RE = re.compile(r"^(?:Directie|Directoraat|Cluster|Ministerie van|Afdeling|Dienst|Bureau|Staf)\b")
ADDRESS_RE = re.compile(
    r"^(?:Postbus \d+.*|\d{4} ?[A-Z]{2}\b.*|www\.\S+|https?://(?:www\.)?rijksoverheid\S*|"
    r"[A-Z][a-z]+(?:straat|markt|plein|weg|laan|gracht|kade|hof|singel) \d+\w*|"
    r"[TF] ?\+?[\d ()-]{8,}|\S+@\S+\.\w+|(?:Den Haag|DEN HAAG|'s-Gravenhage)|"
    r"www\.government\.nl\S*|Den Haag, Nederland)$"
)
ADDRESSEE_RE = re.compile(r"^Aan de (?:[Vv]oorzitter|Tweede Kamer|Eerste Kamer|leden|minister)\b")
ADDRESSEE_TAIL_RE = re.compile(r"^(?:der Staten-Generaal|van de (?:Tweede|Eerste) Kamer.*|Binnenhof \d+.*)$")
KST_FOOTER_RE = re.compile(
    r"^(?:Tweede|Eerste) Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, (?P<dossier>\d{2} ?\d{3})(?:-[\w]+)?, "
    r"nr\. (?P<nr>\d+)\s+\d{1,3}$"
)
SHORT = 50
HEADER_ZONE = 40


def _next_content(lines: list[Line], i: int) -> int:
    """Index of the next non-blank line after ``i`` (len(lines) if none)."""
    j = i + 1
    while j < len(lines) and lines[j].role == "blank":
        j += 1
    return j


def _label_value_lines(lines: list[Line], i: int, label: str, value: str) -> list[int]:
    """Which lines after a side-column label hold its value (to be dropped with it)."""
    if value:
        return []
    wanted = VALUE_LINES.get(label, 1)
    taken: list[int] = []
    j = i + 1
    while j < len(lines) and len(taken) < wanted and lines[j].role != "blank":
        if len(lines[j].text) > SHORT or LABEL_RE.match(lines[j].text):
            break
        taken.append(j)
        j += 1
    return taken


def _is_label_line(lines: list[Line], i: int) -> tuple[str, str, list[int]] | None:
    """A side-column label with its value, or None when the line is ordinary text."""
    m = LABEL_RE.match(lines[i].text)
    if not m:
        return None
    label, value = m.group("label"), m.group("value").strip()
    if label == "Onderwerp":
        shown = value or (lines[i + 1].text if i + 1 < len(lines) else "")
        if i > HEADER_ZONE * 3 or not shown[:1].isupper() or shown.endswith("."):
            return None
    elif label == "Datum":
        if value and not DATE_RE.match(value):
            return None
        if not value and not (i + 1 < len(lines) and DATE_RE.match(lines[i + 1].text)):
            return None
    elif label in REFERENCE_LABELS:
        if value and not REFERENCE_RE.match(value):
            return None
        if not value and not (i + 1 < len(lines) and REFERENCE_RE.match(lines[i + 1].text)):
            return None
    elif value and not (label.startswith("Bijlage") and ATTACHMENTS_RE.match(value)):
        return None
    elif not value and (i + 1 >= len(lines) or lines[i + 1].role == "blank"):
        return None
    value_lines = _label_value_lines(lines, i, label, value)
    if not value and not value_lines:
        return None
    return label, value, value_lines


def _record(header: dict[str, str], label: str, value: str) -> None:
    """Keep the first value seen of the labels the header dict carries."""
    key = {"Datum": "date", "Onderwerp": "title"}.get(label) or ("reference" if label in REFERENCE_LABELS else "")
    if key and value and key not in header:
        if key == "date":
            m = DATE_RE.match(value)
            value = m.group(1) if m else value
        header[key] = value


def _drop_labels(lines: list[Line], header: dict[str, str]) -> None:
    """Drop label/value pairs, page numbers, return addresses, addresses and Kamerstuk footers."""
    for i, line in enumerate(lines):
        if line.role != "text":
            continue
        text = line.text
        if RETURN_ADDRESS_RE.match(text) or PAGE_RE.match(text) or PAGE_NUMBER_RE.match(text):
            line.role = "drop"
            line.extra["column"] = not PAGE_NUMBER_RE.match(text)
            continue
        footer = KST_FOOTER_RE.match(text)
        if footer:
            line.role = "drop"
            header.setdefault("footer_kamerstuk", f"{footer['dossier'].replace(' ', '')}-{footer['nr']}")
            continue
        found = _is_label_line(lines, i)
        if found:
            label, value, value_lines = found
            full = value or " ".join(lines[j].text for j in value_lines)
            _record(header, label, full)
            if label == "Onderwerp":
                line.role = "header"
                line.extra["header_text"] = full
                for j in value_lines:
                    lines[j].role = "drop"
                continue
            line.role = "drop"
            line.extra["column"] = True
            for j in value_lines:
                lines[j].role = "drop"
        elif ADDRESS_RE.match(text) and len(text) <= SHORT:
            line.role = "drop"
            line.extra["column"] = True


def _groups(lines: list[Line]) -> list[list[int]]:
    """Runs of consecutive non-blank lines, as index lists."""
    groups: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if line.role == "blank":
            if current:
                groups.append(current)
            current = []
        else:
            current.append(i)
    if current:
        groups.append(current)
    return groups


def _drop_column_groups(lines: list[Line]) -> None:
    """A group of short lines holding a directorate name or several side-column items is column as a whole."""
    for group in _groups(lines):
        members = [lines[i] for i in group]
        pending = [t for t in members if t.role == "text"]
        if not pending:
            continue
        has_org = any(ORG_RE.match(t.text) for t in pending)
        column_items = sum(1 for t in members if t.extra.get("column"))
        if not (has_org or column_items >= 2):
            continue
        if all(len(t.text) <= SHORT and not t.text.endswith((".", "?", "!", ";", ",", ":")) for t in pending):
            for t in pending:
                t.role = "drop"


def _drop_addressee(lines: list[Line]) -> None:
    """The addressee block ("Aan de Voorzitter van de Tweede Kamer ...") near the top: its
    first line stays as a header paragraph (the letter names whom it is addressed to, a
    mention), the address lines after it go."""
    seen = 0
    for i, line in enumerate(lines):
        if line.role == "blank":
            continue
        seen += 1
        if seen > HEADER_ZONE:
            return
        if line.role == "text" and ADDRESSEE_RE.match(line.text) and not line.text.endswith("."):
            line.role = "header"
            j = i + 1
            while j < len(lines) and lines[j].role != "blank":
                if lines[j].role == "text" and (ADDRESSEE_TAIL_RE.match(lines[j].text) or ADDRESS_RE.match(lines[j].text)):
                    lines[j].role = "drop"
                    j += 1
                else:
                    break


def mark_furniture(lines: list[Line], header: dict[str, str]) -> None:
    """Give every furniture line role "drop" and record the header values found on the way."""
    _drop_labels(lines, header)
    _drop_addressee(lines)
    _drop_column_groups(lines)
