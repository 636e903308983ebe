"""A polite HTTP client: a request rate it never exceeds, retries with exponential backoff
on 5xx, 429 and broken connections (honouring Retry-After), conditional requests, and
downloads that reach their final name only whole and checked.

A download is streamed into a hidden temporary file in the destination folder (the same
file system, so the final ``os.replace`` is atomic), checked against the Content-Length the
server announced, the content type asked for and the file's own signature, and only then
renamed. A killed or failed download leaves at most a ``.part`` file, which the cache
removes on its next run.
"""

import email.utils
import hashlib
import os
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from jbzgraph import __version__
from jbzgraph.errors import FetchError

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 120.0  # seconds: a longer wait is the server saying "not today"
USER_AGENT = f"jbzgraph/{__version__} (a research tool fetching Kamerstukken; polite by default)"

# Content types and the first bytes of files of that type.
EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/msword": ".doc",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
}
SIGNATURES = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".xml": (b"<",),
    ".html": (b"<",),
}


def base_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def extension(content_type: str | None, url: str = "") -> str:
    """The file extension for a content type, else the URL's, else .bin."""
    found = EXTENSIONS.get(base_type(content_type))
    if found:
        return found
    suffix = Path(url.split("?")[0]).suffix.lower()
    return suffix if suffix in SIGNATURES or suffix in (".txt",) else ".bin"


@dataclass(frozen=True)
class Downloaded:
    path: Path
    sha256: str
    size: int
    content_type: str
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class NotModified:
    """The server answered 304: the file in the cache is current."""

    etag: str | None
    last_modified: str | None


class Retry(Exception):
    """A transient failure: try again after ``wait`` seconds (None: the backoff decides)."""

    def __init__(self, problem: str, wait: float | None = None):
        super().__init__(problem)
        self.problem = problem
        self.wait = wait


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return min(max(when.timestamp() - time.time(), 0.0), MAX_RETRY_AFTER)


class RateLimiter:
    """At most ``rate`` request starts per second, across every request of a client."""

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.clock, self.sleep = clock, sleep
        self.next_at = 0.0
        self.lock = threading.Lock()

    def wait(self) -> None:
        with self.lock:
            now = self.clock()
            if self.next_at > now:
                self.sleep(self.next_at - now)
                now = self.next_at
            self.next_at = now + self.interval


class Client:
    """One polite HTTP session; every request of a fetch goes through it."""

    def __init__(self, rate: float = 2.0, retries: int = 5, backoff: float = 1.0, timeout: float = 60.0,
                 transport: httpx.BaseTransport | None = None):
        self.limiter = RateLimiter(rate)
        self.retries = retries
        self.backoff = backoff
        self.requests = 0
        self.http = httpx.Client(timeout=httpx.Timeout(timeout, connect=min(timeout, 15.0)),
                                 headers={"User-Agent": USER_AGENT}, follow_redirects=True, transport=transport)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _attempts(self, url: str, attempt: Callable[[], object]):
        """Run ``attempt`` until it returns, retrying what :class:`Retry` marks transient."""
        for n in range(self.retries + 1):
            self.limiter.wait()
            self.requests += 1
            try:
                return attempt()
            except Retry as transient:
                if n == self.retries:
                    raise FetchError(url, f"{transient.problem} (gave up after {n + 1} attempts)") from None
                wait = transient.wait if transient.wait is not None else self.backoff * 2 ** n
                time.sleep(wait)
            except httpx.TimeoutException:
                if n == self.retries:
                    raise FetchError(url, f"timed out (gave up after {n + 1} attempts)") from None
                time.sleep(self.backoff * 2 ** n)
            except httpx.TransportError as exc:
                if n == self.retries:
                    raise FetchError(url, f"connection failed: {exc} (gave up after {n + 1} attempts)") from None
                time.sleep(self.backoff * 2 ** n)
        raise AssertionError("unreachable")

    @staticmethod
    def _check_status(response: httpx.Response) -> None:
        if response.status_code in RETRY_STATUS:
            raise Retry(f"HTTP {response.status_code}", retry_after(response.headers.get("Retry-After")))
        if response.status_code >= 400:
            raise FetchError(str(response.url), f"HTTP {response.status_code} {response.reason_phrase}")

    def get(self, url: str, params: dict | None = None) -> httpx.Response:
        """A listing page, read whole; retried when transient."""

        def attempt() -> httpx.Response:
            response = self.http.get(url, params=params)
            self._check_status(response)
            return response

        return self._attempts(url, attempt)

    def download(self, url: str, folder: Path, stem: str, expected_type: str | None = None,
                 etag: str | None = None, last_modified: str | None = None) -> Downloaded | NotModified:
        """Fetch ``url`` into ``folder/stem.<ext>`` whole and checked, or learn it is unchanged.

        ``etag``/``last_modified`` make the request conditional. The extension follows the
        content type the server sends; a type other than ``expected_type`` is refused.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified

        def attempt() -> Downloaded | NotModified:
            with self.http.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return NotModified(response.headers.get("ETag", etag),
                                       response.headers.get("Last-Modified", last_modified))
                self._check_status(response)
                return self._save(response, url, folder, stem, expected_type)

        return self._attempts(url, attempt)

    def _save(self, response: httpx.Response, url: str, folder: Path, stem: str, expected_type: str | None) -> Downloaded:
        got_type = base_type(response.headers.get("Content-Type")) or base_type(expected_type)
        if expected_type and not _compatible(got_type, base_type(expected_type)):
            raise FetchError(url, f"expected {base_type(expected_type)}, the server sent {got_type or 'no content type'}")
        ext = extension(got_type, url)
        announced = response.headers.get("Content-Length")
        digest = hashlib.sha256()
        size = 0
        handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{stem}{ext}.", suffix=".part", delete=False)
        temp = Path(handle.name)
        try:
            with handle:
                try:
                    for chunk in response.iter_bytes():
                        handle.write(chunk)
                        digest.update(chunk)
                        size += len(chunk)
                except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
                    raise Retry(f"download broke off after {size} bytes ({exc})") from None
                handle.flush()
                os.fsync(handle.fileno())
            if announced is not None and announced.isdigit() and int(announced) != size:
                raise Retry(f"truncated download: {size} of {announced} bytes")
            if size == 0:
                raise FetchError(url, "the server sent an empty file")
            with temp.open("rb") as read:
                head = read.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
            if ext in SIGNATURES and not head.startswith(SIGNATURES[ext]):
                raise FetchError(url, f"content is not a {ext[1:].upper()} file (starts {head[:8]!r})")
            final = folder / f"{stem}{ext}"
            os.replace(temp, final)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return Downloaded(final, digest.hexdigest(), size, got_type, response.headers.get("ETag"),
                          response.headers.get("Last-Modified"))


def _compatible(got: str, expected: str) -> bool:
    """XML comes as text/xml or application/xml; every other type must match."""
    if got == expected:
        return True
    xml = {"text/xml", "application/xml"}
    return got in xml and expected in xml
