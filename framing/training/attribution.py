"""Train the attribution-cue tagger on PolNeAR articles and write its parameters as JSON.

``framing train attribution`` calls :func:`train_cue_model`. The steps:

1. Segment each training article exactly as the analysis does and run the rule-based
   attribution detector on it (the learned tagger switched off), keeping its cue spans.
2. Choose the candidate words: word forms found inside a gold cue at least
   :data:`MIN_CUE_COUNT` times and in at least :data:`MIN_CUE_RATE` of their occurrences,
   leaving out closed-class words ("has" in "has said" is part of a cue but never its
   head), plus our lexicon's one-word cues.
3. Label every candidate occurrence: is it inside a gold cue? Fit one L2-regularised
   logistic regression over :func:`~framing.learn.cue_features.cue_features`.
4. Choose two thresholds by 5-fold cross-validation over whole articles: the probability
   at which a candidate the rules missed becomes a cue, one for words our lexicon lists
   and one for other words, as the pair with the best overlap cue F1 of the cues an
   analysis would report (:func:`decide`). The held-out figures are stored in the file.

The result is reproducible byte for byte: articles keep the file's order, features are
sorted, L-BFGS starts from zero, folds come from a seeded shuffle, numbers are rounded
before they are written with sorted keys.
"""
from __future__ import annotations

import hashlib
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from framing.learn.cue_features import (
    _ADVERB_LIKE, _AUXILIARIES, _CONJUNCTIONS, _DETERMINERS, _NEGATIONS, _PREPOSITIONS, _PRONOUNS, paragraph_candidates,
)
from framing.learn.cue_model import MODEL_NAME, CueModel
from framing.training.sentiment import DIGITS

MODEL_VERSION = "1.1.0"
C = 0.3  # inverse L2 strength
MIN_CUE_COUNT = 3  # a form seen fewer times inside gold cues is not a candidate
MIN_CUE_RATE = 0.08  # ... nor one that is a cue in fewer than this share of its occurrences
UNAMBIGUOUS_RATE = 0.7  # a form heading a gold cue in this share of its uses is a reporting word in any frame
UNAMBIGUOUS_MIN_USES = 20  # ... if the share comes from this many uses at least
MIN_HIT_SHARE = 0.1  # a candidate reaching the threshold in fewer of its held-out uses is dropped
MIN_FEATURE_COUNT = 2  # a feature seen on fewer candidates is dropped: it can only memorise
FOLDS = 5
SEED = 2018  # PolNeAR's year (LREC 2018); any fixed number would do
F1_TOLERANCE = 0.001
THRESHOLDS = tuple(round(0.30 + 0.05 * step, 2) for step in range(9))  # 0.30 .. 0.70
_CLOSED_CLASS = _PRONOUNS | _DETERMINERS | _AUXILIARIES | _NEGATIONS | _PREPOSITIONS | _CONJUNCTIONS | _ADVERB_LIKE

Interval = tuple[int, int]


@dataclass
class Article:
    """One training article, segmented, with its gold cues and the rules' cues."""

    paragraphs: list  # the paragraphs the attribution detector reads (no captions, credits)
    gold: list[Interval]
    rules: list[Interval]


@dataclass(frozen=True, slots=True)
class Example:
    article: int
    span: Interval  # the candidate word's characters
    sentence: tuple[int, int]  # (paragraph, sentence): adjacent cue words merge only within one
    token: int
    form: str  # the word, lowercased
    features: list[str]
    label: bool


def _overlaps(a: Interval, b: Interval) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def read_articles(rows) -> list[Article]:
    """Segment and run the rule-based detector over each PolNeAR row."""
    from framing import layout
    from framing.detect.actors import find_actor_mentions
    from framing.detect.attribution import find_attributions
    from framing.profiles import load_profile
    from framing.text import segment

    registry = load_profile(None)
    articles = []
    for row in rows:
        document = segment(row["text"])
        layout.classify(document)
        attributions = find_attributions(document, registry, find_actor_mentions(document, registry), learned=False)
        articles.append(Article(
            [p for p in document.paragraphs if p.kind not in ("caption", "credit")],
            [(a["cue"]["start"], a["cue"]["end"]) for a in row["attributions"] if a.get("cue")],
            [(a.cue.span.start, a.cue.span.end) for a in attributions if a.pattern != "quote_continuation"],
        ))
    return articles


def cue_head(tokens, cue: Interval) -> str | None:
    """The word a gold cue hangs on: its first word that is not closed-class ("has said" ->
    "said", "pointed out" -> "pointed"), or its only mark (":")."""
    inside = [token for token in tokens if _overlaps((token.start, token.end), cue)]
    for token in inside:
        if token.is_word and token.lower not in _CLOSED_CLASS:
            return token.lower
    if len(inside) == 1 and inside[0].text == ":":
        return ":"
    return None


def head_rates(articles: list[Article]) -> tuple[Counter, Counter]:
    """How often each word form occurs, and how often it heads a gold cue."""

    seen, heads = Counter(), Counter()
    for article in articles:
        tokens = [token for paragraph in article.paragraphs for token in paragraph.tokens]
        for token in tokens:
            seen[token.lower] += 1
        for cue in article.gold:
            head = cue_head(tokens, cue)
            if head is not None:
                heads[head] += 1
    return seen, heads


