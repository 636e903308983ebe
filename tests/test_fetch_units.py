"""The fetch step's pure parts: which copy of a document to keep, the queries sent, the
rate limit, Retry-After, dossier numbers, and the build's summary and table."""

from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from jbzgraph.cli import TABLE_UP_TO, _letter_table, _summary
from jbzgraph.errors import FetchError
from jbzgraph.fetch.cache import Entry
from jbzgraph.fetch.http import RateLimiter, extension, retry_after
from jbzgraph.fetch.model import Dossier, Offer, Scope
from jbzgraph.fetch.sru import cql, parse_page
from jbzgraph.fetch.sync import plan
from jbzgraph.fetch.tweedekamer import document_filter, instant
from jbzgraph.pipeline import BuildReport, BuiltLetter

SCOPE = Scope(Dossier(32317))


def tk(key="kst-32317-1", version="v1", **kw) -> Offer:
    return Offer(key=key, origin="tk", url=f"http://tk/{key}", version=version, kind="Brief regering",
                 date="2025-06-01", cursor="2026-06-20T10:00:00.1234567+02:00", **kw)


def sru(key="kst-32317-1", version="t1") -> Offer:
    return Offer(key=key, origin="sru", url=f"http://sru/{key}.xml", version=version, date="2025-06-01")


def cached(offer: Offer, file: str, others=()) -> Entry:
    return Entry(key=offer.key, file=file, origin=offer.origin, url=offer.url, version=offer.version, sha256="x",
                 size=1, content_type="text/plain", dossier="32317", date=offer.date, kind=offer.kind,
                 offers={o.origin: o.to_json() for o in (offer, *others)})


def kinds(actions):
    return [(a.kind, a.key, a.offer.origin if a.offer else a.reason) for a in actions]


def test_plan_prefers_the_published_kamerstuk_and_downloads_what_is_new():
    assert kinds(plan(SCOPE, [tk()], [sru()], {})) == [("download", "kst-32317-1", "sru")]
    assert kinds(plan(SCOPE, [tk()], [], {})) == [("download", "kst-32317-1", "tk")]


def test_plan_leaves_an_unchanged_document_and_records_new_metadata_without_a_request():
    entry = cached(tk(), "kst-32317-1.txt")
    assert plan(SCOPE, [], [], {entry.key: entry}) == []  # the API listed nothing new
    assert plan(SCOPE, [tk()], [], {entry.key: entry}) == []
    retitled = Offer(**{**tk().to_json(), "title": "new title"})
    assert kinds(plan(SCOPE, [retitled], [], {entry.key: entry})) == [("update", "kst-32317-1", "")]


def test_plan_fetches_a_changed_version_and_the_published_copy_when_it_appears():
    entry = cached(tk(), "kst-32317-1.txt")
    assert kinds(plan(SCOPE, [tk(version="v2")], [], {entry.key: entry})) == [("download", "kst-32317-1", "tk")]
    assert kinds(plan(SCOPE, [], [sru()], {entry.key: entry})) == [("download", "kst-32317-1", "sru")]


def test_plan_withdraws_what_is_deleted_or_no_longer_published():
    entry = cached(tk(), "kst-32317-1.txt")
    gone = plan(SCOPE, [tk(version="v2", deleted=True)], [], {entry.key: entry})
    assert kinds(gone) == [("withdraw", "kst-32317-1", "deleted")]
    published = cached(sru(), "kst-32317-1.xml")
    assert kinds(plan(SCOPE, [], [], {published.key: published})) == [("withdraw", "kst-32317-1", "no longer published")]
    # A deleted Tweede Kamer record of a Kamerstuk still published keeps the published copy.
    both = cached(sru(), "kst-32317-1.xml", [tk()])
    actions = plan(SCOPE, [tk(version="v2", deleted=True)], [sru()], {both.key: both})
    assert kinds(actions) == [("update", "kst-32317-1", "")]


def test_plan_keeps_to_its_scope():
    old = cached(tk(), "kst-32317-1.txt")
    later = Scope(Dossier(32317), since=date(2026, 1, 1))
    assert plan(later, [], [], {old.key: old}) == []  # dated before the range: not withdrawn
    letters_only = Scope(Dossier(32317), kinds=("Verslag van een schriftelijk overleg",))
    assert plan(letters_only, [tk(key="kst-32317-2")], [], {}) == []
    other = Entry(**{**cached(tk(), "x.txt").__dict__, "dossier": "22112"})
    assert plan(SCOPE, [], [], {other.key: other}) == []


def test_plan_takes_a_live_record_over_a_deleted_one_of_the_same_document():
    newer_deleted = Offer(**{**tk(version="v2").to_json(), "deleted": True, "cursor": "2026-06-21T10:00:00+02:00"})
    assert kinds(plan(SCOPE, [tk(), newer_deleted], [], {})) == [("download", "kst-32317-1", "tk")]


