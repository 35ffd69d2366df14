"""Score the detectors against human-annotated corpora (formats in ../shared/eval/README.md).

People trust a flag only if they know how often it is right. Each task reads one corpus
format, runs the analysis, and compares predictions with the annotation:

* ``sentiment`` (NewsMTSC): the polarity toward a target mention, as classes: accuracy,
  per-class precision/recall/F1, macro-F1 and the confusion matrix.
* ``attribution`` (PolNeAR) and ``loaded`` (PTC, BABE): spans, matched two ways: *overlap*
  (a prediction counts if it overlaps a gold span; the convention of the corpora's
  baselines) and *exact* (same start and end).

Texts the analyzer refuses (a :class:`FramingError`) keep their gold spans: they count as
misses, never silently leave the denominator.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator

from framing.analysis import analyze
from framing.detect.loaded import VOCABULARY_CATEGORIES
from framing.detect.sentiment import (
    MentionSentimentModel, Score, SentenceValences, VaderClauseModel, score_valences, sentence_valences,
)
from framing.errors import FramingError
from framing.spans import Span
from framing.text import Sentence, segment, tokenize

SENTIMENT_CLASSES = ("negative", "neutral", "positive")
ATTRIBUTION_ROLES = ("cue", "source", "content")
LOADED_LABELS = ("Loaded_Language", "Name_Calling,Labeling")  # the PTC techniques loaded terms answer to
CONTEXT_CHARS = 120  # characters either side of a miss, for error analysis


@dataclass(frozen=True, slots=True)
class Scores:
    label: str
    predicted: int
    gold: int
    true_predicted: int  # predictions that match some gold span
    true_gold: int  # gold spans matched by some prediction

    @property
    def precision(self) -> float:
        return self.true_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "label": self.label, "predicted": self.predicted, "gold": self.gold,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }


Interval = tuple[int, int]


def _overlaps(a: Interval, b: Interval) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _match(exact: bool) -> Callable[[Interval, Interval], bool]:
    return (lambda p, g: p == g) if exact else _overlaps


def score_spans(label: str, predicted: list[list[Interval]], gold: list[list[Interval]], exact: bool) -> Scores:
    """Score per-document lists of spans; ``exact`` requires equal bounds, else any overlap."""
    counts = Counter()
    match = _match(exact)
    for doc_predicted, doc_gold in zip(predicted, gold, strict=True):
        counts["predicted"] += len(doc_predicted)
        counts["gold"] += len(doc_gold)
        counts["true_predicted"] += sum(1 for p in doc_predicted if any(match(p, g) for g in doc_gold))
        counts["true_gold"] += sum(1 for g in doc_gold if any(match(p, g) for p in doc_predicted))
    return Scores(label, counts["predicted"], counts["gold"], counts["true_predicted"], counts["true_gold"])


@dataclass(frozen=True, slots=True)
class ClassificationScores:
    """Class labels against gold: the confusion matrix and what follows from it."""

    classes: tuple[str, ...]
    confusion: tuple[tuple[int, ...], ...]  # confusion[gold][predicted], in ``classes`` order

    @property
    def per_class(self) -> list[Scores]:
        scores = []
        for index, label in enumerate(self.classes):
            hits = self.confusion[index][index]
            predicted = sum(row[index] for row in self.confusion)
            scores.append(Scores(label, predicted, sum(self.confusion[index]), hits, hits))
        return scores

    @property
    def accuracy(self) -> float:
        total = sum(map(sum, self.confusion))
        return sum(self.confusion[i][i] for i in range(len(self.classes))) / total if total else 0.0

    @property
    def macro_f1(self) -> float:
        return sum(s.f1 for s in self.per_class) / len(self.classes)

    def summary(self) -> dict:
        return {
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "per_class": [s.as_dict() for s in self.per_class],
            "confusion": {"rows_gold_columns_predicted": list(self.classes), "matrix": [list(r) for r in self.confusion]},
        }


def classification_scores(gold: list[str], predicted: list[str], classes: tuple[str, ...] = SENTIMENT_CLASSES) -> ClassificationScores:
    position = {label: index for index, label in enumerate(classes)}
    matrix = [[0] * len(classes) for _ in classes]
    for g, p in zip(gold, predicted, strict=True):
        matrix[position[g]][position[p]] += 1
    return ClassificationScores(classes, tuple(tuple(row) for row in matrix))


@dataclass(frozen=True, slots=True)
class Share:
    """A figure that is a share found of a total (BASIL's main entities, named speakers)."""

    label: str
    found: int
    total: int

    @property
    def value(self) -> float:
        return self.found / self.total if self.total else 0.0

    def as_dict(self) -> dict:
        return {"label": self.label, "found": self.found, "total": self.total, "share": round(self.value, 4)}


@dataclass
class Evaluation:
    """One task's result: its tables, and a sample of misses for error analysis."""

    task: str
    data: str
    texts: int
    refused: int = 0
    spans: list[Scores] = field(default_factory=list)
    classification: ClassificationScores | None = None
    baseline: ClassificationScores | None = None  # the same gold against an always-"neutral" answer
    shares: list[Share] = field(default_factory=list)
    model: str | None = None
    misses: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        from framing.version import ANALYZER_VERSION

        result = {
            "task": self.task, "data": self.data, "analyzer_version": ANALYZER_VERSION,
            "texts": self.texts, "refused": self.refused,
        }
        if self.model:
            result["model"] = self.model
        if self.spans:
            result["spans"] = [s.as_dict() for s in self.spans]
        if self.shares:
            result["shares"] = [s.as_dict() for s in self.shares]
        if self.classification:
            result["classification"] = self.classification.summary()
        if self.baseline:
            result["always_neutral"] = {"accuracy": round(self.baseline.accuracy, 4), "macro_f1": round(self.baseline.macro_f1, 4)}
        if self.misses:
            result["misses"] = self.misses
        return result

    def table(self) -> str:
        lines = [f"{self.task}: {self.data}, {self.texts} texts" + (f" ({self.refused} refused by the analyzer)" if self.refused else "")]
        if self.model:
            lines[0] += f", model {self.model}"
        for share in self.shares:
            lines.append(f"{share.label}: {share.found}/{share.total} = {share.value:.2f}")
        if self.classification:
            lines.append(format_table(self.classification.per_class))
            lines.append(f"accuracy {self.classification.accuracy:.2f}" + (f" (always neutral {self.baseline.accuracy:.2f})" if self.baseline else ""))
            lines.append(f"macro-F1 {self.classification.macro_f1:.2f}" + (f" (always neutral {self.baseline.macro_f1:.2f})" if self.baseline else ""))
            lines.append("confusion (rows gold, columns predicted): " + " ".join(c[:3] for c in self.classification.classes))
            for label, row in zip(self.classification.classes, self.classification.confusion):
                lines.append(f"  {label:<9}" + "".join(f"{n:7d}" for n in row))
        if self.spans:
            lines.append(format_table(self.spans))
        return "\n".join(lines)


def format_table(results: list[Scores]) -> str:
    width = max(len(s.label) for s in results)
    lines = [f"{'':{width}}  {'P':>5}  {'R':>5}  {'F1':>5}  {'pred':>6}  {'gold':>6}"]
    for s in results:
        lines.append(f"{s.label:{width}}  {s.precision:5.2f}  {s.recall:5.2f}  {s.f1:5.2f}  {s.predicted:6d}  {s.gold:6d}")
    return "\n".join(lines)


def read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _limited(rows: Iterable[dict], limit: int | None) -> Iterator[dict]:
    for number, row in enumerate(rows):
        if limit is not None and number >= limit:
            return
        yield row


def _safe_analyze(text: str) -> dict | None:
    try:
        return analyze(text)
    except FramingError:
        return None


def _spread(items: list[dict], count: int) -> list[dict]:
    """``count`` items evenly spread over the list, so a sample is not the first article's."""
    if count <= 0 or not items:
        return []
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - CONTEXT_CHARS):end + CONTEXT_CHARS].replace("\n", " ")


