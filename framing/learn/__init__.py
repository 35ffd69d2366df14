"""Learned components: models trained on public annotated corpora, stored as plain JSON.

Parameters live in ``corpora/`` as data (never pickles, which run code when loaded) and are
rebuilt byte for byte by ``framing train`` (:mod:`framing.training`); inference is pure
Python over those numbers.
"""
