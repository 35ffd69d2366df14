"""The ``framing`` command line: ``framing analyze FILE|-``.

Errors in the input end the command with exit status 2 and one line on stderr naming the
error code, never a traceback: the CLI is used in shell pipelines over many files.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from framing.analysis import analyze
from framing.errors import FramingError
from framing.inputs import decode
from framing.profiles import bundled_profile, bundled_profiles

INPUT_ERROR = 2


def _fail(error: FramingError) -> None:
    click.echo(f"framing: error: {error.code}: {error.message}", err=True)
    sys.exit(INPUT_ERROR)


def _read(path: str) -> str:
    if path == "-":
        raw = sys.stdin.buffer.read()
    else:
        file = Path(path)
        if not file.is_file():
            click.echo(f"framing: error: file_not_found: {path} is not a readable file", err=True)
            sys.exit(INPUT_ERROR)
        raw = file.read_bytes()
    return decode(raw)


def _profile(path_or_name: str) -> str | dict:
    """A profile file's text, or a bundled profile named instead of a file."""
    bundled = bundled_profile(path_or_name)
    if bundled is not None and not Path(path_or_name).is_file():
        return bundled
    if not Path(path_or_name).is_file():
        names = ", ".join(bundled_profiles()) or "none"
        click.echo(f"framing: error: file_not_found: {path_or_name} is neither a readable file nor a bundled profile ({names})", err=True)
        sys.exit(INPUT_ERROR)
    return _read(path_or_name)


@click.group()
@click.version_option(package_name="framing")
def main() -> None:
    """News framing analysis: attribution, sourcing balance, loaded terms, hedges, actor sentiment."""


@main.command("analyze")
@click.argument("file")
@click.option("--title", help="The article's headline, analysed and reported separately.")
@click.option("--profile", "profile_path", help="Actor profile with your own actors and sides: a JSON file, or the name of a "
              "profile shipped in corpora/profiles (e.g. syria-2015).")
@click.option("--outlet", help="Metadata: the publishing outlet, copied into the report.")
@click.option("--url", help="Metadata: the article's address, copied into the report.")
@click.option("--published", help="Metadata: the publication date (ISO 8601), copied into the report.")
@click.option("--format", "output_format", type=click.Choice(["json", "text"]), default="json", show_default=True)
def analyze_command(file: str, title: str | None, profile_path: str | None, outlet: str | None, url: str | None,
                    published: str | None, output_format: str) -> None:
    """Analyse one article (FILE, or - for standard input) and print its framing report."""
    from framing.render import render_text

    metadata = {key: value for key, value in (("outlet", outlet), ("url", url), ("published_at", published)) if value}
    try:
        text = _read(file)
        profile = _profile(profile_path) if profile_path else None
        report = analyze(text, title=title, metadata=metadata, profile=profile)
    except FramingError as error:
        _fail(error)
    if output_format == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(report))


# Commands defined elsewhere; each imports its heavy dependencies only when it runs.
from api.cli import serve  # noqa: E402
from framing.eval_cli import eval_command, train_command  # noqa: E402

main.add_command(serve)
main.add_command(eval_command)
main.add_command(train_command)

# Storage commands (framing/store/cli.py): SQLAlchemy and Alembic load only when they run.
from framing.store.cli import db_group, ingest_command, reanalyze_command  # noqa: E402

main.add_command(ingest_command)
main.add_command(reanalyze_command)
main.add_command(db_group)
from framing.store.stories_cli import stories_group  # noqa: E402

main.add_command(stories_group)
from framing.store.keys_cli import keys_group  # noqa: E402

main.add_command(keys_group)
from framing.jobs.cli import worker_command  # noqa: E402

main.add_command(worker_command)