# ---- sentiment toward a target (NewsMTSC) ---------------------------------------------------

def target_sentence(text: str, start: int, end: int) -> tuple[SentenceValences, Span]:
    """The sentence around ``text[start:end]`` with its VADER valences, and the target span.

    ``text`` is segmented as a one-paragraph document; a target our segmenter would split
    from its sentence (rare in NewsMTSC's single sentences) gets the whole paragraph.
    """
    document = segment(text)
    for paragraph in document.paragraphs:
        if not paragraph.start <= start < paragraph.end:
            continue
        for sentence in paragraph.sentences:
            if sentence.start <= start and end <= sentence.end:
                return sentence_valences(document, sentence), document.span(start, end)
        whole = Sentence(0, paragraph.start, paragraph.end, paragraph.tokens)
        return sentence_valences(document, whole), document.span(start, end)
    whole = Sentence(0, 0, len(text), tokenize(text, 0, len(text)))
    return sentence_valences(document, whole), document.span(start, end)


class VaderSentenceModel:
    """Baseline: VADER's compound score of the whole sentence, whoever the target is."""

    name = "vader-sentence"

    def score(self, sentence: SentenceValences, span: Span) -> float:
        return score_valences(sentence.valences, sentence.text)["compound"]


class VaderWindowModel:
    """Baseline: VADER over the target and the six words either side of it."""

    name = "vader-window"
    words = 6

    def score(self, sentence: SentenceValences, span: Span) -> float:
        inside = [i for i, (s, e) in enumerate(sentence.offsets) if s < span.end and e > span.start] or [0]
        first, last = max(0, inside[0] - self.words), min(len(sentence.offsets), inside[-1] + 1 + self.words)
        text = sentence.text[sentence.offsets[first][0] - sentence.start:sentence.offsets[last - 1][1] - sentence.start]
        return score_valences(sentence.valences[first:last], text)["compound"]


