"""List a dossier's published Kamerstukken from officielebekendmakingen (KOOP's SRU
repository, see :mod:`jbzgraph.fetch.names`).

The whole dossier is listed on every run (a hundred records a page, ten pages for
32317): the repository has no deletion marker, so a Kamerstuk that is no longer listed
is one that was withdrawn. Each record's enrichedData timestamp tells whether its file
changed, so an unchanged Kamerstuk costs no download.
"""

import xml.etree.ElementTree as ET

from jbzgraph.errors import FetchError
from jbzgraph.fetch import names as n
from jbzgraph.fetch.http import Client
from jbzgraph.fetch.model import Offer, Scope

MANIFESTATION_TYPES = {"xml": "application/xml", "pdf": "application/pdf", "html": "text/html"}


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def cql(scope: Scope) -> str:
    """The CQL query for a scope's Kamerstukken."""
    parts = [f"c.product-area=={n.SRU_COLLECTION}", f"dt.type=={n.SRU_TYPE}",
             f'w.dossiernummer=="{scope.dossier.label}"']
    if scope.since:
        parts.append(f"dt.date>={scope.since.isoformat()}")
    if scope.until:
        parts.append(f"dt.date<={scope.until.isoformat()}")
    return " and ".join(parts)


def parse_page(body: bytes, url: str) -> tuple[list[dict], int | None]:
    """The records of one searchRetrieve response (each a dict of the fields read, with
    ``manifestations``), and the position of the next page."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise FetchError(url, f"malformed page: not XML ({exc})") from None
    if local(root.tag) != "searchRetrieveResponse":
        raise FetchError(url, f"malformed page: <{local(root.tag)}> is no SRU searchRetrieveResponse")
    for element in root.iter():
        if local(element.tag) == n.SRU_DIAGNOSTIC:
            message = " ".join(t.strip() for t in element.itertext() if t.strip())
            raise FetchError(url, f"the repository refused the query: {message}")
    records = []
    next_position = None
    for element in root:
        name = local(element.tag)
        if name == n.SRU_NEXT and (element.text or "").strip().isdigit():
            next_position = int(element.text)
        elif name == "records":
            records.extend(_record(r) for r in element if local(r.tag) == n.SRU_RECORD)
    return records, next_position


def _record(record: ET.Element) -> dict:
    wanted = (n.SRU_IDENTIFIER, n.SRU_TITLE, n.SRU_DATE, n.SRU_MODIFIED, n.SRU_DOSSIER, n.SRU_SEQUENCE,
              n.SRU_DOCUMENT_TITLE, n.SRU_TIMESTAMP)
    fields: dict = {"manifestations": {}}
    for element in record.iter():
        name = local(element.tag)
        text = (element.text or "").strip()
        if name == n.SRU_ITEM_URL and text:
            fields["manifestations"].setdefault(element.get("manifestation", ""), text)
        elif name in wanted and text and name not in fields:
            fields[name] = text
    return fields


def offer(fields: dict, scope: Scope) -> Offer | None:
    """A record as the file it offers: its best manifestation. None for a record of
    another dossier (the index matches loosely) or without a file."""
    identifier = fields.get(n.SRU_IDENTIFIER, "")
    if fields.get(n.SRU_DOSSIER) != scope.dossier.label or not identifier.startswith("kst-"):
        return None
    manifestations = fields["manifestations"]
    kind = next((m for m in n.SRU_MANIFESTATIONS if m in manifestations), None)
    if kind is None:
        return None
    return Offer(
        key=identifier,
        origin="sru",
        url=manifestations[kind],
        version=fields.get(n.SRU_TIMESTAMP) or fields.get(n.SRU_MODIFIED) or "",
        content_type=MANIFESTATION_TYPES[kind],
        date=fields.get(n.SRU_DATE),
        title=fields.get(n.SRU_DOCUMENT_TITLE) or fields.get(n.SRU_TITLE),
        meta=fields,
    )


def list_kamerstukken(client: Client, sru_url: str, scope: Scope) -> list[Offer]:
    """Every published Kamerstuk of the scope, one offer each."""
    found: dict[str, Offer] = {}
    start = 1
    while True:
        params = {"operation": "searchRetrieve", "version": "2.0", "query": cql(scope),
                  "startRecord": start, "maximumRecords": n.SRU_PAGE_SIZE}
        response = client.get(sru_url, params)
        records, next_position = parse_page(response.content, str(response.url))
        for fields in records:
            item = offer(fields, scope)
            if item:
                found.setdefault(item.key, item)
        if not next_position or not records:
            return list(found.values())
        if next_position <= start:
            raise FetchError(str(response.url), f"malformed page: next record position {next_position} goes back")
        start = next_position
