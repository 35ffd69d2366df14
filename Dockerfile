# The framing API: gunicorn serving api.app:create_app(), profiles in SQLite under /data.
#   docker build -t framing .
#   docker run -p 8000:8000 -v framing-data:/data framing
# Settings are FRAMING_* environment variables (see the README), e.g. -e FRAMING_WORKERS=4.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md LICENSE ./
COPY framing ./framing
COPY corpora ./corpora
COPY api ./api
COPY gunicorn.conf.py ./
RUN pip install . \
    && useradd --create-home --uid 10001 framing \
    && mkdir /data && chown framing /data

USER framing
ENV FRAMING_HOST=0.0.0.0 \
    FRAMING_PORT=8000 \
    FRAMING_DATABASE_URL=sqlite:////data/framing.sqlite3
VOLUME /data
EXPOSE 8000

# The slim image has no curl; Python's standard library makes the request.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ['FRAMING_PORT'], timeout=4)"

# /dev/shm keeps gunicorn's worker heartbeat files off the container's overlay filesystem.
CMD ["gunicorn", "-c", "gunicorn.conf.py", "--worker-tmp-dir", "/dev/shm"]
