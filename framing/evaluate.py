"""Score the detectors against human-annotated corpora (formats in ../shared/eval/README.md).

People trust a flag only if they know how often it is right. Each task reads one corpus
format, runs the analysis, and compares predicted spans with gold spans two ways:
*overlap* (a prediction counts if it overlaps a gold span; the convention of the
corpora's baselines) and *exact* (same start and end).
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from framing.analysis import analyze
from framing.errors import FramingError


@dataclass(frozen=True, slots=True)
class Scores:
    label: str
    predicted: int
    gold: int
    true_predicted: int  # predictions that match some gold span
    true_gold: int  # gold spans matched by some prediction

    @property
    def precision(self) -> float:
        return self.true_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "label": self.label, "predicted": self.predicted, "gold": self.gold,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }


Interval = tuple[int, int]


def _overlaps(a: Interval, b: Interval) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_spans(label: str, predicted: list[list[Interval]], gold: list[list[Interval]], exact: bool) -> Scores:
    """Score per-document lists of spans; ``exact`` requires equal bounds, else any overlap."""
    counts = Counter()
    for doc_predicted, doc_gold in zip(predicted, gold):
        match = (lambda p, g: p == g) if exact else _overlaps
        counts["predicted"] += len(doc_predicted)
        counts["gold"] += len(doc_gold)
        counts["true_predicted"] += sum(1 for p in doc_predicted if any(match(p, g) for g in doc_gold))
        counts["true_gold"] += sum(1 for g in doc_gold if any(match(p, g) for p in doc_predicted))
    return Scores(label, counts["predicted"], counts["gold"], counts["true_predicted"], counts["true_gold"])


def read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _safe_analyze(text: str) -> dict | None:
    try:
        return analyze(text)
    except FramingError:
        return None


def _gold_interval(role: dict | None) -> Interval | None:
    if not role:
        return None
    return role["start"], role["end"]


def _predicted_attributions(report: dict | None) -> Iterable[dict]:
    if report is None:
        return []
    return [a for p in report["paragraphs"] for a in p["attributions"] if a["pattern"] != "quote_continuation"]


ATTRIBUTION_ROLES = ("cue", "source", "content")


def evaluate_attribution(rows: Iterable[dict], limit: int | None = None) -> list[Scores]:
    """PolNeAR: cue, source and content spans, overlap and exact."""
    predicted: dict[str, list[list[Interval]]] = {role: [] for role in ATTRIBUTION_ROLES}
    gold: dict[str, list[list[Interval]]] = {role: [] for role in ATTRIBUTION_ROLES}
    for number, row in enumerate(rows):
        if limit is not None and number >= limit:
            break
        report = _safe_analyze(row["text"])
        attributions = list(_predicted_attributions(report))
        for role in ATTRIBUTION_ROLES:
            gold[role].append([g for g in (_gold_interval(a.get(role)) for a in row["attributions"]) if g])
            predicted[role].append([(a[role]["start"], a[role]["end"]) for a in attributions if a[role]])
    results = []
    for exact in (False, True):
        for role in ATTRIBUTION_ROLES:
            results.append(score_spans(f"{role} ({'exact' if exact else 'overlap'})", predicted[role], gold[role], exact))
    return results


def format_table(results: list[Scores]) -> str:
    width = max(len(s.label) for s in results)
    lines = [f"{'':{width}}  {'P':>5}  {'R':>5}  {'F1':>5}  {'pred':>6}  {'gold':>6}"]
    for s in results:
        lines.append(f"{s.label:{width}}  {s.precision:5.2f}  {s.recall:5.2f}  {s.f1:5.2f}  {s.predicted:6d}  {s.gold:6d}")
    return "\n".join(lines)
