"""The command line end to end, as a user runs it: real files, a real on-disk store."""

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import CONTRACT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "data" / "letters"


def jbz(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jbzgraph.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "COLUMNS": "200"})


def rows(store: Path, name: str) -> list[dict[str, str]]:
    out = jbz("query", name, "--store", str(store), "--format", "csv")
    assert out.returncode == 0, out.stderr
    return list(csv.DictReader(io.StringIO(out.stdout)))


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store")
    out = jbz("build", str(LETTERS), "--store", str(path))
    assert out.returncode == 0, out.stderr
    return path


@pytest.mark.parametrize("name", sorted(CONTRACT_COLUMNS))
def test_cli_query_prints_contract_columns(store, name):
    out = jbz("query", name, "--store", str(store), "--format", "csv")
    assert out.returncode == 0, out.stderr
    header = out.stdout.splitlines()[0].split(",")
    assert header[: len(CONTRACT_COLUMNS[name])] == CONTRACT_COLUMNS[name]


def test_cli_letters_one_row_per_letter(store):
    got = rows(store, "letters")
    assert sorted(r["source"] for r in got) == sorted(p.name for p in LETTERS.glob("*.txt"))
    by_source = {r["source"]: r for r in got}
    report = by_source["2025-12-17_verslag-jbz-raad.txt"]
    assert (report["doc_type"], report["date"], report["meeting_start"], report["meeting_end"], report["meeting_place"]) == (
        "council_report", "2025-12-17", "2025-12-08", "2025-12-09", "Brussels")
    agenda = by_source["2026_geannoteerde-agenda-maart.txt"]
    assert (agenda["doc_type"], agenda["meeting_start"], agenda["meeting_end"]) == ("annotated_agenda", "2026-03-05", "2026-03-06")


def test_cli_signatories_and_references(store):
    sigs = {(r["name"], r["role"]) for r in rows(store, "signatories") if r["source"] == "2025-12-17_verslag-jbz-raad.txt"}
    assert ("Foort van Oosten", "Minister van Justitie en Veiligheid") in sigs
    refs = {(r["ref_kind"], r["ref"]) for r in rows(store, "references") if r["source"] == "2025-12-17_verslag-jbz-raad.txt"}
    assert {("kamerstuk", "32317-973"), ("motion", "21501-04-287"), ("kamerstuk", "21501-20-2245")} <= refs


def test_cli_every_statement_has_its_sentence(store):
    evidence = rows(store, "evidence")
    assert evidence and all(r["quote"].strip() for r in evidence)
    letter = (ROOT / "data/letters/2025-12-17_verslag-jbz-raad.txt").read_text(encoding="utf-8")
    assert any("instemming verleend" in r["quote"] for r in evidence if r["type"].endswith("Position"))
    assert letter


def test_cli_rebuild_is_idempotent(tmp_path):
    store = tmp_path / "s"
    one = LETTERS / "2026_geannoteerde-agenda-maart.txt"
    assert jbz("build", str(one), "--store", str(store)).returncode == 0
    first = jbz("export", "--store", str(store), "--format", "nq").stdout
    assert jbz("build", str(one), "--store", str(store)).returncode == 0
    second = jbz("export", "--store", str(store), "--format", "nq").stdout
    assert first == second and len(first.splitlines()) > 500


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "make, problem",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: _write(d / "empty.txt", b""), "file is empty"),
        (lambda d: _write(d / "bin.txt", b"\x00\x01\x02" * 400), "binary"),
        (lambda d: _write(d / "bad.txt", b"Brief " * 100 + b"\x81\x8d\x8f\x90\x9d"), "undecodable"),
        (lambda d: (d / "folder").mkdir() or d / "folder", "no letter files"),
    ],
)
def test_cli_bad_input_one_line_and_store_unchanged(tmp_path, make, problem):
    store = tmp_path / "s"
    good = LETTERS / "2026_geannoteerde-agenda-maart.txt"
    assert jbz("build", str(good), "--store", str(store)).returncode == 0
    before = jbz("export", "--store", str(store), "--format", "nq").stdout
    bad = make(tmp_path)
    out = jbz("build", str(bad), "--store", str(store))
    assert out.returncode == 2
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(bad) in errors[0] and problem in errors[0]
    assert jbz("export", "--store", str(store), "--format", "nq").stdout == before


def test_cli_bad_letter_among_good_ones_is_reported_and_others_built(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "good.txt").write_text((LETTERS / "2026_geannoteerde-agenda-maart.txt").read_text(encoding="utf-8"))
    (folder / "bad.txt").write_bytes(b"\x00" * 500)
    out = jbz("build", str(folder), "--store", str(tmp_path / "s"))
    assert out.returncode == 1
    assert "bad.txt" in out.stderr
    assert [r["source"] for r in rows(tmp_path / "s", "letters")] == ["good.txt"]


def test_cli_unknown_query_is_one_clear_line(store):
    out = jbz("query", "nosuch", "--store", str(store))
    assert out.returncode == 2 and "no query named 'nosuch'" in out.stderr


def test_cli_query_parameters_select_and_refuse_clearly(store):
    out = jbz("query", "positions", "--store", str(store), "--format", "csv", "-p", "holder=NLD", "-p", "stance=support")
    assert out.returncode == 0, out.stderr
    got = list(csv.DictReader(io.StringIO(out.stdout)))
    assert got and {(r["holder"], r["stance"]) for r in got} == {("NLD", "support")}
    listed = jbz("queries")
    assert "positions: source (literal), holder (literal), target (iri), stance (literal)" in listed.stdout
    for bad, message in ((["-p", "holder"], "--param takes NAME=VALUE"),
                         (["-p", "target=" + "X" * 120], "is neither an IRI nor a KB key")):
        out = jbz("query", "positions", "--store", str(store), *bad)
        assert out.returncode == 2 and message in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "nq", "jsonld"])
def test_cli_export_formats_parse_back(store, fmt, tmp_path):
    import rdflib

    target = tmp_path / f"out.{fmt}"
    out = jbz("export", "--store", str(store), "--format", fmt, "-o", str(target))
    assert out.returncode == 0, out.stderr
    parse_format = {"ttl": "turtle", "nt": "nt", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}[fmt]
    graph = rdflib.Dataset() if fmt in ("trig", "nq", "jsonld") else rdflib.Graph()
    graph.parse(target, format=parse_format)
    assert len(graph) > 1000 or sum(1 for _ in graph.quads()) > 1000


@pytest.mark.reasoner
def test_cli_validate_the_bundled_store(store):
    out = jbz("validate", "--store", str(store))
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("reasoner: ontology + KB consistent")
    assert "shacl: 5 letter graphs, 0 violations" in lines and lines[-1] == "valid"


def test_cli_evaluate_details_lists_what_was_missed(store):
    out = jbz("evaluate", "--store", str(store), "--details")
    assert out.returncode == 0, out.stderr
    assert "positions" in out.stdout and "events" in out.stdout
