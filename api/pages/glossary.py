"""Plain-language meanings of the report's codes, for readers who are not its authors.

The report names what it found with stable codes (``distancing``, ``embedded_claim``,
``metonym``); docs/report.md and docs/method.md define them. A teacher hovering over a
word needs the definition in a sentence, so the pages say it here. A code missing from
these tables is shown as it is, with underscores as spaces: a newer report still renders.
"""
from __future__ import annotations

PATTERNS = {
    "source_cue_content": "source, reporting verb, then what was said (\u201cMoscow said its jets hit \u2026\u201d)",
    "content_source_cue": "what was said, then the source and verb (\u201c\u2026, a monitoring group said\u201d)",
    "content_cue_source": "what was said, then the verb and source (\u201c\u2026, said one rebel commander\u201d)",
    "quote_then_cue": "a quotation followed by its reporting verb",
    "relative_claim": "a claim inside a relative clause (\u201ca campaign that Moscow says has \u2026\u201d)",
    "relative_source": "a source introduced with \u201cwho\u201d (\u201cAnn Roe, who says \u2026\u201d)",
    "quoted_as_saying": "\u201c\u2026 was quoted as saying\u201d",
    "according_to": "\u201caccording to \u2026\u201d",
    "participle": "a reporting participle (\u201c\u2026, saying \u2026\u201d, \u201c\u2026, accusing \u2026\u201d)",
    "coordinated_verb": "a second reporting verb joined to the first (\u201csaid \u2026 and added \u2026\u201d)",
    "noun_cue": "a reporting noun (\u201ca denial from Russia that \u2026\u201d)",
    "quote_continuation": "a quotation that goes on from an earlier attribution",
    "learned_cue": "the learned cue tagger, not a rule (it is right about 6 times in 10)",
}

STANCES = {
    "neutral": "a plain reporting verb (said, told): the writer leaves the claim to the reader",
    "distancing": "the verb casts doubt on the claim (claimed, alleged, insisted)",
    "endorsing": "the verb presents the claim as true (confirmed, acknowledged, admitted)",
    "loaded": "the verb colours the speaker (slammed, boasted, accused)",
}

ACTS = {
    "speech": "something said",
    "belief": "a belief ascribed to the source (believes, thinks): it does not give them a voice",
    "intention": "an intention ascribed to the source (wants, plans): it does not give them a voice",
}

QUOTES = {
    "direct": "quoted word for word",
    "indirect": "paraphrased by the writer",
    "partial": "paraphrased, with short quoted fragments",
    "mixed": "mostly quoted, partly paraphrased",
}

HEDGE_REASONS = {
    "embedded_claim": "the claim sits in a clause about something else, so the writer passes it on only as the source's assertion",
    "distancing_cue": "the reporting verb distances the writer from the claim",
}

LOADED_CATEGORIES = {
    "pejorative_label": "a label that disparages those it names",
    "partisan_label": "a label one side of a dispute uses for the other",
    "contested_label": "a label whose use is disputed",
    "emotive_adjective": "an adjective that appeals to feeling",
    "intensifier": "a word that heightens",
    "loaded_verb": "a verb that judges as it describes",
    "euphemism": "a mild word for something harsh",
    "sensational": "a word that dramatizes",
    "loaded_noun": "a noun that carries a judgement",
}

HEDGE_VOICES = {
    "authorial": "the writer's own words",
    "attributed": "inside a paraphrase: it qualifies the source's claim",
    "quoted": "inside a quotation: the speaker's own word",
}

VIA = {
    "name": "by name",
    "alias": "by another name for it",
    "metonym": "by a place standing for it (\u201cMoscow\u201d for Russia)",
    "demonym": "by an adjective of nationality (\u201cRussian warplanes\u201d)",
    "title": "by a title before a name (\u201cIranian lawmaker \u2026\u201d)",
    "surname": "by surname, after the full name earlier",
    "coreference": "by a description pointing back to it (\u201cthe militant group\u201d)",
    "role": "by the role the person holds (\u201cthe senator\u201d, \u201cthe Texas governor\u201d)",
    "headline": "in a headline, by a name the article introduced",
    "group": "as a group named by its party or organisation (\u201cHouse Republicans\u201d)",
}


def words(code: str | None) -> str:
    """A code as words: ``pro_assad`` -> ``pro assad``."""
    return (code or "").replace("_", " ")


def meaning(table: dict[str, str], code: str | None) -> str:
    return table.get(code or "", words(code))


def hedge_reason(reason: str) -> str:
    if reason.startswith("marker:"):
        return f"the marker \u201c{reason.removeprefix('marker:')}\u201d near the verb or in the claim"
    return meaning(HEDGE_REASONS, reason)
