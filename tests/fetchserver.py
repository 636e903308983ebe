"""A local stand-in for the two document services, on 127.0.0.1, for the fetch tests.

It answers as the real ones do, in their formats: the Tweede Kamer API's OData JSON pages
(``$filter`` on the dossier, dates, kinds and ``ApiGewijzigdOp``, paged by
``@odata.nextLink``), ``Document(<id>)/resource`` files with ETag and Last-Modified,
officielebekendmakingen's SRU searchRetrieve XML (gzd records, ``nextRecordPosition``)
and the files its records point to. And it fails on request: an HTTP error (with
Retry-After) before success, a body shorter than its Content-Length, a response that
stalls halfway, a malformed page. Every request is logged, so a test can count them.
"""

import hashlib
import json
import re
import threading
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlencode, urlsplit
from xml.sax.saxutils import escape

PAGE = 2  # entities per OData page and records per SRU page: every listing spans pages


@dataclass
class File:
    body: bytes
    content_type: str

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest() + '"'


@dataclass
class Record:
    """An officielebekendmakingen Kamerstuk: the SRU record and its XML manifestation."""

    identifier: str
    dossier: str
    sequence: int
    title: str
    date: str
    timestamp: str


@dataclass
class Service:
    documents: dict[str, dict] = field(default_factory=dict)  # TK Document entities by Id
    dossiers: dict[str, tuple[int, str | None]] = field(default_factory=dict)  # Id -> (Nummer, Toevoeging)
    records: dict[str, Record] = field(default_factory=dict)
    files: dict[str, File] = field(default_factory=dict)  # request path -> file
    failures: dict[str, list[tuple[int, str | None]]] = field(default_factory=dict)  # path -> (status, Retry-After)
    truncate: set[str] = field(default_factory=set)  # paths whose next body breaks off
    stall: dict[str, threading.Event] = field(default_factory=dict)  # path -> released when set
    stalled: threading.Event = field(default_factory=threading.Event)  # a stalled response is waiting
    malformed: set[str] = field(default_factory=set)  # listing paths that answer garbage
    log: list[tuple[str, str, float]] = field(default_factory=list)  # (path, query, time)
    clock: int = 0
    base: str = ""

    def tick(self) -> str:
        """The next ApiGewijzigdOp, as the service writes it (seven decimals, an offset)."""
        self.clock += 1
        return f"2026-06-20T10:{self.clock // 60:02d}:{self.clock % 60:02d}.1234567+02:00"

    def add_document(self, id_: str, dossier: tuple[int, str | None], number: str, sequence: int, kind: str,
                     title: str, date: str, body: bytes | None, content_type: str | None = "text/plain") -> None:
        stamp = self.tick()
        self.documents[id_] = {
            "Id": id_, "DocumentNummer": number, "Volgnummer": sequence, "Soort": kind, "Titel": title,
            "Onderwerp": title, "Datum": f"{date}T00:00:00+02:00", "GewijzigdOp": stamp[:27],
            "ApiGewijzigdOp": stamp, "Verwijderd": False,
            "ContentType": content_type if body is not None else None,
            "ContentLength": len(body) if body is not None else None}
        self.dossiers[id_] = dossier
        if body is not None:
            self.files[f"/odata/Document({id_})/resource"] = File(body, content_type)

    def change_document(self, id_: str, body: bytes | None = None, **fields) -> None:
        entity = self.documents[id_]
        stamp = self.tick()
        entity.update(fields, GewijzigdOp=stamp[:27], ApiGewijzigdOp=stamp)
        if body is not None:
            self.files[f"/odata/Document({id_})/resource"].body = body
            entity["ContentLength"] = len(body)

    def add_record(self, record: Record, body: bytes) -> None:
        self.records[record.identifier] = record
        self.files[f"/frbr/{record.identifier}.xml"] = File(body, "text/xml; charset=utf-8")

    def requests_to(self, prefix: str) -> list[str]:
        return [path for path, _, _ in self.log if path.startswith(prefix)]

    def downloads(self) -> list[str]:
        return [path for path, _, _ in self.log if path in self.files]


