"""Helpers shared by the tests of ``framing train``: a training file, and a trainer run twice."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from framing.eval_cli import train_command


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def train_twice(task: str, data: Path, workdir: Path) -> bytes:
    """Run ``framing train TASK`` twice on the same data; the two files must be identical."""
    outputs = []
    for attempt in range(2):
        output = workdir / f"model-{attempt}.json"
        result = CliRunner().invoke(train_command, [task, "--data", str(data), "--output", str(output)])
        assert result.exit_code == 0, result.output
        outputs.append(output.read_bytes())
    assert outputs[0] == outputs[1], "training is not reproducible byte for byte"
    return outputs[0]
