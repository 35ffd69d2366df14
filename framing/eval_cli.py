"""``framing eval TASK PATH`` and ``framing train sentiment|attribution``: measure, and rebuild the learned models.

Both read the public evaluation corpora, which are not part of the repository (see
docs/quality.md). When the data is absent the command says so and exits 0 without a
result, so scripts that run every task keep going on machines without the corpora.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from framing.evaluate import TASKS

CHECKOUT = Path(__file__).resolve().parent.parent
DEFAULT_TRAINING_DATA = CHECKOUT.parent / "shared" / "eval" / "newsmtsc" / "train.jsonl"
DEFAULT_MODEL_FILE = CHECKOUT / "corpora" / "actor_sentiment_model.json"
DEFAULT_ATTRIBUTION_DATA = CHECKOUT.parent / "shared" / "eval" / "polnear" / "train.jsonl"
DEFAULT_CUE_MODEL_FILE = CHECKOUT / "corpora" / "attribution_cue_model.json"
DEFAULT_GUM_FOLDER = CHECKOUT.parent / "shared" / "train" / "gum"
DEFAULT_NAME_MODEL_FILE = CHECKOUT / "corpora" / "name_model.json"
DEFAULT_CENSUS_FOLDER = CHECKOUT.parent / "shared" / "train" / "census-1990-names"
DEFAULT_PERSON_NAMES_FILE = CHECKOUT / "corpora" / "person_names.tsv"
SENTIMENT_MODELS = ("learned", "vader-clause", "vader-sentence", "vader-window")


def _skip(path: Path, what: str) -> None:
    click.echo(
        f"framing: skipped: no {what} at {path} (the evaluation corpora are not shipped with framing; "
        "see docs/quality.md for where they come from)", err=True,
    )
    sys.exit(0)


@click.command("eval")
@click.argument("task", type=click.Choice(TASKS))
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--model", type=click.Choice(SENTIMENT_MODELS), default="learned", show_default=True,
              help="sentiment only: the actor-sentiment model to score.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write the result as JSON.")
@click.option("--limit", type=int, help="Score only the first N rows.")
@click.option("--misses", type=int, default=0, show_default=True, help="Add N misses, spread over the data, to the JSON.")
def eval_command(task: str, path: Path, model: str, json_path: Path | None, limit: int | None, misses: int) -> None:
    """Score a detector on a human-annotated corpus file (JSONL, ../shared/eval/README.md formats).

    TASK is sentiment (NewsMTSC), attribution (PolNeAR), loaded (PTC or BABE) or basil (BASIL: actors, named speakers, author feeling).
    """
    from framing.evaluate import evaluate

    if not path.is_file():
        _skip(path, f"{task} data")
    result = evaluate(task, path, model=model, limit=limit, misses=misses)
    click.echo(result.table())
    if json_path:
        json_path.write_text(json.dumps(result.as_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


@click.command("train")
@click.argument("what", type=click.Choice(["sentiment", "attribution", "names", "person-names"]))
@click.option("--data", type=click.Path(path_type=Path),
              help="Training data: NewsMTSC format for sentiment (default ../shared/eval/newsmtsc/train.jsonl), "
                   "PolNeAR format for attribution (default ../shared/eval/polnear/train.jsonl), GUM's TSV folder for "
                   "names (default ../shared/train/gum), the census lists' folder for person-names "
                   "(default ../shared/train/census-1990-names).")
@click.option("--news", type=click.Path(path_type=Path),
              help="names only: PolNeAR-format articles that teach which words news writes in lower case "
                   "(default ../shared/eval/polnear/train.jsonl).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the model (default: its file in corpora/).")
@click.option("--cv/--no-cv", default=True, show_default=True,
              help="sentiment only: cross-validate and store the figures in the file (attribution always does: "
                   "it chooses its thresholds that way).")
def train_command(what: str, data: Path | None, news: Path | None, output: Path | None, cv: bool) -> None:
    """Rebuild a learned model's parameter file (byte for byte, given the same data)."""
    from framing.training.sentiment import dumps

    if what == "names":
        _train_names(data or DEFAULT_GUM_FOLDER, news or DEFAULT_ATTRIBUTION_DATA, output or DEFAULT_NAME_MODEL_FILE, cv, dumps)
        return
    if what == "person-names":
        _build_person_names(data or DEFAULT_CENSUS_FOLDER, output or DEFAULT_PERSON_NAMES_FILE)
        return
    if what == "attribution":
        _train_attribution(data or DEFAULT_ATTRIBUTION_DATA, output or DEFAULT_CUE_MODEL_FILE, dumps)
        return
    from framing.training.sentiment import train_sentiment

    data = data or DEFAULT_TRAINING_DATA
    output = output or DEFAULT_MODEL_FILE
    if not data.is_file():
        _skip(data, "training data")
    document = train_sentiment(data, with_cv=cv)
    output.write_text(dumps(document), encoding="utf-8")
    click.echo(f"wrote {output} ({len(document['weights'])} weighted features, {document['training']['examples']} examples)")
    if cv:
        figures = document["cross_validation"]
        click.echo(f"{figures['folds']}-fold cross-validated macro-F1: model {figures['model']['macro_f1']:.4f}, "
                   f"VADER sentence {figures['vader_sentence']['macro_f1']:.4f}, VADER clause {figures['vader_clause']['macro_f1']:.4f}")


def _train_attribution(data: Path, output: Path, dumps) -> None:
    from framing.training.attribution import train_cue_model

    if not data.is_file():
        _skip(data, "PolNeAR training data")
    document = train_cue_model(data)
    output.write_text(dumps(document), encoding="utf-8")
    figures = document["cross_validation"]
    click.echo(f"wrote {output} ({len(document['candidates'])} candidate words, {len(document['weights'])} weighted features, "
               f"{document['training']['examples']} examples)")
    click.echo(f"{figures['folds']}-fold cross-validated cue F1 (overlap): rules {figures['rules_alone']['f1']:.4f}, "
               f"rules and tagger {figures['rules_and_tagger']['f1']:.4f} (thresholds {figures['threshold_listed']} listed, {figures['threshold_unlisted']} other words)")


def _train_names(folder: Path, news: Path, output: Path, cv: bool, dumps) -> None:
    from framing.evaluate import read_jsonl
    from framing.training.names import train_name_model

    if not folder.is_dir():
        _skip(folder, "GUM training data")
    if not news.is_file():
        _skip(news, "PolNeAR articles")
    document = train_name_model(folder, [row["text"] for row in read_jsonl(news)], with_cv=cv)
    output.write_text(dumps(document), encoding="utf-8")
    click.echo(f"wrote {output} ({len(document['weights'])} weighted features, {document['training']['examples']} candidate names, "
               f"{len(document['common_words'])} common words)")
    if cv:
        figures = document["cross_validation"]
        both = figures["person_and_organization"]
        click.echo(f"{figures['folds']}-fold cross-validated GUM person and organisation mention F1: "
                   f"{both['overlap']['f1']:.4f} overlap, {both['exact']['f1']:.4f} exact "
                   f"(person {figures['person']['overlap']['f1']:.4f}, organisation {figures['organization']['overlap']['f1']:.4f})")


def _build_person_names(folder: Path, output: Path) -> None:
    from framing.training.person_names import build_person_names

    if not (folder / "dist.all.last").is_file():
        _skip(folder, "census name lists")
    output.write_text(build_person_names(folder), encoding="utf-8")
    click.echo(f"wrote {output}")
