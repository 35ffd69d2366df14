"""Training of the learned components (``framing train``): reads public annotated corpora,
writes the JSON parameter files in corpora/ that :mod:`framing.learn` loads at run time.

Kept apart from :mod:`framing.learn` because training depends on the evaluation harness
(:mod:`framing.evaluate`) for data reading and scoring, while analysis must not.
"""
