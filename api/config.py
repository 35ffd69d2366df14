"""Every setting of the web service, read from ``FRAMING_*`` environment variables here only.

Defaults run out of the box on a laptop: a SQLite file in the working directory, no rate
limit, CORS open to any origin (browser extensions and media-literacy pages call the API
and no endpoint uses cookies), reads open and writes behind API keys (there is no default
key: ``framing keys create`` makes the first). The README's configuration table lists the same names.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

from framing.inputs import MAX_TEXT_CHARS
from framing.store.url import DEFAULT_DATABASE_URL

PREFIX = "FRAMING_"


class ConfigError(ValueError):
    """An environment variable holds a value the service cannot use."""


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    database_url: str = DEFAULT_DATABASE_URL
    max_body_bytes: int = 10 * 1024 * 1024
    max_text_chars: int = MAX_TEXT_CHARS
    max_batch_items: int = 20
    max_batch_chars: int = 1_000_000
    rate_limit: str = ""
    rate_limit_storage: str = "memory://"
    cors_origins: str = "*"
    trusted_proxies: int = 0  # reverse proxies in front whose X-Forwarded-* headers are believed
    require_keys_for_reads: bool = False  # writes always need a key; reads and analyses only when this is set
    workers: int = 0  # 0: one per CPU core
    threads: int = 1  # analysis is CPU-bound: a second thread only waits for the GIL (docs/benchmarks.md)
    timeout: int = 120
    log_level: str = "info"
    broker_url: str = ""  # Redis for the job workers (framing.jobs); empty: jobs run on a thread of this process
    queue: str = "framing"  # the workers' queue (FRAMING_QUEUE)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        environ = os.environ if environ is None else environ
        values = {}
        for field in fields(cls):
            raw = environ.get(PREFIX + field.name.upper())
            if raw is None:
                continue
            if field.type == "int":
                try:
                    values[field.name] = int(raw)
                except ValueError as error:
                    raise ConfigError(f"{PREFIX}{field.name.upper()} must be an integer, not {raw!r}") from error
            elif field.type == "bool":
                values[field.name] = _boolean(PREFIX + field.name.upper(), raw)
            else:
                values[field.name] = raw.strip()
        return cls(**values)

    @property
    def cors_origin_list(self) -> list[str]:
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]

    @property
    def worker_count(self) -> int:
        """Analysis is CPU-bound: one worker per core uses the machine without thrashing."""
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)


_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"", "0", "false", "no", "off"}


def _boolean(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value not in _TRUE | _FALSE:
        raise ConfigError(f"{name} must be true or false (1/0, yes/no, on/off), not {raw!r}")
    return value in _TRUE
