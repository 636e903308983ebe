"""The local cache of a fetch: each document file beside a JSON sidecar with its metadata,
and a manifest (:mod:`jbzgraph.fetch.manifest`).

The sidecars are the record: one is written (whole, by rename) after its file is in place,
and the cache is read back from them, so a fetch killed at any point leaves a cache the
next run reads correctly. On opening, the cache takes a lock (one fetch per folder),
removes the ``.part`` files of downloads that never finished, re-checks every file against
its sidecar's checksum, and settles what a crash may have left half done: two files for
one document (the newer stays), a withdrawal whose file was not yet removed.
"""

import fcntl
import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from jbzgraph.errors import FetchError
from jbzgraph.fetch.manifest import FORMAT, MANIFEST, SIDECAR, read_manifest, sidecar_path, write_json
from jbzgraph.fetch.model import Offer
from jbzgraph.fetch.names import SRU_VERSION, TK_API_VERSION


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


@dataclass
class Entry:
    """One cached document: its file, where it came from, and what each service said of it."""

    key: str
    file: str
    origin: str
    url: str
    version: str
    sha256: str
    size: int
    content_type: str
    dossier: str
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str = field(default_factory=now)
    date: str | None = None
    kind: str | None = None
    title: str | None = None
    offers: dict[str, dict] = field(default_factory=dict)  # origin -> Offer.to_json()

    def offer(self, origin: str) -> Offer | None:
        data = self.offers.get(origin)
        return Offer.from_json(data) if data else None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Cache:
    """A cache folder, locked for the lifetime of this object (see :meth:`close`)."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock = open(self.folder / ".lock", "w")
        except OSError as exc:
            raise FetchError(self.folder, f"cannot use as cache: {exc.strerror}") from None
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise FetchError(self.folder, "another fetch is using this cache") from None
        self.manifest = read_manifest(self.folder)
        self.manifest.setdefault("withdrawn", {})
        self.manifest.setdefault("cursors", {})
        self.repaired: list[str] = []  # files that failed their checksum or lost their sidecar
        self.entries: dict[str, Entry] = {}
        for part in self.folder.glob(".*.part"):
            part.unlink(missing_ok=True)
        self.entries = self._load()

    def close(self) -> None:
        self._lock.close()

    def __enter__(self) -> "Cache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _load(self) -> dict[str, Entry]:
        entries: dict[str, Entry] = {}
        for side in sorted(self.folder.glob(f"*{SIDECAR}")):
            if side.name == MANIFEST:
                continue
            try:
                entry = Entry(**json.loads(side.read_text(encoding="utf-8")))
            except (OSError, ValueError, TypeError):
                side.unlink(missing_ok=True)  # a sidecar is written by rename, so this is not ours
                continue
            file = self.folder / entry.file
            if not file.is_file() or sha256_of(file) != entry.sha256:
                self._drop_damaged(file, entry.key)
                side.unlink(missing_ok=True)
                continue
            gone = self.manifest["withdrawn"].get(entry.file)
            if gone and gone.get("at", "") > entry.fetched_at:
                self._delete(entry)  # withdrawn after it was fetched: finish the withdrawal
                continue
            if gone:
                del self.manifest["withdrawn"][entry.file]  # fetched again after it was withdrawn
            other = entries.get(entry.key)
            if other:  # a crash between fetching a better copy and withdrawing the old one
                older, entry = sorted((other, entry), key=lambda e: e.fetched_at)
                self.withdraw(older, "superseded", save=False)
            entries[entry.key] = entry
        known = {e.file for e in entries.values()}
        for stray in self.folder.iterdir():
            # A file without a sidecar was killed between its rename and its sidecar's: it
            # is fetched again if it is still wanted. The folder belongs to the fetch.
            if stray.is_file() and not stray.name.startswith(".") and stray.name != MANIFEST \
                    and not stray.name.endswith(SIDECAR) and stray.name not in known:
                self._drop_damaged(stray, stray.name.split(".")[0])
        self.entries = entries
        self.save()
        return entries

    def _drop_damaged(self, file: Path, key: str) -> None:
        """Remove a file that fails its checksum or has no sidecar. Its letter may be in a
        store already, so it is listed as withdrawn until it is fetched again."""
        self.repaired.append(file.name)
        file.unlink(missing_ok=True)
        self.manifest["withdrawn"][file.name] = {"key": key, "reason": "damaged", "at": now()}

    def path(self, entry: Entry) -> Path:
        return self.folder / entry.file

    def put(self, entry: Entry) -> None:
        """Record a document whose file is in place (written by the HTTP client)."""
        write_json(sidecar_path(self.path(entry)), asdict(entry))
        self.entries[entry.key] = entry
        if self.manifest["withdrawn"].pop(entry.file, None):
            self.save()

    def withdraw(self, entry: Entry, reason: str, save: bool = True) -> None:
        """Mark a document's letter for removal from the store, then remove its file."""
        self.manifest["withdrawn"][entry.file] = {"key": entry.key, "reason": reason, "at": now()}
        if save:
            self.save()
        self._delete(entry)
        if self.entries.get(entry.key) is entry:
            del self.entries[entry.key]

    def _delete(self, entry: Entry) -> None:
        self.path(entry).unlink(missing_ok=True)
        sidecar_path(self.path(entry)).unlink(missing_ok=True)

    def cursor(self, scope_key: str) -> str | None:
        return self.manifest["cursors"].get(scope_key)

    def set_cursor(self, scope_key: str, cursor: str | None) -> None:
        if cursor:
            self.manifest["cursors"][scope_key] = cursor

    def save(self) -> None:
        """Write the manifest: the document index, the withdrawn letters, the cursors."""
        entries = self.entries
        self.manifest.update({
            "format": FORMAT,
            "services": {"tweedekamer": TK_API_VERSION, "officielebekendmakingen": SRU_VERSION},
            "documents": {e.file: {"key": e.key, "origin": e.origin, "date": e.date, "kind": e.kind,
                                   "title": e.title, "dossier": e.dossier, "sha256": e.sha256, "size": e.size}
                          for e in sorted(entries.values(), key=lambda e: e.file)},
        })
        write_json(self.folder / MANIFEST, self.manifest)