def _document_page(service: Service, query: dict[str, list[str]]) -> dict:
    text = query.get("$filter", [""])[0]
    number = re.search(r"d/Nummer eq (\d+)", text)
    suffix = re.search(r"d/Toevoeging eq '([^']*)'", text)
    after = re.search(r"ApiGewijzigdOp gt (\S+)", text)
    since = re.search(r"Datum ge (\S+)", text)
    until = re.search(r"Datum le (\S+)", text)
    kinds = re.findall(r"Soort eq '((?:[^']|'')*)'", text)
    chosen = []
    for id_, entity in service.documents.items():
        nummer, toevoeging = service.dossiers[id_]
        if number and nummer != int(number[1]) or suffix and toevoeging != suffix[1]:
            continue
        if after and entity["ApiGewijzigdOp"] <= after[1]:  # one clock, one format: text order is time order
            continue
        if since and entity["Datum"][:10] < since[1][:10] or until and entity["Datum"][:10] > until[1][:10]:
            continue
        if kinds and entity["Soort"] not in [k.replace("''", "'") for k in kinds]:
            continue
        chosen.append(entity)
    chosen.sort(key=lambda e: (e["ApiGewijzigdOp"], e["Id"]))
    skip = int(query.get("$skip", ["0"])[0])
    page = {"@odata.context": f"{service.base}/odata/$metadata#Document", "value": chosen[skip:skip + PAGE]}
    if skip + PAGE < len(chosen):
        rest = {k: v[0] for k, v in query.items() if k != "$skip"}
        page["@odata.nextLink"] = f"{service.base}/odata/Document?{urlencode({**rest, '$skip': skip + PAGE}, quote_via=quote)}"
    return page


def _sru_page(service: Service, query: dict[str, list[str]]) -> bytes:
    cql = query.get("query", [""])[0]
    dossier = re.search(r'w\.dossiernummer=="?([^" ]+)"?', cql)
    since = re.search(r"dt\.date>=(\S+)", cql)
    until = re.search(r"dt\.date<=(\S+)", cql)
    start = int(query.get("startRecord", ["1"])[0])
    size = min(int(query.get("maximumRecords", ["10"])[0]), PAGE)
    chosen = [r for r in service.records.values()
              if (not dossier or r.dossier == dossier[1]) and (not since or r.date >= since[1])
              and (not until or r.date <= until[1])]
    page = chosen[start - 1:start - 1 + size]
    records = "".join(_record_xml(service, r, start + i) for i, r in enumerate(page))
    more = f"<sru:nextRecordPosition>{start + size}</sru:nextRecordPosition>" if start - 1 + size < len(chosen) else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse" '
        'xmlns:gzd="http://standaarden.overheid.nl/sru" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:overheidwetgeving="http://standaarden.overheid.nl/wetgeving/" xmlns:c="http://standaarden.overheid.nl/collectie/">'
        f"<sru:version>2.0</sru:version><sru:numberOfRecords>{len(chosen)}</sru:numberOfRecords>"
        f"<sru:records>{records}</sru:records>{more}</sru:searchRetrieveResponse>").encode()