def sentiment_models() -> dict[str, Callable[[], MentionSentimentModel]]:
    from framing.learn.sentiment_model import load_model

    return {"learned": load_model, "vader-clause": VaderClauseModel, "vader-sentence": VaderSentenceModel,
            "vader-window": VaderWindowModel}


def evaluate_sentiment(rows: Iterable[dict], model: MentionSentimentModel, data: str = "", limit: int | None = None,
                       misses: int = 0) -> Evaluation:
    """NewsMTSC: the model's label for each target (report cut-offs, :meth:`Score.of`) against gold."""
    gold, predicted, wrong = [], [], []
    for row in _limited(rows, limit):
        target = row["target"]
        sentence, span = target_sentence(row["text"], target["start"], target["end"])
        label = Score.of(model.score(sentence, span)).label
        gold.append(row["polarity"])
        predicted.append(label)
        if label != row["polarity"]:
            wrong.append({"id": row.get("id"), "text": row["text"], "target": span.text, "gold": row["polarity"], "predicted": label})
    return Evaluation("sentiment", data, len(gold), classification=classification_scores(gold, predicted),
                      model=model.name, misses=_spread(wrong, misses))


# ---- attribution (PolNeAR) -------------------------------------------------------------------

def _gold_interval(role: dict | None) -> Interval | None:
    if not role:
        return None
    return role["start"], role["end"]


def _predicted_attributions(report: dict | None) -> list[dict]:
    if report is None:
        return []
    return [a for p in report["paragraphs"] for a in p["attributions"] if a["pattern"] != "quote_continuation"]


def _predicted_span(attribution: dict, role: str) -> Interval | None:
    """The span of one role as PolNeAR marks it: for the source, the words in the cue's own
    clause ("he" in "he said", "who" in "Cruz, who says"), which our report keeps in
    ``resolved_from`` when it names the speaker found earlier in ``source``."""
    found = attribution[role]
    if role == "source" and found and found.get("resolved_from"):
        found = found["resolved_from"]
    return (found["start"], found["end"]) if found else None


