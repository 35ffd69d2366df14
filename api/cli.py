"""``framing serve``: the API on Flask's development server, SQLite by default.

For production use gunicorn with gunicorn.conf.py; this command is for trying the API on
one machine with nothing else installed or running.
"""
from __future__ import annotations

from dataclasses import replace

import click

from api.config import Settings


@click.command("serve")
@click.option("--host", help="Address to listen on [default: FRAMING_HOST or 127.0.0.1].")
@click.option("--port", type=int, help="Port to listen on [default: FRAMING_PORT or 8000].")
def serve(host: str | None, port: int | None) -> None:
    """Run the HTTP API for development (docs at /docs)."""
    from api.app import create_app  # Flask and friends load only when serving
    from api.server_errors import JsonErrorRequestHandler
    from framing.store.api_keys import list_keys

    settings = Settings.from_env()
    settings = replace(settings, host=host or settings.host, port=port or settings.port)
    click.echo(f"framing API on http://{settings.host}:{settings.port}/ (docs at /docs, database {settings.database_url})")
    app = create_app(settings)
    with app.extensions["framing_db"].session() as session:
        if not any(key.revoked_at is None for key in list_keys(session)):
            click.echo("no API keys yet: writes answer 401 until `framing keys create --scope write` makes one")
    app.run(host=settings.host, port=settings.port, request_handler=JsonErrorRequestHandler)
