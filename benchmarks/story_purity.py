"""How well story grouping finds events: purity and inverse purity against hand labels.

Clusters all 840 PolNeAR training articles (7 US outlets, Nov 2015 - Sep 2016) with
``framing.store.stories.cluster`` at each threshold and window, then scores the groups
of the hand-labelled articles in ``benchmarks/story_labels.json`` (60 articles, 19 events):

- purity: each found group counts its most common event; the share of articles so counted
  (1.0 when no group mixes events; every article alone scores 1.0).
- inverse purity: each event counts its largest found group; the share so counted (1.0
  when no event is split; everything in one group scores 1.0).
- F: their harmonic mean, which the default threshold maximises.

The other 780 articles take part in the clustering (they can pull a labelled article into
a wrong group) but are not scored. Rerun:

    .venv/bin/python benchmarks/story_purity.py
"""
from __future__ import annotations

import argparse
import json
import platform
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from framing.store.records import parse_datetime
from framing.store.stories import (
    DEFAULT_THRESHOLD,
    DEFAULT_WINDOW_DAYS,
    cluster,
    story_text,
)

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "eval" / "articles" / "polnear_train_articles.jsonl"
LABELS = ROOT / "benchmarks" / "story_labels.json"


def scores(found: list[int], events: list[str]) -> tuple[float, float, float]:
    total = len(events)
    by_group: dict[int, Counter] = defaultdict(Counter)
    by_event: dict[str, Counter] = defaultdict(Counter)
    for group, event in zip(found, events):
        by_group[group][event] += 1
        by_event[event][group] += 1
    purity = sum(max(counts.values()) for counts in by_group.values()) / total
    inverse = sum(max(counts.values()) for counts in by_event.values()) / total
    return purity, inverse, 2 * purity * inverse / (purity + inverse)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--thresholds", default="0.04,0.06,0.08,0.1,0.12,0.15,0.2,0.3")
    parser.add_argument("--windows", default="1,2,3,5,7")
    arguments = parser.parse_args()
    rows = [json.loads(line) for line in arguments.articles.read_text(encoding="utf-8").splitlines() if line.strip()]
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["labels"]
    texts = [story_text(row.get("title"), row["text"]) for row in rows]
    published = [parse_datetime(row["published"]) for row in rows]
    labelled = [index for index, row in enumerate(rows) if row["id"] in labels]
    events = [labels[rows[index]["id"]] for index in labelled]
    print(f"# story purity, {date.today().isoformat()}, {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"{len(rows)} articles clustered; {len(labelled)} labelled, {len(set(events))} events; default threshold "
          f"{DEFAULT_THRESHOLD}, window {DEFAULT_WINDOW_DAYS} days\n")
    print("| window days | threshold | purity | inverse purity | F | groups of 2+ (all articles) | seconds |")
    print("|---|---|---|---|---|---|---|")
    for window in [float(value) for value in arguments.windows.split(",")]:
        for threshold in [float(value) for value in arguments.thresholds.split(",")]:
            started = time.perf_counter()
            found = cluster(texts, published, threshold=threshold, window_days=window)
            elapsed = time.perf_counter() - started
            purity, inverse, f_score = scores([int(found.labels[index]) for index in labelled], events)
            print(f"| {window:g} | {threshold:g} | {purity:.3f} | {inverse:.3f} | {f_score:.3f} | {len(found.terms)} | {elapsed:.2f} |")


if __name__ == "__main__":
    main()