def _record_xml(service: Service, r: Record, position: int) -> str:
    return (
        "<sru:record><sru:recordSchema>http://standaarden.overheid.nl/sru/</sru:recordSchema><sru:recordData><gzd:gzd>"
        "<gzd:originalData><overheidwetgeving:meta><overheidwetgeving:owmskern>"
        f"<dcterms:identifier>{r.identifier}</dcterms:identifier><dcterms:title>{escape(r.title)}</dcterms:title>"
        f"<dcterms:type>Kamerstuk</dcterms:type><dcterms:modified>{r.date}</dcterms:modified>"
        "</overheidwetgeving:owmskern><overheidwetgeving:owmsmantel>"
        f"<dcterms:available>{r.date}</dcterms:available><dcterms:date>{r.date}</dcterms:date>"
        "</overheidwetgeving:owmsmantel><overheidwetgeving:tpmeta><c:product-area>officielepublicaties</c:product-area>"
        f"<overheidwetgeving:documenttitel>{escape(r.title)}</overheidwetgeving:documenttitel>"
        f"<overheidwetgeving:ondernummer>{r.sequence}</overheidwetgeving:ondernummer>"
        "<overheidwetgeving:publicatienaam>Kamerstuk</overheidwetgeving:publicatienaam>"
        f"<overheidwetgeving:dossiernummer>{r.dossier}</overheidwetgeving:dossiernummer>"
        "</overheidwetgeving:tpmeta></overheidwetgeving:meta></gzd:originalData><gzd:enrichedData>"
        f"<gzd:preferredUrl>https://zoek.officielebekendmakingen.nl/{r.identifier}.html</gzd:preferredUrl>"
        f'<gzd:itemUrl manifestation="xml">{service.base}/frbr/{r.identifier}.xml</gzd:itemUrl>'
        f"<gzd:timestamp>{r.timestamp}</gzd:timestamp>"
        f"</gzd:enrichedData></gzd:gzd></sru:recordData><sru:recordPosition>{position}</sru:recordPosition></sru:record>")


class Handler(BaseHTTPRequestHandler):
    service: Service

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        import time

        service = self.service
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        service.log.append((path, parts.query, time.monotonic()))
        if service.failures.get(path):
            status, wait = service.failures[path].pop(0)
            self.send_response(status)
            if wait is not None:
                self.send_header("Retry-After", wait)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path in service.malformed:
            return self._send(b'{"value": [{"Id": "half a page', "application/json")
        if path == "/odata/Document":
            return self._send(json.dumps(_document_page(service, query)).encode(), "application/json; odata.metadata=minimal")
        if path == "/sru":
            return self._send(_sru_page(service, query), "text/xml; charset=utf-8")
        file = service.files.get(path)
        if file is None:
            return self._send(b"not found", "text/plain", 404)
        if self.headers.get("If-None-Match") == file.etag:
            self.send_response(304)
            self.send_header("ETag", file.etag)
            self.end_headers()
            return
        self._send(file.body, file.content_type, etag=file.etag, path=path)

    def _send(self, body: bytes, content_type: str, status: int = 200, etag: str | None = None, path: str = "") -> None:
        service = self.service
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", formatdate(1_750_000_000, usegmt=True))
        self.end_headers()
        half = body[: len(body) // 2]
        if path in service.truncate:
            service.truncate.discard(path)
            self.wfile.write(half)
            self.close_connection = True
            return
        if path in service.stall:
            self.wfile.write(half)
            self.wfile.flush()
            service.stalled.set()
            service.stall[path].wait(60)
            try:
                self.wfile.write(body[len(half):])
            except OSError:
                pass  # the client was killed while it waited
            return
        self.wfile.write(body)


class Server:
    """The service on a free loopback port, in a thread, for a ``with`` block."""

    def __init__(self, service: Service):
        handler = type("BoundHandler", (Handler,), {"service": service})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        service.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.service = service
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def odata(self) -> str:
        return f"{self.service.base}/odata"

    @property
    def sru(self) -> str:
        return f"{self.service.base}/sru"

    def __enter__(self) -> "Server":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        for event in self.service.stall.values():
            event.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def kamerstuk_xml(text: str, dossier: str, sequence: int, dossier_title: str, date: str) -> bytes:
    """A letter as officielebekendmakingen publishes a Kamerstuk: the kst XML schema with
    dossier and document number, the letter's paragraphs as <al>."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    body = "".join(f"<al>{escape(p)}</al>" for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<officiele-publicatie>'
        f'<metadata><meta name="OVERHEIDop.dossiernummer" content="{dossier}"/>'
        f'<meta name="OVERHEIDop.ondernummer" content="{sequence}"/><meta name="DC.date" content="{date}"/></metadata>'
        f"<kamerstuk><dossier><dossiernummer><dossiernr>{dossier}</dossiernr></dossiernummer>"
        f"<titel>{escape(dossier_title)}</titel></dossier><stuk><stuknr><ondernummer>{sequence}</ondernummer></stuknr>"
        f"<brief>{body}</brief></stuk></kamerstuk></officiele-publicatie>\n").encode()
