"""Train the name-kind model on GUM and write its parameters as JSON.

``framing train names`` calls :func:`train_name_model`. The steps:

1. Rebuild each GUM document's text (:mod:`framing.training.gum`) and segment it exactly
   as an analysis does.
2. Take every candidate run of capitalised words (:func:`~framing.detect.actors.names.name_runs`)
   and label it by GUM's annotation: the kind of the smallest mention that contains it,
   when that mention is named (it has a Wikipedia identity, or the run is its last words,
   as "Rodaba Noori" in "team member Rodaba Noori"); otherwise ``none`` ("New" in "New
   faces", "Friday"). GUM's person, organization and place become our three kinds; its
   other types (events, times, abstractions) are ``none``. GUM types a country that acts
   as an organisation and one that is a location as a place, which is the distinction
   the report needs.
3. Fit one multinomial logistic regression (L2, L-BFGS) over
   :func:`~framing.learn.name_features.name_features`.
4. Measure by 5-fold cross-validation over whole documents: the person and organisation
   mention F1 (GUM's named person and organisation mentions against the runs the model
   calls so), stored in the file.

Reproducible byte for byte: documents in name order, sorted features, seeded folds,
rounded numbers written with sorted keys.
"""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from framing.learn.name_model import KINDS, MODEL_NAME
from framing.training.gum import GumDocument, Mention, read_gum

MODEL_VERSION = "1.1.0"
C = 1.0
COMMON_SHARE = 0.9
COMMON_MIN_USES = 3
MIN_FEATURE_COUNT = 2
FOLDS = 5
SEED = 2017  # GUM's year (Zeldes 2017); any fixed number would do
DIGITS = 4
_KIND_OF_TYPE = {"person": "person", "organization": "organization", "place": "place"}
SCORED_KINDS = ("person", "organization")

Interval = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Example:
    document: int
    span: Interval
    features: list[str]
    label: str


def common_words(texts: list[str]) -> list[str]:
    """Words written in lower case in at least :data:`COMMON_SHARE` of their uses inside
    sentences (not first), seen at least :data:`COMMON_MIN_USES` times: "government",
    "officials", "forces". A capital on such a word is weak evidence of a name."""
    from framing.text import segment

    lower, capital = Counter(), Counter()
    for text in texts:
        for paragraph in segment(text).paragraphs:
            for sentence in paragraph.sentences:
                for token in sentence.tokens[1:]:
                    if not token.is_word or not token.text[0].isalpha():
                        continue
                    if token.is_capitalized:
                        capital[token.lower] += 1
                    else:
                        lower[token.lower] += 1
    return sorted(w for w, n in lower.items() if n + capital[w] >= COMMON_MIN_USES and n / (n + capital[w]) >= COMMON_SHARE)


def document_examples(number: int, document: GumDocument, common: frozenset[str]) -> list[Example]:
    """Every candidate run of one document, with its features and GUM's label."""
    from framing.detect.actors.recognise import candidate_runs
    from framing.text import segment

    parsed = segment(document.text)
    candidates, evidence = candidate_runs(parsed, common)
    found = []
    for candidate in candidates:
        tokens, run = candidate.paragraph.tokens, candidate.run
        span = (tokens[run.first].start, tokens[run.last].end)
        found.append(Example(number, span, candidate.features(evidence), _label(span, document.mentions)))
    return found


def _label(span: Interval, mentions: list[Mention]) -> str:
    containing = [m for m in mentions if m.start <= span[0] and span[1] <= m.end]
    if not containing:
        return "none"
    smallest = min(containing, key=lambda m: m.end - m.start)
    if smallest.identity is None and smallest.end != span[1]:
        return "none"
    return _KIND_OF_TYPE.get(smallest.type, "none")


_NAME_INNER_WORDS = frozenset({"of", "for", "and", "&", "the"})
_PRONOUNS = frozenset("i he she it we they you me him her us them my his its our their your".split())


def gold_names(document: GumDocument, kind: str) -> list[Interval]:
    """GUM's mentions of one kind written as a proper name, as character spans (after a
    leading "the"): every word capitalised (inner "of", "and", "the" and name particles
    allowed), not a pronoun ("I") and not a title alone ("the President"); a one-word
    mention at a sentence's start counts only with a Wikipedia identity ("Officials" does
    not, "Obama" does)."""
    from framing import corpora

    particles = {w for w, k in corpora.name_words().kinds.items() if k == "particle"}
    titles = {t.lower() for t in (row["term"] for row in corpora.table("titles").rows)}
    found = []
    for mention in document.mentions:
        if _KIND_OF_TYPE.get(mention.type) != kind:
            continue
        text = document.text[mention.start:mention.end]
        start = mention.start
        if text.lower().startswith("the "):
            text, start = text[4:], start + 4
        words = text.split()
        if not words or "\n" in text or text.lower() in _PRONOUNS or text.lower() in titles:
            continue
        if not all(w[0].isupper() or w.lower() in _NAME_INNER_WORDS or w in particles or not w[0].isalnum() for w in words):
            continue
        if not words[0][0].isupper():
            continue
        at_sentence_start = start == 0 or document.text[start - 1] == "\n"
        if len(words) == 1 and at_sentence_start and mention.identity is None:
            continue
        found.append((start, mention.end))
    return found