def evaluate_attribution(rows: Iterable[dict], data: str = "", limit: int | None = None, misses: int = 0) -> Evaluation:
    """PolNeAR: cue, source and content spans, overlap and exact.

    The source is scored as written (see :func:`_predicted_span`); the row ``source
    resolved`` scores the speaker the report resolves a pronoun or relative to, which
    PolNeAR does not mark, for comparison.
    """
    predicted: dict[str, list[list[Interval]]] = {role: [] for role in ATTRIBUTION_ROLES}
    gold: dict[str, list[list[Interval]]] = {role: [] for role in ATTRIBUTION_ROLES}
    resolved: list[list[Interval]] = []
    refused, texts, missed = 0, 0, []
    for row in _limited(rows, limit):
        texts += 1
        report = _safe_analyze(row["text"])
        refused += report is None
        attributions = _predicted_attributions(report)
        for role in ATTRIBUTION_ROLES:
            gold[role].append([g for g in (_gold_interval(a.get(role)) for a in row["attributions"]) if g])
            predicted[role].append([span for span in (_predicted_span(a, role) for a in attributions) if span])
        resolved.append([(a["source"]["start"], a["source"]["end"]) for a in attributions if a["source"]])
        if misses:
            missed.extend(_attribution_misses(row, attributions))
    results = [
        score_spans(f"{role} ({'exact' if exact else 'overlap'})", predicted[role], gold[role], exact)
        for exact in (False, True) for role in ATTRIBUTION_ROLES
    ] + [score_spans("source resolved (overlap)", resolved, gold["source"], False)]
    return Evaluation("attribution", data, texts, refused, results, misses=_spread(missed, misses))


def _attribution_misses(row: dict, attributions: list[dict]) -> Iterator[dict]:
    """Gold attributions whose cue no predicted cue overlaps, with what we found nearby."""
    text = row["text"]
    cues = [(a["cue"]["start"], a["cue"]["end"]) for a in attributions if a["cue"]]
    for attribution in row["attributions"]:
        cue = _gold_interval(attribution.get("cue"))
        if cue is None or any(_overlaps(cue, p) for p in cues):
            continue
        roles = {role: text[r["start"]:r["end"]] if r else None for role, r in ((k, attribution.get(k)) for k in ATTRIBUTION_ROLES)}
        nearby = [
            {role: text[span[0]:span[1]] if span else None for role, span in ((k, _predicted_span(a, k)) for k in ATTRIBUTION_ROLES)}
            for a in attributions if a["cue"] and abs(a["cue"]["start"] - cue[0]) < 2 * CONTEXT_CHARS
        ]  # each role as it is scored: a resolved source as the word written
        yield {"id": row.get("id"), "gold": roles, "context": _context(text, *cue), "predicted_nearby": nearby}


# ---- loaded terms (PTC, BABE) -----------------------------------------------------------------

def _loaded_terms(report: dict | None) -> list[tuple[Interval, str]]:
    """Each loaded term's bounds and lexicon category."""
    if report is None:
        return []
    return [((t["start"], t["end"]), t["category"]) for p in report["paragraphs"] for t in p["loaded_terms"]]


