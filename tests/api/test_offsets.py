from __future__ import annotations

import pytest

from api.offsets import Utf16Offsets


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("text", [
    "Plain ASCII: the minister said.",
    "Café, naïve, Ελλάδα, 日本: all in the basic plane.",
    "🔥 Strikes hit Idlib 😡😡, the monitor said 👍",
    "𝐁𝐨𝐥𝐝 mathematical letters and a flag 🇺🇦 (two code points).",
])
def test_every_index_matches_utf16_length_of_the_prefix(text):
    convert = Utf16Offsets(text)
    for index in range(len(text) + 1):
        assert convert(index) == _utf16_length(text[:index])


def test_converts_nested_spans_in_place():
    text = "🔥 Moscow denied it, 😡 officials said."
    report = {
        "paragraphs": [{"start": 0, "end": len(text), "attributions": [
            {"source": {"start": 21, "end": 30, "text": "officials"}, "cue": {"start": 31, "end": 35, "text": "said"}, "sentence": 0},
        ]}],
        "counts": {"start_words": 3},
    }
    Utf16Offsets(text).convert(report)
    attribution = report["paragraphs"][0]["attributions"][0]
    assert (attribution["source"]["start"], attribution["source"]["end"]) == (23, 32)
    assert (attribution["cue"]["start"], attribution["cue"]["end"]) == (33, 37)
    assert report["paragraphs"][0]["end"] == _utf16_length(text)
    assert attribution["sentence"] == 0 and report["counts"] == {"start_words": 3}


def test_text_without_astral_characters_is_left_alone():
    report = {"start": 1, "end": 4}
    assert Utf16Offsets("Café au lait").convert(report) is report and report == {"start": 1, "end": 4}
