"""`jbzgraph fetch` against a local stand-in for the Tweede Kamer API and
officielebekendmakingen (tests/fetchserver.py): the production code, only the base URLs
differ. A dossier fetched and built gives the graph of its letters; a re-run downloads
nothing; a killed run resumes without duplicates or partial files; a withdrawn document
leaves the store; failures are retried or reported in one line."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jbzgraph.fetch.http import Client
from jbzgraph.fetch.manifest import MANIFEST, withdrawn_sources
from jbzgraph.fetch.model import Dossier, Scope
from jbzgraph.fetch.sync import fetch
from jbzgraph.ingest import find_letters
from jbzgraph.pipeline import build
from jbzgraph.query import run_query
from jbzgraph.rdf.iris import letter_graph, slug
from jbzgraph.store import open_store
from tests.fetchserver import Record, Server, Service, kamerstuk_xml
from tests.helpers import CONTRACT_COLUMNS, LETTERS

ROOT = Path(__file__).resolve().parent.parent
DOSSIER = (32317, None)
# The bundled letters as the services hold them: (Tweede Kamer Id, number, Volgnummer, Soort, date).
CORPUS = {
    "2025-06-23_kamerstuk-32317-964.txt": ("a0000000-0000-0000-0000-000000000964", "2025D28001", 964,
                                           "Brief regering", "2025-06-23"),
    "2025-10_verslag-schriftelijk-overleg.txt": ("a0000000-0000-0000-0000-000000000970", "2025D41002", 970,
                                                 "Verslag van een schriftelijk overleg", "2025-10-15"),
    "2025-11-24_geannoteerde-agenda.txt": ("a0000000-0000-0000-0000-000000000972", "2025D47003", 972,
                                           "Brief regering", "2025-11-24"),
    "2025-12-17_verslag-jbz-raad.txt": ("a0000000-0000-0000-0000-000000000975", "2025D51004", 975,
                                        "Brief regering", "2025-12-17"),
    "2026_geannoteerde-agenda-maart.txt": ("a0000000-0000-0000-0000-000000002026", "2026D09005", -1,
                                           "Brief regering", "2026-02-20"),
}
# Where each lands in the cache: a published Kamerstuk as officielebekendmakingen's XML,
# other numbered ones under their Kamerstuk number, the rest under their document number.
CACHED = {
    "2025-06-23_kamerstuk-32317-964.txt": "kst-32317-964.xml",
    "2025-10_verslag-schriftelijk-overleg.txt": "kst-32317-970.txt",
    "2025-11-24_geannoteerde-agenda.txt": "kst-32317-972.txt",
    "2025-12-17_verslag-jbz-raad.txt": "kst-32317-975.txt",
    "2026_geannoteerde-agenda-maart.txt": "2026D09005.txt",
}


def make_service() -> Service:
    service = Service()
    for name, (id_, number, sequence, kind, date) in CORPUS.items():
        text = (LETTERS / name).read_bytes()
        service.add_document(id_, DOSSIER, number, sequence, kind, name.removesuffix(".txt"), date, text)
    letter = (LETTERS / "2025-06-23_kamerstuk-32317-964.txt").read_text(encoding="utf-8")
    service.add_record(Record("kst-32317-964", "32317", 964, "Verslag van de JBZ-Raad van 12 en 13 juni 2025",
                              "2025-06-23", "2025-06-24T09:00:00.000+02:00"),
                       kamerstuk_xml(letter, "32317", 964, "JBZ-Raad", "2025-06-23"))
    # Not of the dossier, and a document without a file: neither is fetched.
    service.add_document("b0000000-0000-0000-0000-000000002245", (21501, "20"), "2025D30006", 2245,
                         "Brief regering", "Geannoteerde agenda Raad Algemene Zaken", "2025-06-20",
                         (LETTERS / "2025-11-24_geannoteerde-agenda.txt").read_bytes())
    service.add_document("c0000000-0000-0000-0000-000000000001", DOSSIER, "2025D52007", -1,
                         "Lijst van ingekomen stukken", "Placeholder", "2025-12-18", None)
    return service


def run(server: Server, cache: Path, dossier: str = "32317", **scope):
    with Client(rate=0, backoff=0.01) as client:
        return fetch(Scope(Dossier.parse(dossier), **scope), cache, client, server.odata, server.sru)


def jbz(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jbzgraph.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "COLUMNS": "80", **env})


def letter_files(cache: Path) -> list[str]:
    return sorted(p.name for p in cache.iterdir()
                  if p.is_file() and not p.name.startswith(".") and not p.name.endswith(".json"))


@pytest.fixture(scope="module")
def fetched(tmp_path_factory):
    """The corpus fetched once into a cache, and the cache built into a store."""
    service = make_service()
    with Server(service) as server:
        cache = tmp_path_factory.mktemp("cache")
        report = run(server, cache)
        store = open_store(tmp_path_factory.mktemp("store"))
        built = build([cache], store)
        yield server, cache, report, store, built


def test_fetch_stores_each_document_beside_its_metadata_and_a_manifest(fetched):
    server, cache, report, _, _ = fetched
    assert report.failed == [] and sorted(report.downloaded) == sorted(f.rsplit(".", 1)[0] for f in CACHED.values())
    assert letter_files(cache) == sorted(CACHED.values())
    for name, file in CACHED.items():
        side = json.loads((cache / f"{file}.json").read_text(encoding="utf-8"))
        assert side["sha256"] == hashlib.sha256((cache / file).read_bytes()).hexdigest()
        assert side["offers"]["tk"]["meta"]["DocumentNummer"] == CORPUS[name][1]
        assert side["kind"] == CORPUS[name][3] and side["date"] == CORPUS[name][4]
    xml = json.loads((cache / "kst-32317-964.xml.json").read_text(encoding="utf-8"))
    assert xml["origin"] == "sru" and xml["offers"]["sru"]["meta"]["ondernummer"] == "964"
    manifest = json.loads((cache / MANIFEST).read_text(encoding="utf-8"))
    assert sorted(manifest["documents"]) == sorted(CACHED.values()) and manifest["withdrawn"] == {}
    assert "API-data 2.0" in manifest["services"]["tweedekamer"]
    # Every listing spanned pages (two entities a page): the client followed the next links.
    assert len(server.service.requests_to("/odata/Document")) >= 3 and len(server.service.requests_to("/sru")) == 1


def _rows(store, name, rename):
    columns, rows = run_query(store, name)
    at = [columns.index(c) for c in CONTRACT_COLUMNS[name]]
    out = set()
    for row in rows:
        cells = tuple(str(row[i] or "") for i in at)
        for old, new in rename.items():
            cells = tuple(c.replace(old, new).replace(slug(old), slug(new)) for c in cells)
        out.add(cells)
    return out


def test_fetch_and_build_give_the_graph_of_the_letters(fetched, tmp_path):
    _, cache, _, store, built = fetched
    plain = {name: file for name, file in CACHED.items() if file.endswith(".txt")}
    assert {r.path.name for r in built.built} >= set(plain.values())
    # The reference holds the same letters, the officielebekendmakingen XML among them: an
    # instrument's ids column gathers its names from every letter in the store.
    xml = cache / "kst-32317-964.xml"
    assert xml in find_letters([cache]) and built.failed == []
    reference = open_store(tmp_path / "reference")
    assert build([*(LETTERS / name for name in plain), xml], reference).failed == []
    for name in CONTRACT_COLUMNS:
        got = {r for r in _rows(store, name, {}) if r[0] in plain.values()}
        want = {r for r in _rows(reference, name, plain) if r[0] in plain.values()}
        assert got == want, name
    assert "kst-32317-964.xml" in {r[0] for r in _rows(store, "letters", {})}


def test_second_fetch_with_nothing_changed_downloads_nothing(fetched):
    server, cache, _, _, _ = fetched
    before = len(server.service.log)
    report = run(server, cache)
    since = [path for path, _, _ in server.service.log[before:]]
    assert report.downloaded == [] and report.failed == [] and report.withdrawn == []
    assert all(path in ("/odata/Document", "/sru") for path in since), since
    assert since.count("/odata/Document") == 1  # asked only for what changed since the cursor: nothing
    assert letter_files(cache) == sorted(CACHED.values())


def test_a_changed_document_is_asked_for_conditionally(tmp_path):
    service = make_service()
    with Server(service) as server:
        run(server, tmp_path)
        id_ = CORPUS["2025-11-24_geannoteerde-agenda.txt"][0]
        service.change_document(id_, Titel="Geannoteerde agenda, herzien")  # metadata only: 304
        report = run(server, tmp_path)
        assert report.not_modified == ["kst-32317-972"] and report.downloaded == []
        side = json.loads((tmp_path / "kst-32317-972.txt.json").read_text(encoding="utf-8"))
        assert side["title"] == "Geannoteerde agenda, herzien"
        new = (LETTERS / "2025-11-24_geannoteerde-agenda.txt").read_bytes() + b"\nNaschrift.\n"
        service.change_document(id_, body=new)
        report = run(server, tmp_path)
        assert report.downloaded == ["kst-32317-972"] and (tmp_path / "kst-32317-972.txt").read_bytes() == new


def test_server_errors_are_retried_honouring_retry_after(tmp_path):
    service = make_service()
    first = f"/odata/Document({CORPUS['2025-10_verslag-schriftelijk-overleg.txt'][0]})/resource"
    second = "/frbr/kst-32317-964.xml"
    service.failures = {first: [(500, None)], second: [(503, "1")], "/sru": [(502, None)]}
    with Server(service) as server:
        report = run(server, tmp_path)
    assert report.failed == [] and letter_files(tmp_path) == sorted(CACHED.values())
    assert service.requests_to(first) == [first, first]
    waits = [t for path, _, t in service.log if path == second]
    assert len(waits) == 2 and waits[1] - waits[0] >= 0.95


def test_a_truncated_download_never_enters_the_cache(tmp_path):
    service = make_service()
    path = f"/odata/Document({CORPUS['2025-12-17_verslag-jbz-raad.txt'][0]})/resource"
    service.truncate = {path}
    with Server(service) as server:
        report = run(server, tmp_path)
    assert report.failed == [] and service.requests_to(path) == [path, path]
    assert (tmp_path / "kst-32317-975.txt").read_bytes() == (LETTERS / "2025-12-17_verslag-jbz-raad.txt").read_bytes()
    assert not list(tmp_path.glob(".*.part"))


def test_a_download_that_keeps_failing_is_reported_and_the_rest_fetched(tmp_path):
    service = make_service()
    path = f"/odata/Document({CORPUS['2025-12-17_verslag-jbz-raad.txt'][0]})/resource"
    service.failures = {path: [(500, None)] * 10}
    with Server(service) as server:
        report = run(server, tmp_path)
        assert len(report.failed) == 1 and "HTTP 500" in str(report.failed[0]) and path in str(report.failed[0])
        assert "kst-32317-975.txt" not in letter_files(tmp_path) and len(letter_files(tmp_path)) == 4
        service.failures = {}
        assert run(server, tmp_path).downloaded == ["kst-32317-975"]  # the cursor waited for it


def test_a_malformed_page_is_one_clear_error_line(tmp_path):
    service = make_service()
    service.malformed = {"/odata/Document"}
    with Server(service) as server:
        out = jbz("fetch", "32317", "--cache", str(tmp_path / "c"), "--base-url", server.odata,
                  "--sru-url", server.sru)
    assert out.returncode == 2, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: [E006] http://127.0.0.1:") and "malformed page: not JSON" in lines[0]
    assert letter_files(tmp_path / "c") == []


def test_a_withdrawn_document_is_gone_from_the_store_after_the_next_sync(tmp_path):
    service = make_service()
    cache, store = tmp_path / "cache", open_store(tmp_path / "store")
    with Server(service) as server:
        run(server, cache)
        assert build([cache], store).removed == []
        graphs = set(store.graphs())
        assert {letter_graph(f) for f in ("kst-32317-972.txt", "2026D09005.txt")} <= graphs
        service.change_document(CORPUS["2025-11-24_geannoteerde-agenda.txt"][0], Verwijderd=True)
        service.change_document(CORPUS["2026_geannoteerde-agenda-maart.txt"][0], Verwijderd=True)
        report = run(server, cache)
    assert sorted(report.withdrawn) == ["2026D09005.txt", "kst-32317-972.txt"] and report.downloaded == []
    assert "kst-32317-972.txt" not in letter_files(cache) and not (cache / "kst-32317-972.txt.json").exists()
    assert withdrawn_sources(cache) == ["2026D09005.txt", "kst-32317-972.txt"]
    again = build([cache], store)
    assert sorted(again.removed) == ["2026D09005.txt", "kst-32317-972.txt"]
    assert letter_graph("kst-32317-972.txt") not in set(store.graphs())
    assert letter_graph("2026D09005.txt") not in set(store.graphs())
    assert letter_graph("kst-32317-975.txt") in set(store.graphs())
    assert "2026D09005.txt" not in {r[0] for r in _rows(store, "letters", {})}


def test_a_kamerstuk_no_longer_published_falls_back_or_is_withdrawn(tmp_path):
    service = make_service()
    with Server(service) as server:
        run(server, tmp_path)
        del service.records["kst-32317-964"]  # unpublished: the Tweede Kamer's copy takes its place
        report = run(server, tmp_path)
        assert report.downloaded == ["kst-32317-964"] and report.withdrawn == ["kst-32317-964.xml"]
        assert "kst-32317-964.txt" in letter_files(tmp_path) and "kst-32317-964.xml" not in letter_files(tmp_path)
        service.add_record(Record("kst-32317-964", "32317", 964, "Verslag", "2025-06-23", "2025-07-01T09:00:00+02:00"),
                           kamerstuk_xml("Een nieuwe tekst.\n\n" * 40, "32317", 964, "JBZ-Raad", "2025-06-23"))
        report = run(server, tmp_path)
        assert report.withdrawn == ["kst-32317-964.txt"] and "kst-32317-964.xml" in letter_files(tmp_path)
        assert withdrawn_sources(tmp_path) == ["kst-32317-964.txt"]


def test_a_killed_fetch_resumes_without_duplicates_or_partial_files(tmp_path):
    service = make_service()
    stalled = f"/odata/Document({CORPUS['2025-11-24_geannoteerde-agenda.txt'][0]})/resource"
    import threading

    service.stall = {stalled: threading.Event()}
    cache = tmp_path / "cache"
    with Server(service) as server:
        proc = subprocess.Popen([sys.executable, "-m", "jbzgraph.cli", "fetch", "32317", "--cache", str(cache),
                                 "--base-url", server.odata, "--sru-url", server.sru, "--rate", "100"],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            assert service.stalled.wait(60), "the fetch never reached the stalled download"
        finally:
            proc.kill()
            proc.wait()
        assert "kst-32317-972.txt" not in letter_files(cache)  # half a file never has its name
        assert set(letter_files(cache)) < set(CACHED.values())
        done_before = set(letter_files(cache))
        service.stall.pop(stalled).set()
        before = len(service.log)
        report = run(server, cache)
    assert report.failed == [] and letter_files(cache) == sorted(CACHED.values())
    assert not list(cache.glob(".*.part"))
    fetched_again = {p for p, _, _ in service.log[before:] if p in service.files}
    assert stalled in fetched_again and len(fetched_again) == len(CACHED) - len(done_before)
    keys = [f.split(".")[0] for f in letter_files(cache)]
    assert len(keys) == len(set(keys))  # one file per document
    for name, file in CACHED.items():
        if file.endswith(".txt"):
            assert (cache / file).read_bytes() == (LETTERS / name).read_bytes()


def test_a_second_fetch_into_the_same_cache_is_refused_while_one_runs(tmp_path):
    from jbzgraph.errors import FetchError
    from jbzgraph.fetch.cache import Cache

    with Cache(tmp_path):
        with pytest.raises(FetchError, match="another fetch is using this cache"):
            Cache(tmp_path)


def test_a_dossier_with_a_suffix_and_a_date_range(tmp_path):
    service = make_service()
    with Server(service) as server:
        report = run(server, tmp_path / "a", "21501-20")
        assert report.downloaded == ["kst-21501-20-2245"]
        report = run(server, tmp_path / "b", since=__import__("datetime").date(2025, 12, 1))
        assert sorted(report.downloaded) == ["2026D09005", "kst-32317-975"]
        report = run(server, tmp_path / "c", kinds=("Verslag van een schriftelijk overleg",))
        assert report.downloaded == ["kst-32317-970"]
