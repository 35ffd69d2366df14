"""Stories: stored articles about the same event, grouped across outlets.

Articles are compared by the words of their headline and opening (TF-IDF, scikit-learn's
English stop words, sublinear term frequency, cosine similarity). They are taken in order
of publication; each joins the story whose articles of the previous ``window_days`` it
resembles most on average (group-average similarity), if that average reaches
``threshold``, and otherwise starts a story of its own. Comparing only with the recent
articles of a story lets a story run for as long as outlets keep covering it, while an
unrelated article months later about the same people starts a new one. Groups of one
article are not stored.

``DEFAULT_THRESHOLD`` and ``DEFAULT_WINDOW_DAYS`` were chosen by purity and inverse purity
against hand-labelled events in real coverage; docs/stories.md has the figures and
``benchmarks/story_purity.py`` reproduces them. ``framing stories build`` regroups every
article; ``framing stories update`` (:func:`update_stories`) places only the articles
stored since the last build or update, each joining a story or starting one with an
article it resembles, and leaves the stories as they are, so its cost follows the new
articles rather than the store. Each run is recorded in ``story_builds`` with its settings.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from framing.store.articles import utc
from framing.store.days import end_of, start_of
from framing.store.models import (
    Article,
    ArticleRevision,
    Story,
    StoryArticle,
    StoryBuild,
)

DEFAULT_THRESHOLD = 0.08
DEFAULT_WINDOW_DAYS = 3
# The headline and opening say what happened; later paragraphs drift into background
# shared with every other story about the same people.
LEAD_CHARACTERS = 1500
STORY_TERMS = 8
_BLOCK = 512  # articles whose similarities to their window are computed at once
_SECONDS_PER_DAY = 86_400.0


@dataclass(frozen=True)
class Clustering:
    labels: np.ndarray  # a group number per article, in input order
    similarity: np.ndarray  # each article's cosine similarity to its group's centroid
    terms: dict[int, list[str]]  # a group's heaviest centroid words, for groups of two or more


def vectorize(texts: Sequence[str]) -> tuple[sparse.csr_matrix, np.ndarray]:
    """L2-normalised TF-IDF rows and the vocabulary; no columns when no word is shared."""
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, dtype=np.float32)
    try:
        return vectorizer.fit_transform(texts).tocsr(), vectorizer.get_feature_names_out()
    except ValueError:  # no word in two documents: nothing links any pair
        return sparse.csr_matrix((len(texts), 0), dtype=np.float32), np.array([], dtype=object)


def cluster(texts: Sequence[str], published: Sequence[datetime], *, threshold: float = DEFAULT_THRESHOLD,
            window_days: float = DEFAULT_WINDOW_DAYS) -> Clustering:
    """Group texts about the same event; ``published`` gives each text's time (aware or UTC)."""
    count = len(texts)
    if count == 0:
        return Clustering(np.zeros(0, dtype=np.int64), np.zeros(0), {})
    vectors, vocabulary = vectorize(texts)
    days = np.array([utc(moment).timestamp() / _SECONDS_PER_DAY for moment in published])
    order = np.argsort(days, kind="stable")
    vectors, days = vectors[order], days[order]
    labels = np.full(count, -1, dtype=np.int64)
    groups = 0
    for block_start in range(0, count, _BLOCK):
        block_end = min(block_start + _BLOCK, count)
        window_start = int(np.searchsorted(days, days[block_start] - window_days, side="left"))
        similarities = (vectors[block_start:block_end] @ vectors[window_start:block_end].T).toarray()
        for position in range(block_start, block_end):
            first = int(np.searchsorted(days, days[position] - window_days, side="left"))
            best_group, best_score = -1, -1.0
            if first < position:
                earlier = labels[first:position]
                row = similarities[position - block_start, first - window_start:position - window_start]
                names, members = np.unique(earlier, return_inverse=True)
                scores = np.bincount(members, weights=row) / np.bincount(members)
                best = int(np.argmax(scores))
                best_group, best_score = int(names[best]), float(scores[best])
            if best_score >= threshold:
                labels[position] = best_group
            else:
                labels[position] = groups
                groups += 1
    similarity, terms = _centroids(vectors, labels, vocabulary)
    unsorted = np.empty(count, dtype=np.int64)
    unsorted[order] = labels
    similarities = np.empty(count)
    similarities[order] = similarity
    return Clustering(unsorted, similarities, terms)


