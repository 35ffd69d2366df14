"""The framing web service. ``api.app.create_app()`` builds it; gunicorn serves
``api.app:create_app()`` (see gunicorn.conf.py) and ``framing serve`` runs it for development.

Kept empty so that importing a small piece (``api.cli`` from the ``framing`` command) does
not load Flask, SQLAlchemy and the HTML extractor.
"""
