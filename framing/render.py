"""A readable plain-text view of a report, for people at a terminal.

Flagged spans are marked inline: [[source]], {cue}, <<loaded term>>, ~hedge~, and each
paragraph lists what was found with the reason.
"""
from __future__ import annotations

import textwrap

_MARKS = {"source": ("[[", "]]"), "cue": ("{", "}"), "loaded": ("<<", ">>"), "hedge": ("~", "~")}


def _marked(paragraph: dict) -> str:
    """The paragraph text with flagged spans bracketed (outer spans win on overlap)."""
    base = paragraph["start"]
    spans = []
    for attribution in paragraph["attributions"]:
        if attribution["source"] and attribution["source"]["resolved_from"] is None and attribution["pattern"] != "quote_continuation":
            spans.append((attribution["source"]["start"], attribution["source"]["end"], "source"))
        if attribution["pattern"] != "quote_continuation":
            spans.append((attribution["cue"]["start"], attribution["cue"]["end"], "cue"))
    spans += [(t["start"], t["end"], "loaded") for t in paragraph["loaded_terms"]]
    spans += [(h["start"], h["end"], "hedge") for h in paragraph["hedges"]]
    chosen, last_end = [], -1
    for start, end, kind in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start >= last_end and paragraph["start"] <= start and end <= paragraph["end"]:
            chosen.append((start, end, kind))
            last_end = end
    text = paragraph["text"]
    for start, end, kind in reversed(chosen):
        left, right = _MARKS[kind]
        text = text[:start - base] + left + text[start - base:end - base] + right + text[end - base:]
    return text


def _paragraph_lines(paragraph: dict) -> list[str]:
    lines = [f"¶{paragraph['index']} [{paragraph['kind']}]"]
    lines += textwrap.wrap(_marked(paragraph), 100, initial_indent="  ", subsequent_indent="  ")
    for a in paragraph["attributions"]:
        source = a["source"]
        who = source["text"] if source else "?"
        if source and source["actor_name"]:
            who += f" -> {source['actor_name']}"
        flags = [a["quote"], a["cue"]["stance"]]
        if source and source["anonymous"]:
            flags.append("anonymous")
        if a["embedded"]:
            flags.append("embedded")
        if a["hedged"]:
            flags.append("hedged: " + ", ".join(a["hedge_reasons"]))
        lines.append(f"    attribution: {who} {a['cue']['text']!r} ({'; '.join(flags)}) [{a['pattern']}]")
    for t in paragraph["loaded_terms"]:
        speaker = f" by {t['speaker']['text']}" if t["speaker"] else ""
        alternative = f"; neutral: {t['neutral_alternative']}" if t["neutral_alternative"] else ""
        target = f"; about {t['target_actor_name']}" if t["target_actor_name"] else ""
        lines.append(f"    loaded: {t['text']!r} {t['category']} ({t['voice']}{speaker}{target}{alternative})")
    for h in paragraph["hedges"]:
        lines.append(f"    {h['kind']}: {h['text']!r} ({h['voice']})")
    if paragraph["sentiment"]:
        lines.append(f"    sentiment {paragraph['sentiment']['compound']:+.2f}; reading ease {paragraph['readability']['flesch_reading_ease']}")
    return lines


def render_text(report: dict) -> str:
    lines = []
    if report["title"]:
        lines += _paragraph_lines(report["title"])
    for paragraph in report["paragraphs"]:
        lines += _paragraph_lines(paragraph)
    document = report["document"]
    sourcing = document["sourcing"]
    lines.append("")
    lines.append(f"Document: {document['words']} body words; {document['counts']['attributions']} attributions "
                 f"({document['counts']['hedged_attributions']} hedged); {document['counts']['loaded_terms']} loaded terms "
                 f"({document['counts']['loaded_terms_authorial']} authorial); reading ease {document['readability']['flesch_reading_ease']}")
    lines.append(f"Sourcing: {sourcing['citations']} citations; anonymous share {sourcing['anonymous_share']}; "
                 f"direct-quote share {sourcing['direct_quote_share']}; balance index {sourcing['balance_index']}")
    for source in sourcing["sources"]:
        lines.append(f"  {source['name']} ({source['type']}, side {source['side']}{', anonymous' if source['anonymous'] else ''}): "
                     f"{source['citations']} citations, {source['words_attributed']} words")
    if sourcing["missing_voices"]:
        lines.append("Missing voices: " + "; ".join(f"{m['name']} ({m['mentions']} mentions)" for m in sourcing["missing_voices"]))
    lines.append("Actors:")
    for actor in document["actors"][:15]:
        labels = ", ".join(label["label"] for label in actor["labels"][:4])
        lines.append(f"  {actor['name']}: {actor['mentions']} mentions, mean sentiment {actor['mean_sentiment']}, "
                     f"cited {actor['cited_as_source']}x" + (f"; called: {labels}" if labels else ""))
    return "\n".join(lines)