def _centroids(vectors: sparse.csr_matrix, labels: np.ndarray, vocabulary: np.ndarray) -> tuple[np.ndarray, dict[int, list[str]]]:
    groups = int(labels.max()) + 1
    membership = sparse.csr_matrix((np.ones(len(labels), dtype=np.float32), (labels, np.arange(len(labels)))), shape=(groups, len(labels)))
    centroids = (membership @ vectors).tocsr()
    norms = np.sqrt(np.asarray(centroids.multiply(centroids).sum(axis=1)).ravel())
    centroids = sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ centroids
    similarity = np.asarray(vectors.multiply(centroids[labels]).sum(axis=1)).ravel()
    sizes = np.bincount(labels, minlength=groups)
    terms = {}
    for group in np.flatnonzero(sizes >= 2):
        row = centroids.getrow(group)
        heaviest = row.indices[np.argsort(-row.data, kind="stable")[:STORY_TERMS]]
        terms[int(group)] = [str(vocabulary[index]) for index in heaviest]
    return similarity, terms


@dataclass(frozen=True)
class BuildSummary:
    articles: int  # articles considered
    stories: int
    in_stories: int  # articles placed in a story


def story_text(title: str | None, text: str) -> str:
    return f"{title}\n\n{text[:LEAD_CHARACTERS]}" if title else text[:LEAD_CHARACTERS]


def build_stories(session: Session, *, threshold: float = DEFAULT_THRESHOLD, window_days: float = DEFAULT_WINDOW_DAYS) -> BuildSummary:
    """Replace every stored story with groups found in the current revisions of all articles.

    Story ids continue after the highest id any earlier build handed out (kept in
    ``story_builds``), so an id a client saw never names a different story later.
    """
    rows = session.execute(
        select(Article.id, Article.published_at, ArticleRevision.title, func.substr(ArticleRevision.text, 1, LEAD_CHARACTERS))
        .join(ArticleRevision, ArticleRevision.id == Article.current_revision_id).order_by(Article.id)
    ).all()
    found = cluster([story_text(title, text) for _id, _published, title, text in rows], [utc(row[1]) for row in rows],
                    threshold=threshold, window_days=window_days)
    members: dict[int, list[int]] = {group: [] for group in sorted(found.terms)}  # groups of two or more
    for index, group in enumerate(found.labels.tolist()):
        if group in members:
            members[group].append(index)
    first_id = (session.scalar(select(func.max(StoryBuild.last_story_id))) or 0) + 1
    story_ids = {group: first_id + number for number, group in enumerate(members)}
    build = StoryBuild(threshold=threshold, window_days=window_days, articles=len(rows), stories=len(members),
                       last_story_id=first_id + len(members) - 1, last_article_id=max((row[0] for row in rows), default=0))
    session.execute(delete(StoryArticle))
    session.execute(delete(Story))
    session.add(build)
    session.flush()
    stories = []
    for group, indexes in members.items():
        central = max(indexes, key=lambda index: found.similarity[index])
        times = [utc(rows[index][1]) for index in indexes]
        stories.append({"id": story_ids[group], "build_id": build.id, "title": rows[central][2], "terms": found.terms[group],
                        "first_published_at": min(times), "last_published_at": max(times)})
    if stories:
        session.execute(insert(Story), stories)
        session.execute(insert(StoryArticle), [
            {"article_id": rows[index][0], "story_id": story_ids[group], "similarity": round(float(found.similarity[index]), 4)}
            for group, indexes in members.items() for index in indexes
        ])
    return BuildSummary(len(rows), len(stories), sum(len(indexes) for indexes in members.values()))


