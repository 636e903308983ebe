"""Dutch dates as these letters write them, resolved to calendar dates.

"8 en 9 december 2025", "5-6 maart a.s.", "11 december j.l.", "op 23 juli jl.",
"12 juni dit jaar", "13 14 oktober 2025": a day or a day range, a month, then a year, a
relative marker (jl. = last, a.s. = coming) or nothing. A date without a year is placed
in the year that makes it fall on the side of the reference date its marker says, or
nearest to it when there is no marker.
"""

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_RE = re.compile(
    rf"\b(?P<d1>[0-3]?\d)(?:\s*(?:-|–|en|t/m|tot en met|\s)\s*(?P<d2>[0-3]?\d))?\s+"
    rf"(?P<month>{_MONTH})\.?(?![a-z])"
    rf"(?:\s+(?P<year>(?:19|20)\d\d)\b"
    rf"|\s*(?P<last>j\.?\s?l\.?(?![a-z]))"
    rf"|\s*(?P<next>a\.?\s?s\.?(?![a-z]))"
    rf"|\s+(?P<this>dit jaar|van dit jaar)\b)?",
    re.IGNORECASE,
)
FULL_DATE_RE = re.compile(r"\b([0-3]?\d)[-./]([01]?\d)[-./]((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    first: date
    last: date  # == first for a single day
    rule: str  # explicit | numeric | last (jl.) | next (a.s.) | this_year | nearest

    @property
    def is_range(self) -> bool:
        return self.first != self.last


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _place_year(month: int, day: int, ref: date | None, rule: str, slack: int = 0) -> int | None:
    if ref is None:
        return None
    candidates = [y for y in (ref.year - 1, ref.year, ref.year + 1) if _safe_date(y, month, day)]
    if not candidates:
        return None
    if rule == "last":
        past = [y for y in candidates if (date(y, month, day) - ref).days <= slack]
        return max(past) if past else None
    if rule == "next":
        future = [y for y in candidates if date(y, month, day) >= ref]
        return min(future) if future else None
    if rule == "this_year":
        return ref.year
    return min(candidates, key=lambda y: abs((date(y, month, day) - ref).days))


def find_dates(text: str, ref: date | None, slack: int = 0) -> list[DateMention]:
    """All dates in ``text``; those without a year are resolved against ``ref``.

    ``slack``: when ``ref`` is only the latest date the text names (the letter's own date
    is unknown), the letter was written some time after it, so "23 februari jl." may lie
    up to ``slack`` days after ``ref``.
    """
    found: list[DateMention] = []
    for m in DATE_RE.finditer(text):
        month = MONTHS[m["month"].lower()]
        d1 = int(m["d1"])
        d2 = int(m["d2"]) if m["d2"] else d1
        if m["year"]:
            rule, year = "explicit", int(m["year"])
        else:
            rule = "last" if m["last"] else "next" if m["next"] else "this_year" if m["this"] else "nearest"
            year = _place_year(month, d1, ref, rule, slack)
            if year is None:
                continue
        first, last = _safe_date(year, month, d1), _safe_date(year, month, d2)
        if first is None or last is None or last < first:
            continue
        found.append(DateMention(m.start(), m.end(), m.group(0), first, last, rule))
    for m in FULL_DATE_RE.finditer(text):
        d = _safe_date(int(m[3]), int(m[2]), int(m[1]))
        if d:
            found.append(DateMention(m.start(), m.end(), m.group(0), d, d, "numeric"))
    found.sort(key=lambda x: x.start)
    return found


def parse_date(text: str, ref: date | None = None) -> date | None:
    """The first date in a short text such as a header's "17 december 2025"."""
    dates = find_dates(text, ref)
    return dates[0].first if dates else None


def latest_explicit_date(text: str) -> date | None:
    """A stand-in reference date for a letter that carries no date line."""
    explicit = [d.last for d in find_dates(text, None) if d.rule in ("explicit", "numeric")]
    return max(explicit) if explicit else None
