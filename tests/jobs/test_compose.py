"""docker-compose.yml: the services, their health checks, volumes and the settings they share.

No Docker engine runs where the tests do, so the file is checked as data: what `docker
compose config` would be given.
"""
from __future__ import annotations

from pathlib import Path

import yaml

COMPOSE = Path(__file__).parents[2] / "docker-compose.yml"


def test_services_health_checks_and_volumes():
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    services = compose["services"]
    assert set(services) == {"api", "worker", "redis", "postgres"}
    for name, service in services.items():
        assert service["healthcheck"]["test"], name
        assert service.get("restart") == "unless-stopped", name
    assert services["redis"]["volumes"] == ["redis-data:/data"] and "redis-data" in compose["volumes"]
    assert services["postgres"]["volumes"] == ["postgres-data:/var/lib/postgresql/data"] and "postgres-data" in compose["volumes"]
    assert "--appendonly" in services["redis"]["command"]


def test_api_and_workers_share_broker_database_and_queue():
    services = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))["services"]
    api, worker = services["api"], services["worker"]
    assert worker["command"] == ["framing", "worker"]
    assert "container_name" not in worker and "ports" not in worker  # `--scale worker=N` needs both left out
    for name in ("FRAMING_DATABASE_URL", "FRAMING_BROKER_URL", "FRAMING_QUEUE"):
        assert api["environment"][name] == worker["environment"][name], name
    assert api["environment"]["FRAMING_BROKER_URL"].startswith("redis://redis:6379/")
    assert api["environment"]["FRAMING_DATABASE_URL"].startswith("postgresql+psycopg://") and "@postgres:5432/" in api["environment"]["FRAMING_DATABASE_URL"]
    for service in (api, worker):
        assert service["depends_on"] == {"postgres": {"condition": "service_healthy"}, "redis": {"condition": "service_healthy"}}
    assert api["ports"] == ["127.0.0.1:8000:8000"]