def update_stories(session: Session, *, threshold: float = DEFAULT_THRESHOLD, window_days: float = DEFAULT_WINDOW_DAYS) -> BuildSummary:
    """Place the articles stored since the last build or update, leaving every story as it is.

    Each new article, in order of publication, joins the group it resembles most on average
    among the articles published within ``window_days`` before or after it (a story, or an
    article in none, with which it then starts one), if that average reaches ``threshold``;
    otherwise it stays alone until a later article joins it. The vectors are fitted on the
    new articles and those of their windows only, so the cost follows the new articles, not
    the store; a full ``build`` can still regroup everything (after changing the settings,
    say). Without an earlier build or update this is a build.
    """
    last = session.scalar(select(func.max(StoryBuild.last_article_id)))
    if last is None:
        return build_stories(session, threshold=threshold, window_days=window_days)
    lead = func.substr(ArticleRevision.text, 1, LEAD_CHARACTERS)
    joined = (select(Article.id, Article.published_at, ArticleRevision.title, lead)
              .join(ArticleRevision, ArticleRevision.id == Article.current_revision_id))
    new = session.execute(joined.where(Article.id > last).order_by(Article.published_at, Article.id)).all()
    if not new:
        return BuildSummary(0, 0, 0)
    reach = timedelta(days=window_days)
    old = session.execute(joined.where(Article.id <= last, Article.published_at >= utc(new[0][1]) - reach,
                                       Article.published_at <= utc(new[-1][1]) + reach)).all()
    rows = old + new
    vectors, vocabulary = vectorize([story_text(title, text) for _id, _published, title, text in rows])
    days = np.array([utc(row[1]).timestamp() / _SECONDS_PER_DAY for row in rows])
    story_of = dict(session.execute(select(StoryArticle.article_id, StoryArticle.story_id)
                                    .where(StoryArticle.article_id.in_([row[0] for row in old]))).all()) if old else {}
    group = [("story", story_of[row[0]]) if row[0] in story_of else ("article", row[0]) for row in old]
    placed = np.zeros(len(rows), dtype=bool)
    placed[:len(old)] = True
    joins: list[tuple[int, tuple]] = []  # (row of a new article, the group it joins)
    for position in range(len(old), len(rows)):
        near = np.flatnonzero(placed & (np.abs(days - days[position]) <= window_days))
        best, best_score = None, -1.0
        if len(near):
            similarities = (vectors[near] @ vectors[position].T).toarray().ravel()
            totals: dict[tuple, list[float]] = {}
            for member, similarity in zip(near.tolist(), similarities.tolist()):
                totals.setdefault(group[member], []).append(similarity)
            best, scores = max(totals.items(), key=lambda item: (float(np.mean(item[1])), str(item[0])))
            best_score = float(np.mean(scores))
        group.append(best if best is not None and best_score >= threshold else ("article", rows[position][0]))
        if group[-1] == best:
            joins.append((position, best))
        placed[position] = True
    return _record_update(session, rows, vectors, vocabulary, group, joins, threshold, window_days, max(row[0] for row in new), len(new))


def _record_update(session: Session, rows, vectors, vocabulary, group: list[tuple], joins: list[tuple[int, tuple]], threshold: float,
                   window_days: float, last_article_id: int, considered: int) -> BuildSummary:
    """Store what the update found: new stories for articles that paired up, new members for old stories."""
    next_id = (session.scalar(select(func.max(StoryBuild.last_story_id))) or 0) + 1
    members: dict[tuple, list[int]] = {}
    for position, chosen in enumerate(group):
        members.setdefault(chosen, []).append(position)
    story_ids: dict[tuple, int] = {}
    for _position, chosen in joins:
        if chosen[0] == "story":
            story_ids[chosen] = chosen[1]
        elif chosen not in story_ids:
            story_ids[chosen], next_id = next_id, next_id + 1
    build = StoryBuild(threshold=threshold, window_days=window_days, articles=considered, stories=len(story_ids),
                       last_story_id=next_id - 1, last_article_id=last_article_id)
    session.add(build)
    session.flush()
    placed = 0
    for chosen, story_id in story_ids.items():
        positions = members[chosen]
        times = [utc(rows[position][1]) for position in positions]
        centroid = np.asarray(vectors[positions].mean(axis=0)).ravel()
        centroid = centroid / (float(np.linalg.norm(centroid)) or 1.0)
        similarity = {position: float(vectors[position].dot(centroid)[0]) for position in positions}
        story = session.get(Story, story_id)
        if story is None:  # articles that found each other: a new story, named as a build names one
            central = max(positions, key=similarity.get)
            heaviest = np.argsort(-centroid, kind="stable")[:STORY_TERMS]
            story = Story(id=story_id, build_id=build.id, title=rows[central][2],
                          terms=[str(vocabulary[index]) for index in heaviest if centroid[index] > 0],
                          first_published_at=min(times), last_published_at=max(times))
            session.add(story)
        else:
            story.first_published_at = min(utc(story.first_published_at), *times)
            story.last_published_at = max(utc(story.last_published_at), *times)
        session.flush()
        known = set(session.scalars(select(StoryArticle.article_id).where(StoryArticle.story_id == story_id)))
        for position in positions:
            if rows[position][0] not in known:
                session.add(StoryArticle(article_id=rows[position][0], story_id=story_id, similarity=round(similarity[position], 4)))
                placed += 1
    return BuildSummary(considered, len(story_ids), placed)


