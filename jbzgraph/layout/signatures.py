"""Signature blocks: an office line ("De Minister van Justitie en Veiligheid,") then a name.

Blank lines may separate the two, the "De" may be lost in extraction, offices may be in
lower case or capitals, and names carry initials, particles and academic titles. An office
line only counts when it stands on its own line (not a sentence that happens to start
"De minister van ...") and the next text line is name-shaped.
"""

import re

from jbzgraph.layout.clean import Line

ROLE_RE = re.compile(
    r"^(?:(?:De|de|DE)\s+)?(?P<role>(?:[Ff]ungerend\s+)?(?:[Mm]inister(?:-[Pp]resident)?|MINISTER(?:-PRESIDENT)?|[Ss]taatssecretaris|"
    r"STAATSSECRETARIS|[Ss]taatsecretaris|[Vv]oorzitter|VOORZITTER|(?:[Aa]djunct-)?[Gg]riffier|GRIFFIER|[Ss]ecretaris-[Gg]eneraal|"
    r"[Dd]irecteur(?:-[Gg]eneraal)?)\b[^.;:!?,]{0,90}?(?:,[^.;:!?,]{1,60}?)?)\s*(?P<comma>,)?$"
)  # (one comma inside: "De Minister voor Immigratie, Integratie en Asiel,")
# tkconv's page lists who signed: "- Eerste ondertekenaar: D. Yesilgöz-Zegerius, minister van Justitie en Veiligheid (VVD)"
SIGNER_RE = re.compile(r"(?:^|:)\s*-?\s*(?:Eerste|Mede) ondertekenaar: (?P<name>[^,]{3,60}), (?P<role>[^()]{3,120}?)\s*(?:\([^)]*\))?\s*$")
COMMITTEE_ROLE_RE = re.compile(r"^(?:[Ff]ungerend\s+)?(?:[Vv]oorzitter|[Gg]riffier)\b.*\b(?:commissie|verslag)\b")
ON_BEHALF_RE = re.compile(r"^(?:mede )?namens\b.{0,120},?$", re.IGNORECASE)  # "mede namens de Minister van …,"
CLOSING_RE = re.compile(r"^(?:Hoogachtend|Met vriendelijke groet(?:en)?|Met de meeste hoogachting),?$", re.IGNORECASE)
TITLE_RE = re.compile(r"^(?:mr|mw|mevr|dhr|drs|dr|ir|ing|prof|ds|bc)\.$|^(?:MSc|MA|BSc|LLM|LL\.M\.|MBA|PhD)$", re.IGNORECASE)
INITIALS_RE = re.compile(r"^(?:[A-Z][a-z]?\.-?)+$")
PARTICLES = {"van", "de", "den", "der", "te", "ter", "ten", "het", "von", "la", "le", "du", "da", "'t", "in", "op", "Van", "De", "Den", "Ter"}
CAPWORD_RE = re.compile(r"^(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*|[A-Z][A-Z'’]+(?:-[A-Z]+)*)$")
TOKEN_RE = re.compile(r"\S+")
MAX_NAME_TOKENS = 8
MAX_NAME_CHARS = 60


def name_span(text: str) -> tuple[int, int] | None:
    """The span of the person's name in a name-shaped line (titles left out), else None."""
    if len(text) > MAX_NAME_CHARS or text.endswith((",", ";", ":", "?", "!")):
        return None
    tokens = list(TOKEN_RE.finditer(text))
    if not tokens or len(tokens) > MAX_NAME_TOKENS:
        return None
    start = None
    capwords = 0
    for tok in tokens:
        word = tok.group(0)
        if TITLE_RE.match(word) and start is None:
            continue
        if INITIALS_RE.match(word) or word in PARTICLES:
            pass
        elif CAPWORD_RE.match(word):
            capwords += 1
        else:
            return None
        if start is None:
            start = tok.start()
    if start is None or capwords == 0:
        return None
    if text.endswith(".") and not INITIALS_RE.match(tokens[-1].group(0)):
        return None
    return start, len(text)


def _next_text(lines: list[Line], i: int) -> int:
    """Index of the next text line after ``i``, across blanks and dropped furniture."""
    j = i + 1
    while j < len(lines) and lines[j].role in ("blank", "drop", "note"):
        j += 1
    return j


def _prev_content(lines: list[Line], i: int) -> Line | None:
    """The line right before ``i`` when it is adjacent content (no blank in between)."""
    if i == 0 or lines[i - 1].role == "blank":
        return None
    return lines[i - 1]


def mark_signatures(lines: list[Line]) -> None:
    """Give office lines role "sig_role" and name lines "sig_name" (with the name span in extra)."""
    for i, line in enumerate(lines):
        if line.role != "text":
            continue
        if signer := SIGNER_RE.search(line.text):
            line.role = "sig_name"
            line.extra.update(role=signer["role"].strip(), name_from=signer.start("name"), name_to=signer.end("name"))
            continue
        if CLOSING_RE.match(line.text):
            line.role = "sig_role"
            continue
        m = ROLE_RE.match(line.text)
        if not m or (not m["comma"] and "," in line.text):
            _one_line(lines, i)
            continue
        prev = _prev_content(lines, i)
        j = _next_text(lines, i)
        # (a name in initials after it is sign enough, whatever line comes before: a fiche's title)
        initials = j < len(lines) and lines[j].role == "text" and bool(lines[j].text.split()) \
            and bool(INITIALS_RE.match(lines[j].text.split()[0]))
        if prev is not None and prev.role == "text" and not prev.text.endswith((".", "!", "?", ":", ")")) \
                and not (initials and m["comma"]):
            continue
        behalf = j if j < len(lines) and lines[j].role == "text" and ON_BEHALF_RE.match(lines[j].text) else None
        if behalf is not None:
            j = _next_text(lines, j)
        if j >= len(lines) or lines[j].role != "text":
            continue
        span = name_span(lines[j].text)
        if span is None or not (m["comma"] or INITIALS_RE.match(lines[j].text.split()[0] if lines[j].text.split() else "")):
            continue
        line.role = "sig_role"
        line.extra["role"] = m["role"].strip()
        if behalf is not None:
            lines[behalf].role = "sig_role"
        lines[j].role = "sig_name"
        lines[j].extra["name_span"] = span


def _one_line(lines: list[Line], i: int) -> None:
    """ "De Minister van Veiligheid en Justitie, I.W. Opstelten": office and name on one line,
    as officielebekendmakingen renders the signatures of a covering letter."""
    line = lines[i]
    head, comma, tail = line.text.rpartition(",")
    m = ROLE_RE.match(head + comma) if comma else None
    if not m or not m["comma"]:
        return
    offset = len(head) + 1 + (len(tail) - len(tail.lstrip()))
    span = name_span(tail.strip())
    # a committee's chair and clerk sign with their surname: "De griffier van de commissie, Buisman"
    committee = bool(COMMITTEE_ROLE_RE.match(m["role"]))
    if span is None or not (INITIALS_RE.match(tail.split()[0]) or committee):
        return
    line.role = "sig_name"
    line.extra["role"] = m["role"].strip()
    line.extra["name_from"] = offset