def test_queries_name_the_dossier_dates_kinds_and_cursor():
    scope = Scope(Dossier.parse("21501-20"), date(2009, 1, 1), date(2026, 6, 30), ("Brief regering",))
    text = document_filter(scope, "2026-06-20T10:00:00.1234567+02:00")
    assert text == ("Kamerstukdossier/any(d: d/Nummer eq 21501 and d/Toevoeging eq '20') and "
                    "Datum ge 2009-01-01T00:00:00Z and Datum le 2026-06-30T23:59:59Z and "
                    "(Soort eq 'Brief regering') and ApiGewijzigdOp gt 2026-06-20T10:00:00.1234567+02:00")
    assert cql(scope) == ('c.product-area==officielepublicaties and dt.type==Kamerstuk and '
                          'w.dossiernummer=="21501-20" and dt.date>=2009-01-01 and dt.date<=2026-06-30')
    assert document_filter(Scope(Dossier(32317), kinds=("O'Brien",)), None).endswith("(Soort eq 'O''Brien')")


@pytest.mark.parametrize("text", ["32317", " 22112 ", "21501-20", "36600-VI"])
def test_dossier_numbers(text):
    assert Dossier.parse(text).label == text.strip()


@pytest.mark.parametrize("text", ["", "abc", "32317 964", "32317--20", "1"])
def test_a_bad_dossier_number_is_refused(text):
    with pytest.raises(FetchError, match="not a dossier number"):
        Dossier.parse(text)


def test_timestamps_of_the_api_compare_as_instants():
    assert instant("2026-06-20T10:00:00.1234567+02:00") < instant("2026-06-20T09:00:01Z")
    with pytest.raises(FetchError):
        instant("yesterday")


def test_retry_after_in_seconds_or_as_a_date_and_capped():
    assert retry_after("3") == 3.0 and retry_after(None) is None and retry_after("soon") is None
    assert retry_after("100000") == 120.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0


def test_the_rate_limit_spaces_request_starts():
    now = [0.0]
    slept = []
    limiter = RateLimiter(4.0, clock=lambda: now[0], sleep=lambda s: (slept.append(s), now.__setitem__(0, now[0] + s)))
    for _ in range(5):
        limiter.wait()
    assert slept == [0.25] * 4


def test_file_extensions_follow_the_content_type():
    assert extension("application/pdf") == ".pdf" and extension("text/xml; charset=utf-8") == ".xml"
    assert extension("application/vnd.openxmlformats-officedocument.wordprocessingml.document") == ".docx"
    assert extension(None, "http://x/kst-1.pdf?download=1") == ".pdf" and extension("image/png") == ".bin"


def test_an_sru_diagnostic_is_one_clear_error():
    body = (b'<searchRetrieveResponse xmlns="http://docs.oasis-open.org/ns/search-ws/sruResponse" '
            b'xmlns:d="http://docs.oasis-open.org/ns/search-ws/diagnostic"><diagnostics><d:diagnostic>'
            b"<d:uri>info:srw/diagnostic/1/10</d:uri><d:message>query syntax error</d:message></d:diagnostic>"
            b"</diagnostics></searchRetrieveResponse>")
    with pytest.raises(FetchError, match="refused the query: info:srw/diagnostic/1/10 query syntax error"):
        parse_page(body, "http://sru")
    with pytest.raises(FetchError, match="not XML"):
        parse_page(b"<html", "http://sru")


def _report(n: int) -> BuildReport:
    counts = {"mentions": 40, "signatories": 2, "citations": 9, "positions": 12, "events": 3, "memberships": 1234,
              "warnings": 1}
    return BuildReport(built=[BuiltLetter(Path(f"kst-32317-{900 + i}.xml"), "g", "written_consultation", counts, ())
                              for i in range(n)], removed=["kst-32317-1.pdf"])


def test_the_letter_table_fits_80_columns_without_cutting_a_name():
    console = Console(width=80, record=True)
    console.print(_letter_table(_report(3), Path("store")))
    text = console.export_text()
    assert "…" not in text and max(map(len, text.splitlines())) <= 80
    header = next(line for line in text.splitlines() if "letter" in line)
    assert header.split() == ["letter", "doc_type", "ment", "sign", "cite", "pos", "event", "memb"]
    assert "written_consultation" in text and "kst-32317-900.xml" in text


def test_a_build_of_many_letters_ends_with_a_summary():
    lines = _summary(_report(TABLE_UP_TO + 5), Path("store"), 754.0)
    assert lines[0] == "built 25 letters into store in 12 min 34 s (0 failed, 1 withdrawn letters removed)"
    assert "1,000 mentions" in lines[1] and "30,850 memberships" in lines[1]
    assert lines[2] == "doc types: 25 written_consultation"
