"""Citations of other documents, normalised to the contract's forms.

Kamerstukken come as "Kamerstuk 32317-973", "Kamerstuk 32 317, nr. 973", "32317- 978",
"Kamerstuk 21 501-20, nr. 2245", "vergaderjaar 2024–2025, 19 637, nr. 3324" or
"kst 29 344, nr 155", "32317 nr. 153"; all become ``dossier[-sub]-number`` ("Kamerstukken 22 112 en 34 481,
nr. 2142", one document in two dossiers, gives both). A Kamerstuk preceded by
"motie" in the same citation is a motion. EU documents: COM/C/SWD/JOIN references become
"COM(2025) 795"; act citations ("Verordening (EU) 2024/1351", "Richtlijn 2011/95/EU",
"Verordening (EG) nr. 810/2009") become CELEX numbers, and a CELEX number stands for itself,
also inside a EUR-Lex address ("…?uri=CELEX:52021PC0752", "CELEX%3A…"). Council documents
("documentnummer 14024/15", "Raadsdocument ST 9382/24"), the European Council's ("EUCO
8497/15"), procedure numbers ("2024/0315(COD)"), staff working documents and the Tweede
Kamer's document numbers ("2014D09901") are ``other``.
"""

import re
from dataclasses import dataclass

# (a budget chapter's roman numeral may follow with a space: "36 200 VI")
_DOSSIER = r"(?P<dossier>[1-3]\d\s?\d{3})(?:\s?-\s?(?P<sub>\d{1,2}|[A-Z]{1,3})(?![\d])|\s(?P<chapter>[IVXL]{1,5})(?=,))?"
KAMERSTUK_NR_RE = re.compile(
    _DOSSIER + r"(?:\s?/\s?\d{2}\s?\d{3})?\s?,?\s*(?:nr|nummer)(?P<plural>s)?\.?\s*(?P<nr>\d{1,5})\b"
    r"(?P<more>(?:\s*(?:,|en)\s*(?:nr\.?\s*)?\d{1,5}\b(?![/.-]\d))*)"
)  # ("nrs. 400 en 401", "nr. 2000 en nr. 2001": each a document)
MORE_NUMBERS_RE = re.compile(r"(?P<nr_word>nr\.?\s*)?(?P<n>\d{1,5})")
# The Eerste Kamer numbers its documents with letters: "Kamerstukken I 2021/22, 32317, NH"
KAMERSTUK_SENATE_RE = re.compile(
    r"(?=[Kk])\bKamerstuk(?:ken)?\s+I\b[^,()]{0,12},\s*" + _DOSSIER + r"\s?,\s*(?:nr\.?\s*)?(?P<nr>[A-Z]{1,3})\b")
# "Kamerstukken 22 112 en 34 481, nr. 2142": one document numbered in two dossiers (a BNC fiche
# in the fiches' dossier and the proposal's), both its numbers.
KAMERSTUK_PAIR_RE = re.compile(
    r"(?P<first>[1-3]\d\s?\d{3})\s+en\s+(?P<dossier>[1-3]\d\s?\d{3})\s?,\s*(?:nr|nummer)\.?\s*(?P<nr>\d{1,5})\b"
)
# A citation pattern that opens with a lookbehind or \b makes ``re`` try every position of
# the letter; a lookahead on the characters a citation can start with lets it skip the rest
# (measured: these four patterns 0.30 -> 0.13 s over a 100-letter corpus).
KAMERSTUK_DASH_RE = re.compile(
    r"(?=[1-3])(?<![\d/.-])(?P<dossier>[1-3]\d{4})(?:-(?P<sub>\d{2}))?\s?-\s?(?P<nr>\d{1,5})(?![\d/-])"
)
# (not when another document is named in between: "moties … ingediend tijdens het Commissiedebat (Kamerstuk …)")
MOTION_CUE_RE = re.compile(
    r"\bmoties?\b(?:(?!\.\s+[A-Z]|debat|brief|verslag|overleg|toezegging)[^;]){0,160}$", re.IGNORECASE)
