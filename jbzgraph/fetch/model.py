"""What the fetch step passes around: the dossier asked for, the part of it a run covers,
and the files the services offer for each document."""

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from jbzgraph.errors import FetchError

DOSSIER_RE = re.compile(r"^(\d{4,6})(?:-([A-Za-z0-9]{1,8}))?$")


@dataclass(frozen=True)
class Dossier:
    """A Kamerstuk dossier: 32317, or 21501-20 (number and the suffix the API calls
    Toevoeging)."""

    number: int
    suffix: str | None = None

    @classmethod
    def parse(cls, text: str) -> "Dossier":
        found = DOSSIER_RE.match(text.strip())
        if not found:
            raise FetchError(None, f"not a dossier number: {text!r} (expected e.g. 32317 or 21501-20)")
        return cls(int(found[1]), found[2])

    @property
    def label(self) -> str:
        return f"{self.number}-{self.suffix}" if self.suffix else str(self.number)

    def kamerstuk(self, sequence: int | str) -> str:
        """The key a Kamerstuk of this dossier goes by everywhere: officielebekendmakingen's
        identifier, kst-32317-964."""
        return f"kst-{self.label}-{sequence}"


@dataclass(frozen=True)
class Scope:
    """The part of a dossier one run covers: a date range and document kinds."""

    dossier: Dossier
    since: date | None = None
    until: date | None = None
    kinds: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Change cursors are kept per scope: a run over other kinds or dates must not start
        from a cursor that skipped what it asks for."""
        return "|".join([self.dossier.label, str(self.since or ""), str(self.until or ""), ",".join(sorted(self.kinds))])

    def covers_date(self, day: str | None) -> bool:
        if not day:
            return self.since is None and self.until is None
        day = day[:10]
        return (self.since is None or day >= self.since.isoformat()) and (self.until is None or day <= self.until.isoformat())


@dataclass(frozen=True)
class Offer:
    """One file a service offers for a document, and what identifies its version."""

    key: str  # kst-32317-964, or the Tweede Kamer document number when it is no Kamerstuk
    origin: str  # "sru" (officielebekendmakingen) or "tk" (Tweede Kamer API)
    url: str
    version: str  # changes when the file does: GewijzigdOp, the SRU record's timestamp
    content_type: str | None = None
    size: int | None = None
    date: str | None = None
    kind: str | None = None
    title: str | None = None
    deleted: bool = False
    cursor: str | None = None  # the Tweede Kamer API's ApiGewijzigdOp
    meta: dict = field(default_factory=dict, compare=False)  # the service's own record

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Offer":
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__ if k in data})
