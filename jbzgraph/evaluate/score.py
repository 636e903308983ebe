"""Precision, recall and F1 per competency question, with the gold README's matching rules.

- an instrument is a list of aliases; a row matches when an alias equals (lower-cased,
  without spaces and punctuation) the row's label or one of its ids, or when the label
  contains the alias as a whole word sequence;
- people match on last name; a gold field of ``null`` is not scored;
- a gold group matches the produced group sharing most members, then members are scored;
- positions score on (holder, target, stance); events on (target, stage), with body and
  date scored separately over the matched events.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

Row = dict[str, str]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    extra: dict[str, str] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)  # gold items no row matched
    spurious: list[str] = field(default_factory=list)  # rows no gold item matched

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: "Score") -> "Score":
        """Sums counts, lists and the "right/of" extras, so a total is the sum of its letters."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.missed += other.missed
        self.spurious += other.spurious
        for key, fraction in other.extra.items():
            right, of = (int(n) for n in fraction.split("/"))
            had_right, had_of = (int(n) for n in self.extra.get(key, "0/0").split("/"))
            self.extra[key] = f"{had_right + right}/{had_of + of}"
        return self


def compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", (text or "").lower())


def words(text: str) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def _contains_words(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def instrument_matches(aliases: Iterable[str], label: str, ids: str) -> bool:
    candidates = {compact(label)} | {compact(i) for i in (ids or "").split("|") if i}
    label_words = words(label)
    for alias in aliases:
        if compact(alias) and compact(alias) in candidates:
            return True
        if _contains_words(label_words, words(alias)):
            return True
    return False


def last_name(name: str) -> str:
    parts = words(name)
    return parts[-1] if parts else ""


def match_greedy(gold: list, produced: list, same: Callable[[object, object], bool]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, produced index), first fit in order."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(produced):
            if pi not in used and same(g, p):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def describe(item: object) -> str:
    """A short line for a gold item or a row, for the details of an evaluation."""
    if isinstance(item, dict):
        keep = {k: v for k, v in item.items() if k not in ("source", "target", "target_ids", "ids", "entity",
                                                           "letter", "quote", "rule", "confidence", "evidence")}
        if "target" in item:
            keep["target"] = item["target"][0] if isinstance(item["target"], list) else item.get("target_label", "")
        return " ".join(f"{k}={v}" for k, v in keep.items())
    return str(item)


def _set_score(gold: list, produced: list, same) -> Score:
    return _score_pairs(gold, produced, match_greedy(gold, produced, same))


def _score_pairs(gold: list, produced: list, pairs: list[tuple[int, int]]) -> Score:
    matched_gold = {gi for gi, _ in pairs}
    matched_rows = {pi for _, pi in pairs}
    return Score(len(pairs), len(produced) - len(pairs), len(gold) - len(pairs),
                 missed=[describe(g) for i, g in enumerate(gold) if i not in matched_gold],
                 spurious=[describe(p) for i, p in enumerate(produced) if i not in matched_rows])


def score_letter(gold: dict, rows: list[Row]) -> Score:
    """Each non-null gold field of the letter row is one unit."""
    s = Score()
    row = rows[0] if rows else {}
    for fld, expected in gold.items():
        if expected is None:
            continue
        got = row.get(fld, "")
        if got and got.lower() == str(expected).lower():
            s.tp += 1
        else:
            s.fn += 1
            s.fp += 1 if got else 0
    return s


def score_signatories(gold: list[dict], rows: list[Row]) -> Score:
    s = _set_score(gold, rows, lambda g, p: last_name(g["name"]) == last_name(p["name"]))
    pairs = match_greedy(gold, rows, lambda g, p: last_name(g["name"]) == last_name(p["name"]))
    roles = sum(1 for gi, pi in pairs if compact(gold[gi]["role"]) == compact(rows[pi]["role"]))
    s.extra["role"] = f"{roles}/{len(pairs)}"
    return s


def score_mentions(gold: dict[str, list], rows: list[Row]) -> tuple[Score, dict[str, Score]]:
    total, per_kind = Score(), {}
    for kind in sorted(set(gold) | {r["kind"] for r in rows}):
        g = gold.get(kind, [])
        p = [r for r in rows if r["kind"] == kind]
        if kind == "instrument":
            k = _set_score(g, p, lambda a, r: instrument_matches(a, r["label"], f"{r.get('ids', '')}|{r['key']}"))
        elif kind == "person":
            k = _set_score(g, p, lambda a, r: last_name(a) == last_name(r["label"]) or last_name(a) == last_name(r["key"]))
        else:
            k = _set_score(g, p, lambda a, r: a == r["key"])
        per_kind[kind] = k
        total += k
    return total, per_kind


def _target(g: dict, p: Row) -> bool:
    return instrument_matches(g["target"], p["target_label"], f"{p['target_ids']}|{p['target']}")


def score_positions(gold: list[dict], rows: list[Row]) -> Score:
    return _set_score(gold, rows, lambda g, p: g["holder"] == p["holder"] and g["stance"] == p["stance"] and _target(g, p))


def score_events(gold: list[dict], rows: list[Row]) -> Score:
    """Pairs on (target, stage); among rows that qualify, the one agreeing on body and date wins."""
    def agreement(g: dict, p: Row) -> int:
        return sum(1 for fld in ("body", "date") if g.get(fld) is not None and g[fld] == p.get(fld))

    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        options = [pi for pi, p in enumerate(rows) if pi not in used and g["stage"] == p["stage"] and _target(g, p)]
        if options:
            best = max(options, key=lambda pi: agreement(g, rows[pi]))
            used.add(best)
            pairs.append((gi, best))
    s = _score_pairs(gold, rows, pairs)
    for fld in ("body", "date"):
        scored = [(gold[gi], rows[pi]) for gi, pi in pairs if gold[gi].get(fld) is not None]
        right = sum(1 for g, p in scored if g[fld] == p[fld])
        s.extra[fld] = f"{right}/{len(scored)}"
    return s


def score_groups(gold: list[dict], rows: list[Row]) -> Score:
    produced: dict[str, set[str]] = {}
    for r in rows:
        produced.setdefault(r["group"], set()).add(r["member"])
    s = Score()
    free = dict(produced)
    for g in gold:
        members = set(g["members"])
        best = max(free, key=lambda k: (len(free[k] & members), -len(free[k])), default=None)
        if best is None or not free[best] & members:
            s.fn += len(members)
            continue
        got = free.pop(best)
        s.tp += len(got & members)
        s.fp += len(got - members)
        s.fn += len(members - got)
    s.fp += sum(len(m) for m in free.values())
    return s


def score_references(gold: list[dict], rows: list[Row]) -> Score:
    return _set_score(gold, rows, lambda g, p: g["ref_kind"] == p["ref_kind"] and compact(g["ref"]) == compact(p["ref"]))
