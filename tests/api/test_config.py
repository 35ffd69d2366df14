from __future__ import annotations

import pytest

from api.config import ConfigError, Settings


def test_defaults_run_out_of_the_box():
    settings = Settings.from_env({})
    assert settings.database_url.startswith("sqlite:///")
    assert settings.rate_limit == "" and settings.cors_origin_list == ["*"]
    assert settings.worker_count >= 1


def test_reads_prefixed_variables():
    settings = Settings.from_env({
        "FRAMING_PORT": "9000", "FRAMING_MAX_BATCH_ITEMS": "5", "FRAMING_RATE_LIMIT": "100/minute",
        "FRAMING_CORS_ORIGINS": "https://a.example, https://b.example", "PORT": "1",
    })
    assert (settings.port, settings.max_batch_items, settings.rate_limit) == (9000, 5, "100/minute")
    assert settings.cors_origin_list == ["https://a.example", "https://b.example"]


def test_rejects_a_non_integer():
    with pytest.raises(ConfigError, match="FRAMING_PORT"):
        Settings.from_env({"FRAMING_PORT": "eighty"})


@pytest.mark.parametrize("raw, value", [("1", True), ("true", True), ("Yes", True), ("on", True), ("0", False), ("false", False), ("", False)])
def test_reads_a_switch(raw, value):
    assert Settings.from_env({"FRAMING_REQUIRE_KEYS_FOR_READS": raw}).require_keys_for_reads is value
    assert Settings.from_env({}).require_keys_for_reads is False


def test_rejects_a_switch_that_is_neither():
    with pytest.raises(ConfigError, match="FRAMING_REQUIRE_KEYS_FOR_READS"):
        Settings.from_env({"FRAMING_REQUIRE_KEYS_FOR_READS": "sometimes"})
