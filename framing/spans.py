"""Spans: the one currency every finding is paid in.

A span is a half-open ``[start, end)`` range of Python string indices into the input
exactly as the caller gave it, plus the text it covers, so ``text == input[start:end]``
always holds and a browser can highlight it.
"""
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> "Span":
        return cls(start, end, source[start:end])

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}