@dataclass(frozen=True)
class StoryArticleSummary:
    id: int
    outlet: str
    title: str | None
    published_at: datetime
    similarity: float


@dataclass(frozen=True)
class StorySummary:
    id: int
    title: str | None
    terms: list[str]
    first_published_at: datetime
    last_published_at: datetime
    outlets: list[str]
    articles: list[StoryArticleSummary]
    built_at: datetime  # when the build that found it ran


@dataclass(frozen=True)
class StoryFilters:
    outlets: list[str] | None = None  # stories with an article from one of these
    since: date | None = None  # stories with an article on or after this day (UTC)
    until: date | None = None  # ... on or before this day
    min_outlets: int = 1


def find_stories(session: Session, filters: StoryFilters, *, page: int, page_size: int) -> tuple[int, list[StorySummary]]:
    """``(total, stories)``: the latest first (by their last article), a page at a time."""
    outlets = func.count(func.distinct(Article.outlet))
    query = (
        select(StoryArticle.story_id).join(Article, Article.id == StoryArticle.article_id)
        .group_by(StoryArticle.story_id).having(outlets >= filters.min_outlets)
    )
    if filters.outlets:
        query = query.having(func.sum((Article.outlet.in_(filters.outlets)).cast(type_=Article.id.type)) > 0)
    if filters.since:
        query = query.having(func.max(Article.published_at) >= start_of(filters.since))
    if filters.until and end_of(filters.until):
        query = query.having(func.min(Article.published_at) < end_of(filters.until))
    matching = query.subquery()
    total = session.scalar(select(func.count()).select_from(matching))
    stories = session.scalars(
        select(Story).where(Story.id.in_(select(matching.c.story_id)))
        .order_by(Story.last_published_at.desc(), Story.id.desc()).offset((page - 1) * page_size).limit(page_size)
    ).all()
    return total, _summaries(session, stories)


def get_story(session: Session, story_id: int) -> StorySummary | None:
    story = session.get(Story, story_id)
    return _summaries(session, [story])[0] if story else None


def _summaries(session: Session, stories: Sequence[Story]) -> list[StorySummary]:
    """Each story with its articles as they are stored now (an article deleted since the build is left out)."""
    articles: dict[int, list[StoryArticleSummary]] = {story.id: [] for story in stories}
    rows = session.execute(
        select(StoryArticle.story_id, Article.id, Article.outlet, Article.title, Article.published_at, StoryArticle.similarity)
        .join(Article, Article.id == StoryArticle.article_id).where(StoryArticle.story_id.in_(list(articles)))
        .order_by(Article.published_at, Article.id)
    )
    for story_id, article_id, outlet, title, published_at, similarity in rows:
        articles[story_id].append(StoryArticleSummary(article_id, outlet, title, utc(published_at), similarity))
    built = dict(session.execute(select(StoryBuild.id, StoryBuild.built_at).where(StoryBuild.id.in_({story.build_id for story in stories}))).all())
    return [
        StorySummary(story.id, story.title, story.terms, utc(story.first_published_at), utc(story.last_published_at),
                     sorted({article.outlet for article in articles[story.id]}), articles[story.id], utc(built[story.build_id]))
        for story in stories
    ]
