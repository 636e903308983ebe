"""List a dossier's documents from the Tweede Kamer open-data API (OData, see
:mod:`jbzgraph.fetch.names` for the version and names).

A first run lists every document of the dossier; later runs ask only for what changed
since the newest ``ApiGewijzigdOp`` seen, deleted documents included (the API keeps them,
flagged ``Verwijderd``), so a re-run costs one page when nothing changed.
"""

import json
import re
from collections.abc import Iterator
from datetime import datetime, timezone

from jbzgraph.errors import FetchError
from jbzgraph.fetch import names as n
from jbzgraph.fetch.http import Client
from jbzgraph.fetch.model import Offer, Scope

FIELDS = (n.ID, n.DOCUMENT_NUMBER, n.SEQUENCE, n.KIND, n.TITLE, n.SUBJECT, n.DATE, n.CHANGED,
          n.API_CHANGED, n.DELETED, n.CONTENT_TYPE, n.CONTENT_LENGTH)


def quoted(text: str) -> str:
    """An OData string literal."""
    return "'" + text.replace("'", "''") + "'"


def document_filter(scope: Scope, cursor: str | None) -> str:
    """The $filter for a scope's documents changed after ``cursor`` (all, without one)."""
    dossier = scope.dossier
    inner = f"d/{n.DOSSIER_NUMBER} eq {dossier.number}"
    if dossier.suffix:
        inner += f" and d/{n.DOSSIER_SUFFIX} eq {quoted(dossier.suffix)}"
    parts = [f"{n.DOSSIER_NAV}/any(d: {inner})"]
    if scope.since:
        parts.append(f"{n.DATE} ge {scope.since.isoformat()}T00:00:00Z")
    if scope.until:
        parts.append(f"{n.DATE} le {scope.until.isoformat()}T23:59:59Z")
    if scope.kinds:
        parts.append("(" + " or ".join(f"{n.KIND} eq {quoted(k)}" for k in scope.kinds) + ")")
    if cursor:
        parts.append(f"{n.API_CHANGED} gt {cursor}")
    return " and ".join(parts)


def pages(client: Client, url: str, params: dict | None) -> Iterator[list[dict]]:
    """Each page's entities, following @odata.nextLink to the end."""
    while url:
        response = client.get(url, params)
        try:
            body = json.loads(response.content)
        except ValueError as exc:
            raise FetchError(str(response.url), f"malformed page: not JSON ({exc})") from None
        if not isinstance(body, dict) or not isinstance(body.get(n.VALUE), list) \
                or not all(isinstance(e, dict) for e in body[n.VALUE]):
            raise FetchError(str(response.url), f"malformed page: no '{n.VALUE}' list of entities")
        yield body[n.VALUE]
        url, params = body.get(n.NEXT_LINK), None


def offer(entity: dict, scope: Scope, base_url: str) -> Offer:
    """One Document entity as the file it offers. A numbered Kamerstuk is keyed as
    officielebekendmakingen keys it, so both services' copies meet under one name."""
    if not entity.get(n.ID):
        raise FetchError(base_url, f"malformed page: a {n.DOCUMENT} without {n.ID}")
    sequence = entity.get(n.SEQUENCE)
    if isinstance(sequence, int) and sequence > 0:
        key = scope.dossier.kamerstuk(sequence)
    else:
        key = entity.get(n.DOCUMENT_NUMBER) or entity[n.ID]
    has_file = bool(entity.get(n.CONTENT_TYPE)) and (entity.get(n.CONTENT_LENGTH) or 0) != 0
    return Offer(
        key=key,
        origin="tk",
        url=f"{base_url.rstrip('/')}/{n.DOCUMENT}({entity[n.ID]})/{n.RESOURCE}" if has_file else "",
        version=str(entity.get(n.CHANGED) or entity.get(n.API_CHANGED) or ""),
        content_type=entity.get(n.CONTENT_TYPE),
        size=entity.get(n.CONTENT_LENGTH),
        date=(entity.get(n.DATE) or "")[:10] or None,
        kind=entity.get(n.KIND),
        title=entity.get(n.TITLE) or entity.get(n.SUBJECT),
        deleted=bool(entity.get(n.DELETED)),
        cursor=entity.get(n.API_CHANGED),
        meta={k: entity.get(k) for k in FIELDS if k in entity},
    )


def instant(stamp: str) -> datetime:
    """An API timestamp as a comparable instant (.NET writes seven decimals, Python reads six;
    a stamp without offset is taken as UTC)."""
    text = re.sub(r"(\.\d{6})\d+", r"\1", stamp.strip()).replace("Z", "+00:00")
    try:
        found = datetime.fromisoformat(text)
    except ValueError:
        raise FetchError(None, f"malformed page: {n.API_CHANGED} {stamp!r} is not a timestamp") from None
    return found if found.tzinfo else found.replace(tzinfo=timezone.utc)


def list_documents(client: Client, base_url: str, scope: Scope, cursor: str | None) -> tuple[list[Offer], str | None]:
    """The scope's documents changed after ``cursor``, and the cursor to continue from."""
    params = {"$filter": document_filter(scope, cursor), "$select": ",".join(FIELDS),
              "$orderby": f"{n.API_CHANGED},{n.ID}"}
    found: list[Offer] = []
    newest = cursor
    for page in pages(client, f"{base_url.rstrip('/')}/{n.DOCUMENT}", params):
        for entity in page:
            item = offer(entity, scope, base_url)
            found.append(item)
            if item.cursor and (newest is None or instant(item.cursor) > instant(newest)):
                newest = item.cursor
    return found, newest
