"""How fast is a full analysis, next to running VADER alone over the same sentences?

Usage:
    .venv/bin/python benchmarks/analysis_speed.py [ARTICLES.jsonl] [--limit N] [--repeat R]

ARTICLES.jsonl holds one {"text": ...} object per line; the default is the PolNeAR training
articles in ../shared/eval/articles/ (840 real US news articles). Prints milliseconds per
article (p50, p95), articles per second, the same for VADER's polarity_scores over every
sentence of the same articles, their ratio, the resident memory afterwards, and the machine
it ran on. Corpora load before
timing starts (they load once per process). Not a test: wall-clock figures never gate CI.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from datetime import date
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing import analyze, corpora
from framing.errors import FramingError
from framing.text import segment

DEFAULT_ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "articles" / "polnear_train_articles.jsonl"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="?", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3, help="timing passes; the fastest pass per article counts")
    args = parser.parse_args()
    if not args.articles.is_file():
        print(f"no articles at {args.articles}; pass a JSONL file of {{'text': ...}} objects", file=sys.stderr)
        return 2
    texts = []
    with args.articles.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if len(texts) >= args.limit:
                break
    corpora.load_all()
    vader = SentimentIntensityAnalyzer()
    usable, sentences = [], []
    for text in texts:
        try:
            analyze(text)  # warm caches and drop texts the analyzer refuses
        except FramingError:
            continue
        usable.append(text)
        document = segment(text)
        sentences.append([text[s.start:s.end] for p in document.paragraphs for s in p.sentences])
    analysis_ms = [float("inf")] * len(usable)
    vader_ms = [float("inf")] * len(usable)
    for _ in range(args.repeat):
        for index, text in enumerate(usable):
            started = time.perf_counter()
            analyze(text)
            analysis_ms[index] = min(analysis_ms[index], (time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            for sentence in sentences[index]:
                vader.polarity_scores(sentence)
            vader_ms[index] = min(vader_ms[index], (time.perf_counter() - started) * 1000)
    words = sum(len(text.split()) for text in usable)
    print(f"framing analysis speed, {date.today().isoformat()}")
    print(f"machine: {machine()}")
    print(f"articles: {len(usable)} from {args.articles.name} ({words / len(usable):.0f} words on average), best of {args.repeat} passes")
    for name, values in (("full analysis", analysis_ms), ("VADER alone ", vader_ms)):
        print(f"{name}: p50 {percentile(values, 0.5):7.2f} ms  p95 {percentile(values, 0.95):7.2f} ms  "
              f"{len(values) / (sum(values) / 1000):7.1f} articles/s")
    print(f"ratio (full / VADER, total time): {sum(analysis_ms) / sum(vader_ms):.2f}")
    print(f"resident memory after the run: {resident_megabytes():.0f} MB (peak {peak_megabytes():.0f} MB)")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (figures from a busy machine are not comparable)")
    return 0


def resident_megabytes() -> float:
    """The process's resident set now (Linux), in MB: what a warm worker keeps."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_megabytes() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    sys.exit(main())
