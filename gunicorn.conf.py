"""Gunicorn settings for production: ``gunicorn -c gunicorn.conf.py``.

Every value comes from the FRAMING_* environment variables via api.config. The app is
preloaded, so the corpora and the sentiment model load once in the master process and
workers share them. Analysis is CPU-bound pure Python, so one worker per core and one
thread per worker by default: a second thread in a worker only waits for the GIL, and each
request's time inside the server grows by half or more while throughput stays the same
(benchmarks/http.py, docs/benchmarks.md). Requests beyond the workers wait in the listen
backlog, where they cost nothing, instead of inside a worker. The worker class is gthread
even with one thread: it keeps idle keep-alive connections aside (a browser extension or a
proxy reuses its connection) where the sync worker closes every connection after one
request; it measured no slower.
"""
from api.config import Settings
from api.server_errors import use_json_errors_in_gunicorn

settings = Settings.from_env()
use_json_errors_in_gunicorn()  # gunicorn's own 400/414/431/500 answers in the API's JSON error shape

wsgi_app = "api.app:create_app()"
bind = f"{settings.host}:{settings.port}"
workers = settings.worker_count
threads = settings.threads
worker_class = "gthread"
timeout = settings.timeout  # a full batch of long articles takes tens of seconds
graceful_timeout = 30
keepalive = 5  # seconds an idle keep-alive connection is kept
backlog = 2048  # connections waiting for a free worker: sixteen clients, or a proxy's bursts, queue here
limit_request_line = 8190  # gunicorn's largest: a query at the documented parameter limits fits; longer is 414 (JSON)
preload_app = True
max_requests = 20000  # recycle workers now and then, bounding any slow growth in memory; rarely, since a new worker starts with cold caches
max_requests_jitter = 2000
accesslog = "-"
errorlog = "-"
loglevel = settings.log_level
logger_class = "api.access_log.JsonAccessLogger"
control_socket_disable = True  # gunicorn >= 25 would open a socket in $HOME, unwritable in the container


def post_fork(server, worker):
    """Workers must not reuse database connections the master opened before forking."""
    app = worker.app.callable
    database = app.extensions.get("framing_db") if app is not None else None
    if database is not None:
        database.after_fork()