def choose_candidates(articles: list[Article]) -> list[str]:
    """Word forms that head a gold cue often enough, and our lexicon's one-word cues.

    Words our hedge lexicon lists ("appears", "seems") are left out: PolNeAR reads them as
    cues of an evidential attribution, the report reads them as the writer's hedges.
    """
    from framing import corpora

    seen, heads = head_rates(articles)
    hedges = {row["term"].lower() for row in corpora.table("hedges").rows}
    chosen = {
        form for form, count in heads.items()
        if count >= MIN_CUE_COUNT and count / seen[form] >= MIN_CUE_RATE and form not in hedges
    }
    for row in corpora.table("reporting_verbs").rows:
        chosen.update(form for form in corpora.split_list(row["forms"]) or [row["lemma"]] if " " not in form)
    return sorted(chosen)


def unambiguous(articles: list[Article], candidates: list[str]) -> list[str]:
    """Candidates that head a gold cue in at least :data:`UNAMBIGUOUS_RATE` of their uses
    ("said", "accused", "praised"): reporting words whatever their frame. The analysis lets
    the tagger read the others ("showed", "called", "rejected") only in a frame the rules
    accept, because they have other senses ("showed the jury a video")."""
    seen, heads = head_rates(articles)
    return [form for form in candidates if seen[form] >= UNAMBIGUOUS_MIN_USES and heads[form] / seen[form] >= UNAMBIGUOUS_RATE]


def lemmas(articles: list[Article], candidates: list[str]) -> dict[str, str]:
    """Each candidate's likeliest dictionary form: the shortest word of the training text
    with the same stem ("endorsed" -> "endorse"), for the cue's ``lemma`` in reports."""
    from framing.learn.cue_features import stem

    shortest: dict[str, str] = {}
    for article in articles:
        for paragraph in article.paragraphs:
            for token in paragraph.tokens:
                if token.is_word and token.lower.isalpha():
                    base = stem(token.lower)
                    known = shortest.get(base)
                    if known is None or (len(token.lower), token.lower) < (len(known), known):
                        shortest[base] = token.lower
    found = {}
    for candidate in candidates:
        lemma = shortest.get(stem(candidate), candidate)
        if lemma != candidate and candidate[0].isalpha():
            found[candidate] = lemma
    return found


def examples(articles: list[Article], candidates: list[str]) -> list[Example]:
    from framing import corpora

    lexicon = corpora.reporting_verbs().index
    wanted = frozenset(candidates)
    found = []
    for number, article in enumerate(articles):
        for paragraph in article.paragraphs:
            ruled = [rule for rule in article.rules if paragraph.start <= rule[0] < paragraph.end]
            for sentence, index, features in paragraph_candidates(paragraph, wanted, lexicon, ruled):
                token = paragraph.tokens[index]
                span = (token.start, token.end)
                found.append(Example(number, span, (paragraph.index, sentence.index), index, token.lower, features,
                                     any(_overlaps(span, cue) for cue in article.gold)))
    return found