EU_DOC_RE = re.compile(
    r"(?=[CSJ])\b(?P<series>COM|SWD|JOIN|C)(?:\s?\((?P<year>(?:19|20)\d\d)\)\s?|/(?P<slash_year>(?:19|20)\d\d)/)"
    r"(?P<nr>\d{1,5})(?:\s+final)?\b"
)  # "COM(2025) 795", and EUR-Lex's "COM/2018/631 final"
ACT_RE = re.compile(
    r"(?=[UuGgVvRrBbKkDdIiFf])\b"
    r"(?P<type>(?:[Uu]itvoerings|[Gg]edelegeerde\s|[Rr]aads)?(?:[Vv]erordening|[Rr]ichtlijn|[Bb]esluit|[Kk]aderbesluit|[Bb]eschikking)"
    r"(?:en)?|(?:Implementing\s|Delegated\s|Council\s)?(?:Regulation|Directive|Decision|Framework\sDecision)s?)"
    r"(?:\s+van de Raad)?\s*(?:\((?P<family>EU|EG|EEG|EC|EU, Euratom)\))?\s*(?P<nr_word>(?:nr|No)\.?\s*)?"
    r"(?P<a>\d{1,4})/(?P<b>\d{1,4})(?:\s?/\s?(?:EU|EG|EEG|EC|JBZ|JHA))?\b"
    r"(?P<more>(?:\s*(?:,|en|and)\s*(?:\((?:EU|EG|EC)\)\s*)?(?:nr\.?\s*)?\d{1,4}/\d{1,4}(?:/(?:EU|EG|EEG|EC|JBZ|JHA))?\b)*)"
)  # (an English title's "Regulation (EU) 2016/794"; a plural lists several: "Besluiten 2009/371/JBZ en 2005/681/JBZ")
MORE_ACTS_RE = re.compile(r"(?P<a>\d{1,4})/(?P<b>\d{1,4})")
CELEX_RE = re.compile(r"(?=[C3-5])(?<![\w%])(?:CELEX(?:[:\s]|%3A)*)?(?P<celex>[3-5](?:19|20)\d\d[A-Z]{1,2}\d{4})\b")
# Council documents: "documentnummer 14024/15", "Raadsdocument ST 9382/24", "st14670/15".
COUNCIL_DOC_RE = re.compile(
    r"(?=[DdRrSs])\b(?:(?:document(?:nummer)?|raadsdocument|doc\.)\s+(?:nr\.?\s*)?(?P<st>ST\s?)?|(?P<bare_st>ST\s?))"
    r"(?P<ref>\d{4,5}/\d{2})\b(?!/)", re.IGNORECASE)
# The Tweede Kamer's document numbers ("2014D09901"): tkconv and tweedekamer.nl name an
# annex's covering letter by them ("Bijlage bij: Verslag van de JBZ-raad … (2014D09901)").
TK_DOCUMENT_RE = re.compile(r"(?=[12])(?<![\w/])(?:19|20)\d\dD\d{5}\b")
EUCO_DOC_RE = re.compile(r"(?=E)\bEUCO\s+(?P<ref>\d{1,5}/\d{2})\b")  # the European Council's documents
# the legislative procedure's number: "2024/0315(COD)"
PROCEDURE_RE = re.compile(r"(?=[12])(?<![\d/])(?:19|20)\d\d/\d{4}\s?\((?:COD|CNS|NLE|APP|INI|BUD)\)")
# an address is also written without its scheme: "eur-lex.europa.eu/legal-content/…", "www.…"
URL_RE = re.compile(r"(?=[hHwWeE])(?:https?://|www\.|eur-lex\.europa\.eu/)[^\s<>\"'()]+[^\s<>\"'().,;:]",
                    re.IGNORECASE)
# "(Kamerstuk 22 112, 2962)": the number after the dossier without "nr."
KAMERSTUK_BARE_RE = re.compile(r"(?=[Kk])\bKamerstuk(?:ken)?\s+" + _DOSSIER + r"\s?,\s*(?P<nr>\d{1,5})\b(?![/.-]\d)")

# (framework decisions before decisions: the first word found in an act's type gives its letter)
CELEX_SECTOR_LETTER = {"kaderbesluit": "F", "framework decision": "F", "verordening": "R", "regulation": "R",
                       "richtlijn": "L", "directive": "L", "besluit": "D", "decision": "D", "beschikking": "D"}


@dataclass(frozen=True)
class RefMention:
    start: int
    end: int
    text: str
    kind: str  # kamerstuk | motion | com | celex | url | other
    ref: str
    rule: str


def _compact(s: str) -> str:
    return re.sub(r"\s+", "", s)


