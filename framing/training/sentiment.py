"""Train the actor-sentiment model on NewsMTSC rows and write its parameters as JSON.

``framing train sentiment`` calls :func:`train_sentiment`. The result is reproducible byte
for byte: examples keep the file's order, features are sorted by name, the solver is
deterministic (L-BFGS from zero), the folds are fixed by a seeded shuffle of whole
sentences, and every number is rounded before it is written with sorted keys.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterable

from framing.detect.sentiment import Score, VaderClauseModel, score_valences
from framing.learn.features import SentenceWords, mention_features
from framing.learn.sentiment_model import CLASSES

MODEL_NAME = "actor-sentiment-linear"
MODEL_VERSION = "1.0.0"
C = 0.1  # inverse L2 strength, chosen by 5-fold cross-validation over 0.03..1 (docs/quality.md)
ALPHA = 0.5  # add-alpha smoothing of the naive-Bayes feature counts
MIN_COUNT = 2  # a feature seen in fewer training mentions is dropped: it can only memorise
FOLDS = 5
SEED = 20211  # NewsMTSC's venue and year, EACL 2021; any fixed number would do
DIGITS = 4  # weights are rounded to this many decimals before they are stored


@dataclass(frozen=True, slots=True)
class Example:
    features: dict[str, float]
    label: str
    group: str  # the sentence: mentions of one sentence stay in one fold
    vader_sentence: str  # baseline labels computed alongside, for the comparison
    vader_clause: str


def examples(rows: Iterable[dict]) -> list[Example]:
    from framing.evaluate import target_sentence

    clause_model = VaderClauseModel()
    found = []
    for row in rows:
        target = row["target"]
        sentence, span = target_sentence(row["text"], target["start"], target["end"])
        found.append(Example(
            mention_features(SentenceWords(sentence), span), row["polarity"], row["text"],
            Score.of(score_valences(sentence.valences, sentence.text)["compound"]).label,
            Score.of(clause_model.score(sentence, span)).label,
        ))
    return found


def _vocabulary(train: list[Example]) -> list[str]:
    counts = Counter(name for example in train for name in example.features)
    return sorted(name for name, count in counts.items() if count >= MIN_COUNT)


def fit(train: list[Example], c: float = C) -> dict:
    """Fit one logistic regression per class over NB-scaled features; return intercepts and weights.

    Each class's features are first scaled by their naive-Bayes log-count ratio (how much
    more often they occur with that class than without it), the NBSVM recipe of Wang &
    Manning (2012), which beats plain logistic regression on short sentiment texts (0.68
    against 0.66 macro-F1 here, docs/quality.md). The ratio multiplies into the weights,
    so the stored model is still one linear score per class.
    """
    import numpy as np
    from scipy.sparse import csr_matrix, diags
    from sklearn.linear_model import LogisticRegression

    vocabulary = _vocabulary(train)
    column = {name: index for index, name in enumerate(vocabulary)}
    rows, columns, values = [], [], []
    for number, example in enumerate(train):
        for name in sorted(example.features):
            if name in column:
                rows.append(number)
                columns.append(column[name])
                values.append(example.features[name])
    matrix = csr_matrix((values, (rows, columns)), shape=(len(train), len(vocabulary)), dtype=np.float64)
    presence = matrix.copy()
    presence.data[:] = 1.0
    labels = np.array([CLASSES.index(example.label) for example in train])
    weights = np.zeros((len(CLASSES), len(vocabulary)))
    intercept = []
    for index in range(len(CLASSES)):
        chosen = labels == index
        if not chosen.any() or chosen.all():
            raise ValueError("training data must contain every class")
        with_class = ALPHA + np.asarray(presence[chosen].sum(axis=0)).ravel()
        without = ALPHA + np.asarray(presence[~chosen].sum(axis=0)).ravel()
        ratio = np.log((with_class / with_class.sum()) / (without / without.sum()))
        classifier = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, tol=1e-4)
        classifier.fit(matrix @ diags(ratio), chosen.astype(int))
        weights[index] = classifier.coef_[0] * ratio
        intercept.append(_round(classifier.intercept_[0]))
    stored = {}
    for index, name in enumerate(vocabulary):
        row = [_round(value) for value in weights[:, index]]
        if any(row):
            stored[name] = row
    return {"classes": list(CLASSES), "intercept": intercept, "weights": stored}


def _round(value: float) -> float:
    return round(float(value), DIGITS) + 0.0  # + 0.0 turns -0.0 into 0.0


def folds(data: list[Example], count: int = FOLDS, seed: int = SEED) -> list[list[int]]:
    """Indices of each fold: whole sentences shuffled with a fixed seed, dealt round-robin."""
    import random

    groups = sorted({example.group for example in data})
    random.Random(seed).shuffle(groups)
    fold_of = {group: number % count for number, group in enumerate(groups)}
    return [[i for i, example in enumerate(data) if fold_of[example.group] == number] for number in range(count)]


def cross_validate(data: list[Example], c: float = C, count: int = FOLDS) -> dict:
    """Macro-F1 of the model and of the VADER baselines, on the same held-out folds."""
    from framing.learn.sentiment_model import LearnedSentimentModel
    from framing.evaluate import classification_scores

    predicted = [""] * len(data)
    for held_out in folds(data, count):
        kept = set(held_out)
        model = LearnedSentimentModel({"model": MODEL_NAME, "version": "cv", **fit([e for i, e in enumerate(data) if i not in kept], c)})
        for index in held_out:
            predicted[index] = model.predict_features(data[index].features)
    gold = [example.label for example in data]
    return {
        "folds": count,
        "model": classification_scores(gold, predicted).summary(),
        "vader_sentence": classification_scores(gold, [e.vader_sentence for e in data]).summary(),
        "vader_clause": classification_scores(gold, [e.vader_clause for e in data]).summary(),
    }


def train_sentiment(path: Path, with_cv: bool = True) -> dict:
    """The model's full parameter document for the NewsMTSC-format file at ``path``."""
    from framing.evaluate import read_jsonl

    raw = path.read_bytes()
    data = examples(read_jsonl(path))
    document = {
        "model": MODEL_NAME,
        "version": MODEL_VERSION,
        "training": {
            "data": path.name,
            "data_sha256": hashlib.sha256(raw).hexdigest(),
            "examples": len(data),
            "labels": dict(sorted(Counter(e.label for e in data).items())),
            "classifier": "one-vs-rest sklearn LogisticRegression (L-BFGS, class_weight=balanced) over naive-Bayes-scaled features",
            "C": C,
            "alpha": ALPHA,
            "min_count": MIN_COUNT,
            "seed": SEED,
        },
        **fit(data),
    }
    if with_cv:
        document["cross_validation"] = cross_validate(data)
    return document


def dumps(document: dict) -> str:
    """Sorted keys, one entry per line (each weight row too): valid JSON that diffs well in review."""
    head = ",\n".join(
        f" {json.dumps(key)}: {json.dumps(value, sort_keys=True, ensure_ascii=False)}"
        for key, value in sorted(document.items()) if key != "weights"
    )
    rows = ",\n".join(
        f"  {json.dumps(name, ensure_ascii=False)}: {json.dumps(row)}" for name, row in sorted(document["weights"].items())
    )
    return f'{{\n{head},\n "weights": {{\n{rows}\n }}\n}}\n'