def fit(train: list[Example], c: float = C) -> dict:
    """One logistic regression over binary features: intercept and a weight per feature."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from framing.training.matrix import binary_matrix

    matrix, vocabulary = binary_matrix([example.features for example in train], MIN_FEATURE_COUNT)
    labels = np.array([int(example.label) for example in train])
    if labels.min() == labels.max():
        raise ValueError("training data must contain cue and non-cue candidates")
    classifier = LogisticRegression(C=c, max_iter=5000, tol=1e-5)
    classifier.fit(matrix, labels)
    weights = {}
    for index, name in enumerate(vocabulary):
        value = _round(classifier.coef_[0][index])
        if value:
            weights[name] = value
    return {"intercept": _round(classifier.intercept_[0]), "weights": weights}


def _round(value: float) -> float:
    return round(float(value), DIGITS) + 0.0  # + 0.0 turns -0.0 into 0.0


def folds(count: int, articles: int, seed: int = SEED) -> list[set[int]]:
    """Article numbers of each fold: a seeded shuffle dealt round-robin."""
    order = list(range(articles))
    random.Random(seed).shuffle(order)
    return [{article for position, article in enumerate(order) if position % count == number} for number in range(count)]


def decide(examples_of_article: list[Example], probabilities: list[float], listed: float, unlisted: float,
           rules: list[Interval]) -> list[Interval]:
    """The cues an analysis reports: the rules' cues, plus candidates no rule cue overlaps
    whose probability reaches ``listed`` (words our lexicon lists) or ``unlisted`` (other
    words), adjacent words of one sentence merged ("pointed out")."""
    cues: list[Interval] = []
    previous = None
    for example, probability in zip(examples_of_article, probabilities):
        threshold = listed if any(name.startswith("lex=") for name in example.features) else unlisted
        if probability < threshold or any(_overlaps(example.span, rule) for rule in rules):
            continue
        if previous is not None and previous.sentence == example.sentence and previous.token + 1 == example.token:
            cues[-1] = (cues[-1][0], example.span[1])
        else:
            cues.append(example.span)
        previous = example
    return rules + cues


def cue_scores(articles: list[Article], predicted: list[list[Interval]]) -> dict:
    """Overlap precision, recall and F1 of predicted cues against the gold cues."""
    true_predicted = sum(any(_overlaps(p, g) for g in a.gold) for a, cues in zip(articles, predicted) for p in cues)
    true_gold = sum(any(_overlaps(g, p) for p in cues) for a, cues in zip(articles, predicted) for g in a.gold)
    total_predicted = sum(len(cues) for cues in predicted)
    total_gold = sum(len(a.gold) for a in articles)
    precision = true_predicted / total_predicted if total_predicted else 0.0
    recall = true_gold / total_gold if total_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": _round(precision), "recall": _round(recall), "f1": _round(f1), "predicted": total_predicted, "gold": total_gold}


def cross_validate(articles: list[Article], data: list[Example], c: float = C, count: int = FOLDS) -> tuple[dict, list[float]]:
    """Held-out probabilities for every candidate, and the thresholds with the best combined cue F1."""
    probability = [0.0] * len(data)
    for held_out in folds(count, len(articles)):
        train = [example for example in data if example.article not in held_out]
        model = CueModel({"model": MODEL_NAME, "version": "cv", "candidates": [], "threshold_listed": 0.5, "threshold_unlisted": 0.5, **fit(train, c)})
        for position, example in enumerate(data):
            if example.article in held_out:
                probability[position] = model.probability_of(example.features)
    by_article: dict[int, list[int]] = {}
    for position, example in enumerate(data):
        by_article.setdefault(example.article, []).append(position)

    def combined(listed: float, unlisted: float) -> dict:
        predicted = []
        for number, article in enumerate(articles):
            positions = by_article.get(number, [])
            predicted.append(decide([data[p] for p in positions], [probability[p] for p in positions], listed, unlisted, article.rules))
        return cue_scores(articles, predicted)

    grid = {(listed, unlisted): combined(listed, unlisted) for listed in THRESHOLDS for unlisted in THRESHOLDS}
    # Among pairs within F1_TOLERANCE of the best, the strictest: a spurious attribution in a
    # report misleads a reader more than a missed one, and the F1 surface is flat near its top.
    top = max(scores["f1"] for scores in grid.values())
    best = max((pair for pair in grid if grid[pair]["f1"] >= top - F1_TOLERANCE), key=lambda pair: (pair[0] + pair[1], pair[1]))
    return {
        "folds": count,
        "rules_alone": cue_scores(articles, [article.rules for article in articles]),
        "rules_and_tagger": grid[best],
        "threshold_listed": best[0],
        "threshold_unlisted": best[1],
        "f1_by_thresholds_listed_unlisted": {f"{t:.2f}/{u:.2f}": scores["f1"] for (t, u), scores in sorted(grid.items())},
    }, probability


def worth_scoring(data: list[Example], probability: list[float], threshold: float) -> list[str]:
    """The candidates an analysis scores: forms that, held out, reached the threshold in at
    least :data:`MIN_HIT_SHARE` of their uses. Each scored word costs time in every
    analysis; a form that almost never comes out as a cue is not worth it."""
    uses, hits = Counter(), Counter()
    for example, p in zip(data, probability):
        uses[example.form] += 1
        hits[example.form] += p >= threshold
    return sorted(form for form in uses if hits[form] and hits[form] / uses[form] >= MIN_HIT_SHARE)


def train_cue_model(path: Path) -> dict:
    """The model's full parameter document for the PolNeAR-format file at ``path``."""
    from framing.evaluate import read_jsonl

    raw = path.read_bytes()
    articles = read_articles(read_jsonl(path))
    candidates = choose_candidates(articles)
    data = examples(articles, candidates)
    figures, probability = cross_validate(articles, data)
    candidates = worth_scoring(data, probability, min(figures["threshold_listed"], figures["threshold_unlisted"]))
    return {
        "model": MODEL_NAME,
        "version": MODEL_VERSION,
        "training": {
            "data": path.name,
            "data_sha256": hashlib.sha256(raw).hexdigest(),
            "articles": len(articles),
            "gold_cues": sum(len(a.gold) for a in articles),
            "examples": len(data),
            "positive_examples": sum(e.label for e in data),
            "classifier": "sklearn LogisticRegression (L-BFGS, L2) over binary features",
            "C": C,
            "min_cue_count": MIN_CUE_COUNT,
            "min_cue_rate": MIN_CUE_RATE,
            "min_feature_count": MIN_FEATURE_COUNT,
            "seed": SEED,
        },
        "cross_validation": figures,
        "threshold_listed": figures["threshold_listed"],
        "threshold_unlisted": figures["threshold_unlisted"],
        "candidates": candidates,
        "lemmas": lemmas(articles, candidates),
        "unambiguous": unambiguous(articles, candidates),
        **fit(data),
    }