def evaluate_loaded(rows: Iterable[dict], data: str = "", limit: int | None = None, misses: int = 0) -> Evaluation:
    """PTC (``Loaded_Language`` and ``Name_Calling,Labeling`` spans) or BABE (biased words).

    The format is told by the rows: BABE's carry ``biased_words``. For PTC, one row per
    technique gives its recall and the share of our flags that land on it. One row per
    lexicon category (``category emotive_adjective``, ...) scores that category's flags
    alone against all gold spans: its precision says how often such a flag is one the
    annotators marked, and shows which kinds of wording a corpus does not count as loaded.

    A second headline row, ``... without vocabulary labels``, leaves out the partisan and
    contested labels (``VOCABULARY_CATEGORIES``): they say whose vocabulary a word is, a
    different construct from an emotional appeal, and PTC's annotators rarely mark them.
    Both rows are reported so neither figure hides the other (docs/quality.md).
    """
    predicted: list[list[Interval]] = []
    by_category: dict[str, list[list[Interval]]] = {}
    gold_by_label: dict[str, list[list[Interval]]] = {}
    refused, texts, missed = 0, 0, []
    corpus = "loaded"
    for row in _limited(rows, limit):
        texts += 1
        babe = "biased_words" in row
        corpus = "BABE biased words" if babe else "PTC loaded + name-calling"
        labels = ("biased",) if babe else LOADED_LABELS
        report = _safe_analyze(row["text"])
        refused += report is None
        terms = _loaded_terms(report)
        found = [interval for interval, _ in terms]
        predicted.append(found)
        for category in by_category:
            by_category[category].append([])
        for interval, category in terms:
            by_category.setdefault(category, [[] for _ in range(texts)])[-1].append(interval)
        for label in labels:
            gold_by_label.setdefault(label, []).append(
                [(s["start"], s["end"]) for s in row["spans"] if babe or s["label"] == label]
            )
        if misses:
            missed.extend(_loaded_misses(row, found, labels, babe))
    gold_all = [sorted({g for label in gold_by_label for g in gold_by_label[label][n]}) for n in range(texts)]
    results = [score_spans(f"{corpus} ({'exact' if exact else 'overlap'})", predicted, gold_all, exact) for exact in (False, True)]
    results.append(score_spans(f"{corpus} without vocabulary labels (overlap)", _without_vocabulary(by_category, texts), gold_all, False))
    if len(gold_by_label) > 1:
        results += [score_spans(f"{label} (overlap)", predicted, gold, False) for label, gold in gold_by_label.items()]
    results += [score_spans(f"category {category} (overlap)", found, gold_all, False) for category, found in sorted(by_category.items())]
    return Evaluation("loaded", data, texts, refused, results, misses=_spread(missed, misses))


def _without_vocabulary(by_category: dict[str, list[list[Interval]]], texts: int) -> list[list[Interval]]:
    """Each text's flags outside the vocabulary-label categories (partisan, contested)."""
    kept: list[list[Interval]] = [[] for _ in range(texts)]
    for category, found in by_category.items():
        if category not in VOCABULARY_CATEGORIES:
            for number, intervals in enumerate(found):
                kept[number].extend(intervals)
    return kept


def _loaded_misses(row: dict, found: list[Interval], labels: tuple[str, ...], babe: bool) -> Iterator[dict]:
    text = row["text"]
    gold = [(s["start"], s["end"]) for s in row["spans"] if babe or s["label"] in labels]
    for g in gold:
        if not any(_overlaps(g, p) for p in found):
            yield {"id": row.get("id"), "kind": "missed", "span": text[g[0]:g[1]], "context": _context(text, *g)}
    for p in found:
        if not any(_overlaps(p, g) for g in gold):
            yield {"id": row.get("id"), "kind": "false_alarm", "span": text[p[0]:p[1]], "context": _context(text, *p)}


TASKS = ("sentiment", "attribution", "loaded", "basil")


def evaluate(task: str, path: Path, model: str = "learned", limit: int | None = None, misses: int = 0) -> Evaluation:
    """Run ``task`` over the JSONL file at ``path`` (which must exist)."""
    rows = read_jsonl(path)
    data = path.name if path.parent.name in ("", ".") else f"{path.parent.name}/{path.name}"
    if task == "sentiment":
        return evaluate_sentiment(rows, sentiment_models()[model](), data, limit, misses)
    if task == "attribution":
        return evaluate_attribution(rows, data, limit, misses)
    if task == "loaded":
        return evaluate_loaded(rows, data, limit, misses)
    if task == "basil":
        from framing.evaluate_basil import evaluate_basil  # it imports this module's scoring helpers

        return evaluate_basil(rows, data, limit, misses)
    raise ValueError(f"unknown task {task!r}; choose from {', '.join(TASKS)}")
