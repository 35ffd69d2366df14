"""``framing keys create|list|revoke``: the API keys that writes to the web service need.

The database is the one named by ``FRAMING_DATABASE_URL``, as for the server; a key made
here works at once, on every worker, and a revoked key stops working at the next request.
"""
from __future__ import annotations

import sys

import click

from framing.store.url import database_url_from_env

def _database():
    from framing.store.db import Database

    database = Database(database_url_from_env())
    database.upgrade()
    return database


@click.group("keys")
def keys_group() -> None:
    """API keys for the web service (sent as `Authorization: Bearer <key>`)."""


@keys_group.command("create")
# The choices are framing.store.api_keys.SCOPES, spelt out so that `framing --help` need not load SQLAlchemy.
@click.option("--scope", type=click.Choice(["read", "write", "admin"]), required=True,
              help="read: reads only (when the server asks keys for reads); write: also stores and deletes; admin: everything.")
@click.option("--name", help="Who or what holds the key, for `framing keys list`.")
def create_command(scope: str, name: str | None) -> None:
    """Make a key and print it; it is shown only this once (the database keeps its hash)."""
    from framing.store.api_keys import create_key

    database = _database()
    with database.session() as session:
        token, key = create_key(session, scope, name)
    database.dispose()
    click.echo(f"key {key.id} ({key.scope}{', ' + key.name if key.name else ''}) created; it is shown only once:", err=True)
    click.echo(token)


@keys_group.command("list")
def list_command() -> None:
    """List keys: id, scope, the token's first characters, name, and when made or revoked."""
    from framing.store.api_keys import list_keys

    database = _database()
    with database.session() as session:
        keys = list_keys(session)
    database.dispose()
    if not keys:
        click.echo("no keys; make one with `framing keys create --scope write`", err=True)
    for key in keys:
        state = f"revoked {key.revoked_at:%Y-%m-%d %H:%M}" if key.revoked_at else "active"
        click.echo(f"{key.id}\t{key.scope}\t{key.prefix}...\t{key.name or '-'}\tcreated {key.created_at:%Y-%m-%d %H:%M}\t{state}")


@keys_group.command("revoke")
@click.argument("key_id", type=int)
def revoke_command(key_id: int) -> None:
    """Revoke the key with this id (from `framing keys list`); it stops working at once."""
    from framing.store.api_keys import revoke_key

    database = _database()
    with database.session() as session:
        key = revoke_key(session, key_id)
    database.dispose()
    if key is None:
        click.echo(f"framing: error: key_not_found: no key has id {key_id}", err=True)
        sys.exit(2)
    click.echo(f"key {key.id} ({key.prefix}...) revoked")
