"""Run the contract queries over a store and score them against a folder of gold files."""

import io
import json
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

from jbzgraph.errors import GoldError
from jbzgraph.evaluate import score as sc
from jbzgraph.pipeline import build
from jbzgraph.query import run_query
from jbzgraph.store import open_store

QUESTIONS = ("letters", "signatories", "mentions", "references", "positions", "events", "groups")


def load_gold(directory: Path) -> list[dict]:
    files = sorted(Path(directory).glob("*.json"))
    if not files:
        raise GoldError(directory, "no gold *.json files here")
    golds = []
    for f in files:
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise GoldError(f, f"not valid JSON: {exc}") from None
        if "source" not in data:
            raise GoldError(f, "gold file has no 'source'")
        golds.append(data)
    return golds


def _rows(store, name: str) -> list[dict[str, str]]:
    columns, rows = run_query(store, name)
    return [dict(zip(columns, r)) for r in rows]


def score_store(store, golds: list[dict]) -> dict[str, sc.Score]:
    results = {q: _rows(store, q) for q in QUESTIONS}
    totals = {q: sc.Score() for q in QUESTIONS}
    kinds: dict[str, sc.Score] = {}
    extras: dict[str, list[str]] = {"signatories.role": [], "events.body": [], "events.date": []}
    for gold in golds:
        mine = {q: [r for r in rows if r["source"] == gold["source"]] for q, rows in results.items()}
        totals["letters"] += sc.score_letter(gold.get("letter", {}), mine["letters"])
        sig = sc.score_signatories(gold.get("signatories", []), mine["signatories"])
        totals["signatories"] += sig
        extras["signatories.role"].append(sig.extra["role"])
        m, per_kind = sc.score_mentions(gold.get("mentions", {}), mine["mentions"])
        totals["mentions"] += m
        for k, s in per_kind.items():
            kinds.setdefault(f"mentions.{k}", sc.Score())
            kinds[f"mentions.{k}"] += s
        totals["references"] += sc.score_references(gold.get("references", []), mine["references"])
        totals["positions"] += sc.score_positions(gold.get("positions", []), mine["positions"])
        ev = sc.score_events(gold.get("events", []), mine["events"])
        totals["events"] += ev
        extras["events.body"].append(ev.extra["body"])
        extras["events.date"].append(ev.extra["date"])
        totals["groups"] += sc.score_groups(gold.get("groups", []), mine["groups"])
    for key, fractions in extras.items():
        q, fld = key.split(".")
        right = sum(int(f.split("/")[0]) for f in fractions)
        of = sum(int(f.split("/")[1]) for f in fractions)
        totals[q].extra[fld] = f"{right}/{of}"
    totals.update(kinds)
    return totals


def evaluate_against_gold(gold_dir: Path, letters_dir: Path, store_dir: Path | None = None) -> dict[str, sc.Score]:
    golds = load_gold(gold_dir)
    if store_dir is not None:
        return score_store(open_store(store_dir, read_only=True), golds)
    paths = [Path(letters_dir) / g["source"] for g in golds]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise GoldError(missing[0], "gold names a letter that is not in the letters folder")
    with tempfile.TemporaryDirectory(prefix="jbzgraph-eval-") as tmp:
        store = open_store(tmp)
        report = build(paths, store)
        if report.failed:
            raise report.failed[0]
        return score_store(store, golds)


def render(scores: dict[str, sc.Score], fmt: str = "table", details: bool = False) -> str:
    if fmt == "json":
        return json.dumps({q: {"precision": round(s.precision, 3), "recall": round(s.recall, 3),
                               "f1": round(s.f1, 3), "tp": s.tp, "fp": s.fp, "fn": s.fn, **s.extra}
                           for q, s in scores.items()}, indent=2) + "\n"
    table = Table("question", "P", "R", "F1", "tp", "fp", "fn", "notes", title="jbzgraph evaluate")
    for q, s in scores.items():
        notes = " ".join(f"{k} {v}" for k, v in s.extra.items())
        table.add_row(q, f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}", str(s.tp), str(s.fp), str(s.fn), notes)
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(table)
    if details:
        for q, s in scores.items():
            if "." in q:
                continue
            for item in s.missed:
                console.print(f"missed   {q}: {item}", markup=False, highlight=False)
            for item in s.spurious:
                console.print(f"spurious {q}: {item}", markup=False, highlight=False)
    return console.export_text()
