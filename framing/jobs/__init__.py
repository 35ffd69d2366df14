"""Background jobs: analysis and ingest spread over Celery workers (see framing.jobs.app)."""
