"""Classification: how the writer frames each attribution, read once all are known.

"Moscow has reportedly claimed that its jets hit only militants" is hedged (the
marker "reportedly", and "claimed" distances the writer); a content wholly inside quotation marks
is a direct quote, partly inside it is partial or mixed; an attribution whose cue sits
inside another's content is embedded ("Turkey said Moscow claimed ..."). These need the
article's other attributions and its quotations, so this step runs last.
"""
from __future__ import annotations

from framing.detect.attribution.model import Attribution, Context

_HEDGE_MARKERS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "ostensibly", "so-called", "apparently"})


def classify(context: Context, attribution: Attribution, cue_neighbours: list[Attribution]) -> None:
    """Quote kind, hedging and embedding, once all attributions of the article are known.

    ``cue_neighbours`` are the attributions of the paragraph holding the cue: only their
    content can contain it, so embedding is not an all-pairs search over the article.
    """
    content = attribution.content
    if content is None:
        return
    paragraph = context.document.paragraphs[attribution.paragraph]
    quoted = 0
    whole = False
    for quote in paragraph.quotes:
        start, end = max(quote.inner_start, content.start), min(quote.inner_end, content.end)
        if start < end:
            quoted += end - start
            if quote.inner_start <= content.start and content.end <= quote.inner_end:
                whole = True
    if whole or attribution.pattern == "quote_continuation":
        attribution.quote = "direct"
    elif quoted == 0:
        attribution.quote = "indirect"
    else:
        attribution.quote = "mixed" if quoted / max(1, len(content.text)) >= 0.5 else "partial"
    if attribution.cue.stance == "distancing" and "distancing_cue" not in attribution.hedge_reasons:
        attribution.hedged = True
        attribution.hedge_reasons.append("distancing_cue")
    words = set(content.text.lower().split())
    near_cue = set(context.document.text[max(0, attribution.cue.span.start - 15):attribution.cue.span.end + 15].lower().split())
    for marker in sorted(_HEDGE_MARKERS):
        if marker in words or marker in near_cue:
            attribution.hedged = True
            attribution.hedge_reasons.append(f"marker:{marker}")
    for other in cue_neighbours:
        if other is not attribution and other.content is not None and other.content.contains(attribution.cue.span):
            attribution.embedded = True
            break
