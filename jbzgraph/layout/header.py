"""The top of a letter: Kamerstuk identification, title, place and date.

An official publication (Kamerstuk) opens with "Tweede Kamer der Staten-Generaal",
the session, the dossier number and title, "Nr. 964" and a title ("BRIEF VAN DE
MINISTER ..."), then "Den Haag, 23 juni 2025". A written-consultation report opens
with its dossier line ("32317  JBZ-Raad (...)") and "Verslag van een schriftelijk
overleg". Identification lines are dropped after their values are recorded; the title
and the place-date line stay in the text as "header" paragraphs.
"""

import re

from jbzgraph.layout.clean import Line
from jbzgraph.layout.furniture import HEADER_ZONE, MONTHS

CHAMBER_RE = re.compile(r"^(?:Tweede|Eerste) Kamer der Staten-Generaal(?: [12])?$", re.IGNORECASE)
CHAMBER_NUMBER_RE = re.compile(r"^[12]$")
SESSION_RE = re.compile(r"^Vergaderjaar (\d{4})\s*[–-]\s*(\d{4})$", re.IGNORECASE)
DOSSIER_RE = re.compile(r"^(?P<dossier>\d{2} ?\d{3})(?:-(?P<sub>[\w]+))?(?:\s+(?P<title>[A-Z(].*))?$")
NUMBER_RE = re.compile(r"^Nr\.\s*(?P<nr>\d{1,4})\b\s*(?P<rest>.*)$", re.IGNORECASE)
TITLE_START_RE = re.compile(
    r"^(?:BRIEF VAN|Brief van|VERSLAG VAN|Verslag van|Geannoteerde agenda|GEANNOTEERDE AGENDA|"
    r"Lijst van vragen|LIJST VAN VRAGEN|Fiche\b|Motie van|MOTIE VAN|Nota naar aanleiding|NOTA)"
)
PLACE_DATE_RE = re.compile(
    rf"^(?P<all>(?:Den Haag|'s-Gravenhage|[A-Z][a-z]+(?: [A-Z][a-z]+)?), \d{{1,2}} (?:{MONTHS}) \d{{4}})\s*\.?$"
)
SOURCE_KST_RE = re.compile(r"(?:kst|kamerstuk)[-_ ]?(\d{5})(?:-[A-Z0-9]+)?[-_](\d{1,4})\b", re.IGNORECASE)
FOOTER_VALUE_RE = re.compile(r"(\d+)-(\d+)$")
# officielebekendmakingen.nl's page gives the identification as a table row:
# "Tweede Kamer der Staten-Generaal | 2019-2020 | 32317 nr. 626 |"
TABLE_ROW_RE = re.compile(
    r"^\|?\s*(?:Tweede|Eerste) Kamer der Staten-Generaal\s*\|\s*(?P<s1>\d{4})\s*[–-]\s*(?P<s2>\d{4})\s*\|"
    r"\s*(?P<dossier>\d{2} ?\d{3})(?:-(?P<sub>\w+))?\s+nr\.\s*(?P<nr>\w{1,5})\s*\|", re.IGNORECASE)
