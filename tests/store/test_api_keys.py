"""API keys: stored as hashes with a scope, made, listed and revoked with `framing keys`."""
from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from api.app import create_app
from api.config import Settings
from framing.cli import main
from framing.store.api_keys import SCOPES, allows, create_key, find_key, list_keys, revoke_key
from framing.store.keys_cli import create_command
from framing.store.models import ApiKey


def test_only_the_hash_of_a_key_is_stored(database):
    with database.session() as session:
        token, key = create_key(session, "write", "newsroom importer")
    assert token.startswith("frk_") and len(token) > 40 and key.prefix == token[:10]
    with database.session() as session:
        row = session.scalars(select(ApiKey)).one()
        stored = [str(getattr(row, column.key)) for column in ApiKey.__table__.columns]
    assert row.token_sha256 == hashlib.sha256(token.encode()).hexdigest()
    assert not any(token in value for value in stored)


def test_find_and_revoke(database):
    with database.session() as session:
        token, key = create_key(session, "read")
        other, _ = create_key(session, "admin")
    with database.session() as session:
        assert find_key(session, token) == key and find_key(session, token + "x") is None
        assert revoke_key(session, key.id).revoked_at is not None
        assert revoke_key(session, 999) is None
    with database.session() as session:
        assert find_key(session, token) is None and find_key(session, other).scope == "admin"
        assert [k.revoked_at is None for k in list_keys(session)] == [False, True]


def test_each_scope_allows_the_narrower_ones():
    assert [allows(granted, "write") for granted in SCOPES] == [False, True, True]
    assert all(allows(granted, "read") for granted in SCOPES) and not allows("write", "admin")
    with pytest.raises(ValueError):
        create_key(None, "owner")


def test_the_command_offers_every_scope():
    scope_option = next(option for option in create_command.params if option.name == "scope")
    assert tuple(scope_option.type.choices) == SCOPES


def test_keys_commands_end_to_end(tmp_path):
    """A key made on the command line opens writes on a server using the same database."""
    url = f"sqlite:///{tmp_path / 'keys.sqlite3'}"
    runner = CliRunner()
    environment = {"FRAMING_DATABASE_URL": url}
    made = runner.invoke(main, ["keys", "create", "--scope", "write", "--name", "importer"], env=environment)
    assert made.exit_code == 0, made.output
    token = made.stdout.strip()
    assert token.startswith("frk_") and "shown only once" in made.stderr

    listed = runner.invoke(main, ["keys", "list"], env=environment)
    assert listed.stdout.split("\t")[:4] == ["1", "write", f"{token[:10]}...", "importer"] and token not in listed.stdout

    client = create_app(Settings(database_url=url)).test_client()
    body = {"name": "syria", "sides": {"russia": "government"}}
    assert client.post("/v1/profiles", json=body, headers={"Authorization": f"Bearer {token}"}).status_code == 201

    assert runner.invoke(main, ["keys", "revoke", "1"], env=environment).exit_code == 0
    assert "revoked" in runner.invoke(main, ["keys", "list"], env=environment).stdout
    assert client.delete("/v1/profiles/syria", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    missing = runner.invoke(main, ["keys", "revoke", "7"], env=environment)
    assert missing.exit_code == 2 and "key_not_found" in missing.stderr
    assert runner.invoke(main, ["keys", "create", "--scope", "owner"], env=environment).exit_code == 2
