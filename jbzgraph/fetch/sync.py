"""Bring a cache folder up to date with a dossier: list, plan, download, withdraw.

:func:`plan` is pure: from what the two services list and what the cache holds it decides,
per document, to download, to record new metadata, to withdraw, or to leave it. A
published Kamerstuk is taken from officielebekendmakingen (its XML carries the structure),
any other document from the Tweede Kamer API; a document neither offers any more is
withdrawn, and the next build removes its letter from the store. :func:`fetch` carries the
plan out; the Tweede Kamer change cursor moves on only when every step of it succeeded,
so a run that failed or was killed is simply run again.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from jbzgraph.errors import FetchError
from jbzgraph.fetch.cache import Cache, Entry, now
from jbzgraph.fetch.http import Client, NotModified
from jbzgraph.fetch.model import Offer, Scope
from jbzgraph.fetch.sru import list_kamerstukken
from jbzgraph.fetch.tweedekamer import instant, list_documents

ORIGINS = ("sru", "tk")  # preferred first
EARLIEST = datetime.min.replace(tzinfo=timezone.utc)

Progress = Callable[[int, int | None, str], None]  # done, total (None while listing), what


@dataclass(frozen=True)
class Action:
    kind: str  # "download", "update" (metadata only), "withdraw"
    key: str
    offers: dict[str, Offer]
    entry: Entry | None = None
    offer: Offer | None = None  # what to download
    reason: str = ""


@dataclass
class FetchReport:
    listed: int = 0  # documents the services listed (changed ones only, for the API after a first run)
    downloaded: list[str] = field(default_factory=list)
    not_modified: list[str] = field(default_factory=list)  # conditional request answered 304
    updated: list[str] = field(default_factory=list)  # metadata only
    withdrawn: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    failed: list[FetchError] = field(default_factory=list)
    cached: int = 0
    requests: int = 0
    seconds: float = 0.0


def _by_key(offers: list[Offer]) -> dict[str, Offer]:
    """One offer per document: a live one over a deleted one, then the latest change."""
    chosen: dict[str, Offer] = {}
    for offer in offers:
        other = chosen.get(offer.key)
        if other is None or _rank(offer) > _rank(other):
            chosen[offer.key] = offer
    return chosen


def _rank(offer: Offer) -> tuple[bool, datetime]:
    return not offer.deleted, instant(offer.cursor) if offer.cursor else EARLIEST


def plan(scope: Scope, tk: list[Offer], sru: list[Offer], entries: dict[str, Entry]) -> list[Action]:
    """What to do for each document of the scope. ``sru`` is the complete listing of the
    scope (a Kamerstuk missing from it is no longer published); ``tk`` may hold only what
    changed since the last run, the cache's sidecars remember the rest."""
    tk_offers, sru_offers = _by_key(tk), _by_key(sru)
    label = scope.dossier.label
    keys = set(tk_offers) | set(sru_offers) | {k for k, e in entries.items() if e.dossier == label}
    actions = []
    for key in sorted(keys):
        entry = entries.get(key)
        offers = {origin: o for origin in ORIGINS if entry and (o := entry.offer(origin))}
        if key in tk_offers:
            offers["tk"] = tk_offers[key]
        if key in sru_offers:
            offers["sru"] = sru_offers[key]
        else:
            offers.pop("sru", None)
        day = next((o.date for o in offers.values() if o.date), entry.date if entry else None)
        kind = offers["tk"].kind if "tk" in offers else None
        if not scope.covers_date(day) or (scope.kinds and kind not in scope.kinds):
            continue  # outside this run's scope: left as it is
        live = [offers[o] for o in ORIGINS if o in offers and offers[o].url and not offers[o].deleted]
        if not live:
            if entry:
                deleted = "tk" in offers and offers["tk"].deleted
                actions.append(Action("withdraw", key, offers, entry,
                                      reason="deleted" if deleted else "no longer published"))
            continue
        best = live[0]
        if entry is None or (entry.origin, entry.url, entry.version) != (best.origin, best.url, best.version):
            actions.append(Action("download", key, offers, entry, best))
        elif {o: v.to_json() for o, v in offers.items()} != entry.offers:
            actions.append(Action("update", key, offers, entry))
    return actions


def _described(entry: Entry, offers: dict[str, Offer]) -> Entry:
    """The entry with what the services now say about the document."""
    tk, sru = offers.get("tk"), offers.get("sru")
    return replace(entry, offers={o: v.to_json() for o, v in offers.items()},
                   date=(sru and sru.date) or (tk and tk.date) or entry.date,
                   kind=(tk and tk.kind) or entry.kind,
                   title=(tk and tk.title) or (sru and sru.title) or entry.title)


def _download(action: Action, cache: Cache, client: Client, dossier: str, report: FetchReport) -> None:
    offer, entry = action.offer, action.entry
    same = entry is not None and entry.url == offer.url
    result = client.download(offer.url, cache.folder, offer.key, offer.content_type,
                             etag=entry.etag if same else None, last_modified=entry.last_modified if same else None)
    if isinstance(result, NotModified):
        cache.put(_described(replace(entry, version=offer.version, etag=result.etag,
                                     last_modified=result.last_modified, fetched_at=now()), action.offers))
        report.not_modified.append(action.key)
        return
    fresh = Entry(key=offer.key, file=result.path.name, origin=offer.origin, url=offer.url, version=offer.version,
                  sha256=result.sha256, size=result.size, content_type=result.content_type, dossier=dossier,
                  etag=result.etag, last_modified=result.last_modified)
    cache.put(_described(fresh, action.offers))
    report.downloaded.append(action.key)
    if entry is not None and entry.file != fresh.file:  # e.g. the published XML replaces a PDF
        cache.withdraw(entry, "superseded")
        report.withdrawn.append(entry.file)


def fetch(scope: Scope, cache_dir: Path | str, client: Client, base_url: str, sru_url: str,
          progress: Progress | None = None) -> FetchReport:
    """List the scope's documents on both services and bring the cache up to date.

    A listing that fails raises :class:`FetchError` (nothing is changed); a document that
    fails is reported and the others are fetched.
    """
    started = time.monotonic()
    report = FetchReport()
    tell = progress or (lambda done, total, what: None)
    with Cache(cache_dir) as cache:
        report.repaired = list(cache.repaired)
        tell(0, None, f"listing {scope.dossier.label}")
        tk, cursor = list_documents(client, base_url, scope, cache.cursor(scope.key))
        sru = list_kamerstukken(client, sru_url, scope)
        report.listed = len({o.key for o in tk} | {o.key for o in sru})
        actions = plan(scope, tk, sru, cache.entries)
        tell(0, len(actions), "")
        for done, action in enumerate(actions, 1):
            try:
                if action.kind == "download":
                    _download(action, cache, client, scope.dossier.label, report)
                elif action.kind == "update":
                    cache.put(_described(action.entry, action.offers))
                    report.updated.append(action.key)
                else:
                    cache.withdraw(action.entry, action.reason)
                    report.withdrawn.append(action.entry.file)
            except FetchError as exc:
                report.failed.append(exc)
            tell(done, len(actions), action.key)
        if not report.failed:
            cache.set_cursor(scope.key, cursor)
        cache.save()
        report.cached = len(cache.entries)
    report.requests = client.requests
    report.seconds = time.monotonic() - started
    return report