TITLE_MAX_LINES = 6
# tkconv's page names the document and the day it was registered: "Nummer: 2014D09902, datum: 2014-03-18, …"
TKCONV_RE = re.compile(r"^Nummer: (?P<number>\d{4}D\d{4,6}), datum: (?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
# a report of a written consultation is dated by the day the committee adopted it
ADOPTED_RE = re.compile(rf"^Vastgesteld (?P<date>\d{{1,2}} (?:{MONTHS}) \d{{4}})\s*$")


def _dossier(m: re.Match) -> str:
    """ "32 317" → "32317", with its sub-number: "21501-20"."""
    return m["dossier"].replace(" ", "") + (f"-{m['sub']}" if m["sub"] else "")


def _zone(lines: list[Line]) -> list[int]:
    """Indexes of the first non-blank text lines, where header material can be."""
    found: list[int] = []
    for i, line in enumerate(lines):
        if line.role == "text":
            found.append(i)
            if len(found) >= HEADER_ZONE:
                break
    return found


def _title_from(lines: list[Line], zone: list[int], k: int, first: str) -> tuple[str, list[int]]:
    """A title that starts at zone[k] and runs on until the addressee or place-date line."""
    parts, used = [first] if first else [], [zone[k]]
    for j in zone[k + 1:k + TITLE_MAX_LINES]:
        text = lines[j].text
        if PLACE_DATE_RE.match(text) or text.startswith(("Aan de ", "Hierbij")) or lines[j].role != "text":
            break
        if parts and parts[-1].endswith((".", "?", "!")):
            break
        parts.append(text)
        used.append(j)
    else:
        if len(used) > 2:
            return first, used[:1]
    return " ".join(parts), used


def _title_ok(lines: list[Line], zone: list[int], k: int) -> bool:
    """Whether an addressee or place-date line follows the title soon, so its lines can be gathered."""
    return any(
        PLACE_DATE_RE.match(lines[j].text) or lines[j].text.startswith("Aan de ")
        for j in zone[k + 1:k + TITLE_MAX_LINES + 1]
    )


def _set_title(lines: list[Line], used: list[int], title: str, header: dict[str, str]) -> None:
    """Turn the title lines into one header paragraph."""
    if not title:
        return
    header.setdefault("title", title)
    lines[used[0]].role = "header"
    lines[used[0]].extra["header_text"] = title
    for j in used[1:]:
        lines[j].role = "drop"


def read_header(lines: list[Line], header: dict[str, str], source: str) -> None:
    """Record the Kamerstuk identification, title and place-date found at the top of the letter."""
    zone = _zone(lines)
    # A web page's own lines (menus, links) may come before the publication's: its header
    # opens with the chamber's name, and the positions below count from there.
    base = next((k for k, i in enumerate(zone) if CHAMBER_RE.match(lines[i].text)), 0)
    for k, i in enumerate(zone):
        rel = k - base
        line = lines[i]
        if line.role != "text":
            continue
        text = line.text
        m_nr = NUMBER_RE.match(text)
        m_dossier = DOSSIER_RE.match(text)
        m_place = PLACE_DATE_RE.match(text)
        if m_tk := TKCONV_RE.match(text):
            header.setdefault("tk_number", m_tk["number"])
            header.setdefault("registered", f"{int(m_tk['d'])} {MONTHS.split('|')[int(m_tk['m']) - 1]} {m_tk['y']}")
            line.role = "drop"
        elif m_adopted := ADOPTED_RE.match(text):
            header.setdefault("date", m_adopted["date"])
            line.role = "header"
            line.extra["header_text"] = text
        elif m_row := TABLE_ROW_RE.match(text):
            header.setdefault("session", f"{m_row['s1']}-{m_row['s2']}")
            header.setdefault("dossier", _dossier(m_row))
            header.setdefault("kamerstuk_number", m_row["nr"])
            line.role = "drop"
        elif CHAMBER_RE.match(text) or (CHAMBER_NUMBER_RE.match(text) and k and CHAMBER_RE.match(lines[zone[k - 1]].text)):
            line.role = "drop"
        elif m_session := SESSION_RE.match(text):
            header.setdefault("session", f"{m_session.group(1)}-{m_session.group(2)}")
            line.role = "drop"
        elif m_dossier and "dossier" not in header and "kamerstuk_number" not in header and 0 <= rel < 8:
            header["dossier"] = _dossier(m_dossier)
            if m_dossier["title"]:
                header["dossier_title"] = m_dossier["title"]
            elif k + 1 < len(zone) and not NUMBER_RE.match(lines[zone[k + 1]].text) and len(lines[zone[k + 1]].text) < 80:
                header["dossier_title"] = lines[zone[k + 1]].text
                lines[zone[k + 1]].role = "drop"
            line.role = "drop"
        elif m_nr and "kamerstuk_number" not in header and 0 <= rel < 10:
            header["kamerstuk_number"] = m_nr["nr"]
            rest = m_nr["rest"].strip()
            if rest and _title_ok(lines, zone, k):
                title, used = _title_from(lines, zone, k, rest)
                _set_title(lines, used, title, header)
            elif rest:
                _set_title(lines, [i], rest, header)
            else:
                line.role = "drop"
        elif TITLE_START_RE.match(text) and "title" not in header and rel < 12 and not text.endswith("."):
            if _title_ok(lines, zone, k):
                title, used = _title_from(lines, zone, k, text)
                _set_title(lines, used, title, header)
            elif not (k + 1 < len(zone) and lines[zone[k + 1]].text[:1].islower()):
                _set_title(lines, [i], text, header)
        elif m_place and "place_date" not in header:
            header["place_date"] = m_place["all"]
            line.role = "header"
            line.extra["header_text"] = m_place["all"]
    # a web page names its own file among its links: "officiële HTML versie (kst-22112-2957)"
    named = [m for i in zone if (m := SOURCE_KST_RE.search(lines[i].text))]
    _complete_kamerstuk(header, source, named)


def _complete_kamerstuk(header: dict[str, str], source: str, named: list[re.Match] = ()) -> None:
    """Derive "kamerstuk" from dossier and number, or from a kst-style file name, page footer
    or link in the header."""
    footer = header.pop("footer_kamerstuk", "")
    number = header.get("kamerstuk_number")
    if number and "dossier" not in header:
        for candidate in (SOURCE_KST_RE.search(source or ""), FOOTER_VALUE_RE.match(footer), *named):
            if candidate and candidate.group(2) == number:
                header["dossier"] = candidate.group(1)
                break
    if not number and footer:
        dossier, number = footer.split("-", 1)
        header.setdefault("dossier", dossier)
        header["kamerstuk_number"] = number
    if header.get("dossier") and header.get("kamerstuk_number"):
        header["kamerstuk"] = f"{header['dossier']}-{header['kamerstuk_number']}"
