"""How often is each detector right? Every evaluation task on the public corpora, in one run.

Usage:
    .venv/bin/python benchmarks/quality.py [EVAL_DIR] [--json FILE] [--misses N]

EVAL_DIR holds the corpora described in ../shared/eval/README.md (default: ../shared/eval
beside the repository). Prints the date, the analyzer and model versions, the machine, and
one table per task: NewsMTSC actor sentiment for every model (VADER baselines beside the
learned model, whose cross-validated figure is read from its parameter file, since scoring
it on its own training data would only measure memory), PolNeAR attribution, PTC and BABE
loaded terms. A corpus that is absent is reported as skipped. Copy the output into
docs/quality.md when a detector or lexicon changes. Not a test: it never gates CI.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from analysis_speed import machine

from framing.version import ANALYZER_VERSION
from framing.evaluate import evaluate
from framing.learn.sentiment_model import stored_parameters

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
RUNS = (  # (task, file under EVAL_DIR, sentiment model)
    ("sentiment", "newsmtsc/train.jsonl", "vader-sentence"),
    ("sentiment", "newsmtsc/train.jsonl", "vader-window"),
    ("sentiment", "newsmtsc/train.jsonl", "vader-clause"),
    ("attribution", "polnear/dev.jsonl", None),
    ("loaded", "ptc/dev.jsonl", None),
    ("loaded", "babe/dev.jsonl", None),
    ("basil", "basil/dev.jsonl", None),
)


def cross_validated_model() -> str:
    parameters = stored_parameters()
    figures = parameters["cross_validation"]
    lines = [f"sentiment: learned model {parameters['model']} {parameters['version']}, "
             f"{figures['folds']}-fold cross-validation on {parameters['training']['data']} "
             f"({parameters['training']['examples']} targets; folds keep each sentence whole)"]
    for name in ("model", "vader_sentence", "vader_clause"):
        lines.append(f"  {name:<15} macro-F1 {figures[name]['macro_f1']:.4f}  accuracy {figures[name]['accuracy']:.4f}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eval_dir", nargs="?", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--json", type=Path, help="write every result to this file")
    parser.add_argument("--misses", type=int, default=0, help="include N misses per task in the JSON")
    args = parser.parse_args()
    print(f"framing quality, {date.today().isoformat()}, analyzer {ANALYZER_VERSION}")
    print(f"machine: {machine()}")
    print()
    print(cross_validated_model())
    results = []
    for task, relative, model in RUNS:
        path = args.eval_dir / relative
        print()
        if not path.is_file():
            print(f"{task}: skipped, no data at {path}")
            continue
        result = evaluate(task, path, model=model or "learned", misses=args.misses)
        print(result.table())
        results.append(result.as_dict())
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
