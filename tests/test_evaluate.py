"""The evaluator's matching rules, and its scores on the dev gold."""

import json
from pathlib import Path

from jbzgraph.evaluate import score as sc
from jbzgraph.evaluate.run import evaluate_against_gold

ROOT = Path(__file__).resolve().parent.parent


def test_evaluate_instrument_alias_rules():
    assert sc.instrument_matches(["EBSP"], "Enhanced Border Security Partnership", "EBSP|x")
    assert sc.instrument_matches(["Return Regulation"], "Proposal for a Return Regulation (recast)", "")
    assert sc.instrument_matches(["COM(2025) 101"], "Terugkeer", "COM (2025) 101")
    assert not sc.instrument_matches(["AMMR"], "Enhanced Border Security Partnership", "EBSP")


def test_evaluate_groups_match_on_shared_members():
    gold = [{"group": "c7", "members": ["NLD", "BEL", "FRA"]}]
    rows = [{"group": "x", "member": m} for m in ("NLD", "BEL", "DEU")]
    s = sc.score_groups(gold, rows)
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)


def test_evaluate_letter_null_fields_are_not_scored():
    s = sc.score_letter({"doc_type": "letter", "date": None}, [{"doc_type": "letter", "date": "2025-01-01"}])
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)


def test_evaluate_dev_gold_scores(tmp_path):
    scores = evaluate_against_gold(ROOT / "tests" / "gold", ROOT / "data" / "letters")
    assert json.loads(json.dumps({q: s.f1 for q, s in scores.items()}))
    assert scores["letters"].f1 >= 0.9
    assert scores["references"].f1 >= 0.8
    assert scores["signatories"].f1 >= 0.9
    assert scores["mentions"].f1 >= 0.6
