"""`jbzgraph fetch` then `jbzgraph build` as a user types them, in an 80-column terminal,
against the local stand-in for the services; and what `jbzgraph --help` says first."""

import csv
import json

from tests.fetchserver import Server
from tests.test_fetch import CACHED, jbz, make_service


def test_cli_fetch_then_build_with_a_report(tmp_path):
    cache, store = tmp_path / "cache", tmp_path / "store"
    with Server(make_service()) as server:
        env = {"JBZGRAPH_TK_API": server.odata, "JBZGRAPH_SRU_URL": server.sru}  # the URLs from the environment
        out = jbz("fetch", "32317", "--cache", str(cache), "--rate", "50", **env)
        assert out.returncode == 0, out.stderr
        assert out.stdout.startswith("32317: 6 listed, 5 downloaded,") and "5 documents in" in out.stdout
        again = jbz("fetch", "32317", "--cache", str(cache), "--rate", "50", **env)
        assert again.returncode == 0 and "0 downloaded" in again.stdout, again.stderr
    out = jbz("build", str(cache), "--store", str(store), "--report", str(tmp_path / "rows.json"))
    assert out.returncode == 0, out.stderr
    table = [line for line in out.stderr.splitlines() if not line.startswith(("warning:", "error:"))]
    assert "…" not in out.stderr and max(map(len, table)) <= 80  # a warning is one line, however long
    header = next(line for line in out.stderr.splitlines() if line.strip().startswith("letter"))
    assert header.split() == ["letter", "doc_type", "ment", "sign", "cite", "pos", "event", "memb"]
    rows = json.loads((tmp_path / "rows.json").read_text(encoding="utf-8"))
    built = {r["letter"].rsplit("/", 1)[-1]: r for r in rows if r["status"] == "built"}
    assert set(built) >= {f for f in CACHED.values() if f.endswith(".txt")}
    assert built["kst-32317-975.txt"]["doc_type"] == "council_report" and built["kst-32317-975.txt"]["mentions"] > 0
    csv_out = jbz("build", str(cache), "--store", str(store), "--report", str(tmp_path / "rows.csv"))
    assert csv_out.returncode == 0
    with (tmp_path / "rows.csv").open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == len(rows)


def test_cli_help_says_what_the_tool_does_and_how_to_start():
    out = jbz("--help")
    assert out.returncode == 0
    text = " ".join(out.stdout.split())
    assert text.index("Turn Dutch government letters to parliament") < text.index("Commands")
    assert "jbzgraph build data/letters --store S" in text and "jbzgraph fetch 32317" in text
    assert "wires the steps" not in text
    assert "fetch" in text.split("Commands", 1)[1]