def fit(train: list[Example], c: float = C) -> dict:
    """A multinomial logistic regression over binary features: intercepts and weight rows."""
    from sklearn.linear_model import LogisticRegression

    from framing.training.matrix import binary_matrix

    matrix, vocabulary = binary_matrix([example.features for example in train], MIN_FEATURE_COUNT)
    labels = [KINDS.index(example.label) for example in train]
    model = LogisticRegression(C=c, max_iter=2000, solver="lbfgs")
    model.fit(matrix, labels)
    order = list(model.classes_)
    coefficients = [[0.0] * len(KINDS) for _ in vocabulary]
    intercepts = [0.0] * len(KINDS)
    for position, kind_index in enumerate(order):
        intercepts[kind_index] = round(float(model.intercept_[position]), DIGITS)
        for feature_index in range(len(vocabulary)):
            coefficients[feature_index][kind_index] = round(float(model.coef_[position][feature_index]), DIGITS)
    weights = {name: row for name, row in zip(vocabulary, coefficients) if any(abs(w) >= 10 ** -DIGITS for w in row)}
    return {"intercepts": intercepts, "weights": weights}


def _predict(parameters: dict, examples: list[Example]) -> list[str]:
    from framing.learn.name_model import NameModel

    model = NameModel({"model": MODEL_NAME, "classes": list(KINDS), "version": "cv", "common_words": [], **parameters})
    return [model.kind(example.features)[0] for example in examples]


def _f1(predicted: list[list[Interval]], gold: list[list[Interval]], exact: bool) -> dict:
    def match(a: Interval, b: Interval) -> bool:
        return a == b if exact else (a[0] < b[1] and b[0] < a[1])

    p = sum(len(x) for x in predicted)
    g = sum(len(x) for x in gold)
    tp = sum(1 for doc_p, doc_g in zip(predicted, gold) for x in doc_p if any(match(x, y) for y in doc_g))
    tg = sum(1 for doc_p, doc_g in zip(predicted, gold) for y in doc_g if any(match(x, y) for x in doc_p))
    precision, recall = (tp / p if p else 0.0), (tg / g if g else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, DIGITS), "recall": round(recall, DIGITS), "f1": round(f1, DIGITS),
            "predicted": p, "gold": g}


def cross_validate(documents: list[GumDocument], examples: list[Example]) -> dict:
    """Held-out person and organisation mention F1 over whole documents, and run accuracy."""
    order = list(range(len(documents)))
    random.Random(SEED).shuffle(order)
    fold_of = {document: position % FOLDS for position, document in enumerate(order)}
    predicted = {kind: [[] for _ in documents] for kind in SCORED_KINDS}
    correct = 0
    for fold in range(FOLDS):
        train = [e for e in examples if fold_of[e.document] != fold]
        test = [e for e in examples if fold_of[e.document] == fold]
        for example, kind in zip(test, _predict(fit(train), test)):
            correct += kind == example.label
            if kind in predicted:
                predicted[kind][example.document].append(example.span)
    figures = {"folds": FOLDS, "runs": len(examples), "run_accuracy": round(correct / len(examples), DIGITS)}
    for kind in SCORED_KINDS:
        gold = [gold_names(document, kind) for document in documents]
        figures[kind] = {"overlap": _f1(predicted[kind], gold, False), "exact": _f1(predicted[kind], gold, True)}
    both_predicted = [a + b for a, b in zip(predicted["person"], predicted["organization"])]
    both_gold = [gold_names(d, "person") + gold_names(d, "organization") for d in documents]
    figures["person_and_organization"] = {"overlap": _f1(both_predicted, both_gold, False), "exact": _f1(both_predicted, both_gold, True)}
    return figures


def train_name_model(folder: Path, news_texts: list[str], with_cv: bool = True) -> dict:
    """Fit on GUM (``folder``); ``news_texts`` (PolNeAR train articles) teach which words
    news writes in lower case."""
    documents = read_gum(folder)
    common = common_words([document.text for document in documents] + news_texts)
    examples = [example for number, document in enumerate(documents)
                for example in document_examples(number, document, frozenset(common))]
    parameters = fit(examples)
    document = {
        "model": MODEL_NAME,
        "version": MODEL_VERSION,
        "classes": list(KINDS),
        **parameters,
        "common_words": common,
        "training": {
            "corpus": "GUM (Zeldes 2017), coref/gum/tsv, genres academic, bio, court, interview, news, voyage",
            "documents": len(documents),
            "examples": len(examples),
            "lowercase_texts": f"GUM and {len(news_texts)} PolNeAR train articles (which words news writes in lower case)",
            "labels": dict(sorted(Counter(e.label for e in examples).items())),
            "c": C,
            "min_feature_count": MIN_FEATURE_COUNT,
        },
    }
    if with_cv:
        document["cross_validation"] = cross_validate(documents, examples)
    return document
