"""People named by their role: "Commissaris Brunner", "voorzitter Von der Leyen", "motie Ram", "lid-Van Toorenburg".

The letters name most people after a title or in a motion's name. Dutch writes the
tussenvoegsel with a capital when no first name precedes it ("minister Van Weel"), which
is what keeps "de minister van Justitie" from reading as a person.
"""

import re
from dataclasses import dataclass

_PARTICLE = r"(?:(?:Van|De|Den|Der|Ter|Ten|Van der|Van den|Van de|Von der|Von|van|de|den|der|ter|ten|van der|van den|van de|von der|von)\s)"
_SURNAME = r"[A-Z][a-zà-ÿ']+(?:-[A-Z][a-zà-ÿ']+)?"
_INITIALS = r"(?:[A-Z]\.){1,4}\s?"
_FIRST = r"[A-Z][a-zà-ÿ]+\s"
# A capitalised particle may open a bare surname; a lower-case one needs a first name or initials.
_NAME = rf"(?:(?:{_INITIALS}|{_FIRST}){_PARTICLE}?{_SURNAME}|(?:Van|De|Den|Ter|Ten|Von)\s(?:(?:der|den|de)\s)?{_SURNAME}|{_SURNAME})"
TITLE_RE = re.compile(
    r"\b(?:Eurocommissaris|Commissaris|Secretaris-Generaal|Hoge Vertegenwoordiger|[Pp]resident|"
    r"[Mm]inister|[Ss]taatssecretaris|[Pp]remier|[Ee]erste [Mm]inister|[Kk]amerlid|lid-?|leden|fractie-|[Rr]apporteur|"
    r"[Mm]evrouw|[Dd]e heer|[Hh]oofdaanklager|"
    r"[Vv]oorzitter van de Europese (?:Raad|Commissie)|[Vv]oorzitter van het Europees Parlement|[Vv]oorzitter)\s?"
    rf"(?P<name>{_NAME})"
)
MOTION_RE = re.compile(
    rf"\b[Mm]otie[- ](?:van (?:het lid|de leden) )?(?P<names>{_NAME}(?:(?:\s*,\s*|\s+en\s+|/){_NAME})*)(?:\s+c\.s\.)?"
)
_SPLIT_NAMES = re.compile(r"\s*,\s*|\s+en\s+|/")
NOT_NAMES = {
    "Justitie", "Asiel", "Buitenlandse", "Binnenlandse", "Migratie", "Tweede", "Eerste", "Raad",
    "Europese", "Commissie", "Kamer", "Staten", "Het", "De", "Een", "Dit", "Deze", "Voor", "Van",
    "Over", "In", "Op", "Met", "Tot", "Zaken", "Economische", "Financiën", "Defensie", "Volksgezondheid",
    "Sociale", "Onderwijs", "Infrastructuur", "Landbouw", "Klimaat", "Algemene", "Dublin",
}


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str
    rule: str


def _keep(name: str) -> bool:
    return name.split()[-1] not in NOT_NAMES and name.split()[0] not in NOT_NAMES - {"Van", "De"}


def split_names(names: str) -> list[str]:
    """The people of a motion's name ("Rajkowski en Van Zanten", "Eerdmans/Van Hijum")."""
    return [part for part in _SPLIT_NAMES.split(names) if part and _keep(part)]


def find_persons(text: str) -> list[PersonMention]:
    found: list[PersonMention] = []
    for m in TITLE_RE.finditer(text):
        name = m["name"]
        if _keep(name):
            found.append(PersonMention(m.start("name"), m.end("name"), name, "person_after_title"))
    for m in MOTION_RE.finditer(text):
        pos = m.start("names")
        for part in _SPLIT_NAMES.split(m["names"]):
            start = text.index(part, pos)
            pos = start + len(part)
            if _keep(part):
                found.append(PersonMention(start, pos, part, "person_in_motion_name"))
    found.sort(key=lambda p: p.start)
    return found


PARTICLES = {"van", "de", "den", "der", "ter", "ten", "te", "op", "in", "'t"}


def family_name(name: str) -> str:
    """The surname with its particle, as Dutch cites it ("van Weel", "Brunner")."""
    tokens = name.split()
    for i, tok in enumerate(tokens[:-1]):
        if tok.lower() in PARTICLES and (i > 0 or tok[0].isupper()):
            return " ".join(tokens[i:])
    return tokens[-1] if tokens else ""
