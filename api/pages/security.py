"""What keeps the pages safe: a strict Content-Security-Policy and a same-origin check on forms.

**Content-Security-Policy.** Every script and style comes from this server's own files
(``'self'``); there is no ``'unsafe-inline'``, so even if some article text escaped the
templates' autoescaping as markup, a ``<script>`` in it or an ``onerror=`` attribute would
not run. Pages pass data to their scripts in ``<script type="application/json">`` blocks
and ``data-`` attributes, which the policy does not execute. The policy is set on the
pages only: the JSON API and the Swagger UI at ``/docs`` keep their headers.

**Cross-site form posts.** The analyse form is the pages' only POST; it stores nothing,
but a hostile site must still not be able to make a visitor's browser run analyses. The
check follows the one the Go standard library adopted (net/http ``CrossOriginProtection``,
Go 1.25) after Filippo Valsorda's write-up: browsers mark each request with
``Sec-Fetch-Site``; a POST marked other than ``same-origin`` (or ``none``, typed by the
user) is refused. Browsers too old to send it send ``Origin``, whose host must then be the
request's ``Host``. A request with neither header comes from no browser (curl, scripts),
and nothing cross-site can be forged with it. No token, secret or cookie is needed, so
the pages stay stateless. Behind a reverse proxy that rewrites ``Host``, set
``FRAMING_TRUSTED_PROXIES`` so the forwarded host is the one compared.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Request, Response

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
))

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_ALLOWED_SITES = frozenset({"same-origin", "none"})


def is_cross_site(request: Request) -> bool:
    """True for a state-changing request a browser sent on behalf of another site."""
    if request.method in _SAFE_METHODS:
        return False
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site not in _ALLOWED_SITES
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    return urlsplit(origin).netloc.lower() != request.host.lower()


def add_security_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response
