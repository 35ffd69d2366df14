"""Report offsets in UTF-16 code units, the unit JavaScript strings are indexed in.

The library reports Python code-point offsets. A browser front end highlighting
``text.slice(start, end)`` is off by one for every emoji or other astral character (one
code point, two UTF-16 units) before the span, so ``?offsets=utf16`` rewrites every
``start``/``end`` pair in the report.
"""
from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Offsets:
    """Code-point index -> UTF-16 index for one text.

    The table is the sorted code-point positions of astral characters, found by one regex
    scan: the UTF-16 index of ``i`` is ``i`` plus the astral characters before ``i``. Text
    without any (most news) converts for free.
    """

    def __init__(self, text: str):
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]

    def __call__(self, index: int) -> int:
        return index + bisect_left(self._astral, index) if self._astral else index

    def convert(self, node):
        """Rewrite in place every dict with integer ``start`` and ``end``, at any depth."""
        if not self._astral:
            return node
        if isinstance(node, dict):
            if type(node.get("start")) is int and type(node.get("end")) is int:
                node["start"], node["end"] = self(node["start"]), self(node["end"])
            children = node.values()
        elif isinstance(node, list):
            children = node
        else:
            return node
        for child in children:
            if isinstance(child, (dict, list)):
                self.convert(child)
        return node