def act_celex(type_word: str, a: str, b: str, nr_word: bool) -> tuple[str, str]:
    """(CELEX, act number 'year/number') of an act citation.

    Old regulations are cited number/year after "nr." ("(EG) nr. 810/2009"); everything
    else year/number.
    """
    kind = " ".join(type_word.lower().split())
    sector = next(letter for word, letter in CELEX_SECTOR_LETTER.items() if word in kind)
    year, number = (b, a) if nr_word or (len(a) < 4 <= len(b)) else (a, b)
    if len(year) == 2:
        year = ("19" if int(year) > 50 else "20") + year
    return f"3{year}{sector}{int(number):04d}", f"{year}/{int(number)}"


def find_references(text: str, exclude: set[str] = frozenset()) -> list[RefMention]:
    """Every citation in ``text``; refs in ``exclude`` (the letter's own number) are skipped."""
    found: list[RefMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, kind: str, ref: str, rule: str) -> None:
        if ref in exclude or any(s < m.end() and m.start() < e for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(RefMention(m.start(), m.end(), m.group(0), kind, ref, rule))

    def also(m: re.Match, kind: str, refs, rule: str) -> None:
        """More documents one citation names ("nrs. 400 en 401"), on its span, not checked against it."""
        found.extend(RefMention(m.start(), m.end(), m.group(0), kind, ref, rule) for ref in refs if ref not in exclude)

    urls = list(URL_RE.finditer(text))
    for m in urls:
        add(m, "url", m.group(0), "url")
    for m in KAMERSTUK_PAIR_RE.finditer(text):
        also(m, "kamerstuk", (f"{_compact(dossier)}-{m['nr']}" for dossier in (m["first"], m["dossier"])), "kamerstuk_pair")
        taken.append((m.start(), m.end()))
    for regex, rule in ((KAMERSTUK_NR_RE, "kamerstuk_nr"), (KAMERSTUK_SENATE_RE, "kamerstuk_senate"),
                        (KAMERSTUK_BARE_RE, "kamerstuk_bare"), (KAMERSTUK_DASH_RE, "kamerstuk_dash")):
        for m in regex.finditer(text):
            sub = m["sub"] or m.groupdict().get("chapter")
            dossier = "-".join([_compact(m["dossier"])] + ([sub] if sub else []))
            kind = "motion" if MOTION_CUE_RE.search(text[max(0, m.start() - 170):m.start()]) else "kamerstuk"
            add(m, kind, f"{dossier}-{m['nr']}", rule)
            more = m.groupdict().get("more") or ""
            if more and found and found[-1].start == m.start():
                # after "nrs." every number is one; after "nr." only one that says "nr." again
                also(m, kind, (f"{dossier}-{n['n']}" for n in MORE_NUMBERS_RE.finditer(more) if m["plural"] or n["nr_word"]),
                     rule)
    for m in EU_DOC_RE.finditer(text):
        # a staff working document accompanies a proposal; it is none of the Commission's acts
        add(m, "other" if m["series"] == "SWD" else "com", f"{m['series']}({m['year'] or m['slash_year']}) {int(m['nr'])}",
            "eu_document")
    for m in ACT_RE.finditer(text):
        celex, _ = act_celex(m["type"], m["a"], m["b"], bool(m["nr_word"]))
        add(m, "celex", celex, "act_citation")
        if m["more"] and found and found[-1].start == m.start():
            also(m, "celex", (act_celex(m["type"], n["a"], n["b"], bool(m["nr_word"]))[0]
                              for n in MORE_ACTS_RE.finditer(m["more"])), "act_citation")
    for m in COUNCIL_DOC_RE.finditer(text):
        add(m, "other", ("st" if m["st"] or m["bare_st"] else "") + m["ref"], "council_document")
    for m in EUCO_DOC_RE.finditer(text):
        add(m, "other", f"EUCO {m['ref']}", "council_document")
    for m in TK_DOCUMENT_RE.finditer(text):
        add(m, "other", m.group(0), "tk_document")
    for m in PROCEDURE_RE.finditer(text):
        add(m, "other", m.group(0).replace(" ", ""), "procedure_number")
    url_spans = [(m.start(), m.end()) for m in urls]
    taken[:] = [t for t in taken if t not in url_spans]  # a EUR-Lex address names its CELEX number ("uri=CELEX:…")
    for m in CELEX_RE.finditer(text):
        add(m, "celex", m["celex"], "celex")
    found.sort(key=lambda r: r.start)
    return found
