"""The stored tables: actor profiles, articles with their revisions, and per-article metrics.

Reports are kept whole (JSON) in ``article_revisions`` so nothing the analyzer said is lost;
the ``article_*metrics`` tables hold the same figures as plain columns so that trends and
outlet comparisons are one ``GROUP BY`` over one table. Metric rows exist for an article's
**current** revision only (they are replaced when it is revised or reanalysed) and carry
the ``analyzer_version`` that produced them, plus the article's ``outlet`` and
``published_at`` copied in, so a trend query needs no join and never mixes versions.
The schema itself is created and changed by the migrations in ``framing/store/migrations``.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import JSON, BigInteger, Column, Date, DateTime, Float, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

OUTLET_LENGTH = 200
KEY_LENGTH = 512
ACTOR_LENGTH = 200
TERM_LENGTH = 200
VERSION_LENGTH = 40


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def sample_rank(article_id: int) -> int:
    """Knuth's multiplicative hash of the id: a fixed pseudo-random order of articles, so a
    sample read in this order spreads over the whole date range and repeats query after query."""
    return (article_id * 2_654_435_761) % 4_294_967_296


class Base(DeclarativeBase):
    pass


class StoredProfile(Base):
    """An actor profile saved under a name, so callers can analyse with ``profile: "name"``."""

    __tablename__ = "actor_profiles"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    description: Mapped[str | None] = mapped_column(String(2000))
    version: Mapped[str | None] = mapped_column(String(40))
    # Incremented on every replacement, so reports made with an older body stay traceable.
    revision: Mapped[int] = mapped_column(Integer, default=1)
    document: Mapped[dict] = mapped_column(JSON)  # {"actors": [...], "sides": {...}}
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Article(Base):
    """One news article, identified by ``key`` however many times it is sent.

    ``key`` is ``id:<client id>`` when the client names the article, else ``url:<normalised
    url>``, else ``sha256:<digest of the text>`` (see ``framing.store.keys``), so posting the
    same story twice stores it once.
    """

    __tablename__ = "articles"
    # keyset pagination: newest first, ties broken by id, optionally within one outlet
    __table_args__ = (
        Index("ix_articles_published_id", "published_at", "id"),
        Index("ix_articles_outlet_published_id", "outlet", "published_at", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(KEY_LENGTH), unique=True)
    outlet: Mapped[str] = mapped_column(String(OUTLET_LENGTH))
    url: Mapped[str | None] = mapped_column(String(2048))
    title: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # No database-level foreign key (articles and revisions would reference each other);
    # framing.store.articles keeps it pointing at one of this article's revisions.
    current_revision_id: Mapped[int | None] = mapped_column(Integer)


class ArticleRevision(Base):
    """One version of an article's text (and title) with the report made from it.

    A new revision is stored only when the text or title changes; a reanalysis with a
    newer analyzer replaces ``report`` and the versions in place, since the text is the same.
    """

    __tablename__ = "article_revisions"
    __table_args__ = (UniqueConstraint("article_id", "number", name="uq_article_revisions_article_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)  # 1, 2, ... per article
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    text_sha256: Mapped[str] = mapped_column(String(64))
    html: Mapped[str | None] = mapped_column(Text)  # the page the text was extracted from, if any
    # The text's countable words, sorted (framing.store.fightin_words.word_bag): what a
    # comparison's distinctive words count, read instead of the text.
    word_bag: Mapped[str | None] = mapped_column(Text)
    analyzer_version: Mapped[str] = mapped_column(String(VERSION_LENGTH), index=True)
    corpora_versions: Mapped[dict] = mapped_column(JSON)
    report: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    analyzed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ArticleMetrics(Base):
    """Document-level figures of an article's current report, one row per article.

    Counts are kept beside the rates so comparisons can pool articles (sum of hedged
    attributions / sum of attributions) as well as average them.
    """

    __tablename__ = "article_metrics"
    __table_args__ = (
        Index("ix_article_metrics_version_outlet_published", "analyzer_version", "outlet", "published_at"),
        Index("ix_article_metrics_version_outlet_sample", "analyzer_version", "outlet", "sample_rank", "article_id", "revision_id"),
    )

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    revision_id: Mapped[int] = mapped_column(Integer)
    # A fixed pseudo-random rank of the article (framing.store.compare.sample_rank), indexed
    # so a comparison's word sample is read in index order instead of sorting every article.
    sample_rank: Mapped[int] = mapped_column(BigInteger)
    analyzer_version: Mapped[str] = mapped_column(String(VERSION_LENGTH))
    outlet: Mapped[str] = mapped_column(String(OUTLET_LENGTH))
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    words: Mapped[int] = mapped_column(Integer)
    # counts over body paragraphs (report document.counts, document.sourcing.citations)
    attributions: Mapped[int] = mapped_column(Integer)
    hedged_attributions: Mapped[int] = mapped_column(Integer)
    anonymous_attributions: Mapped[int] = mapped_column(Integer)
    direct_quotes: Mapped[int] = mapped_column(Integer)
    citations: Mapped[int] = mapped_column(Integer)
    hedges: Mapped[int] = mapped_column(Integer)
    hedges_authorial: Mapped[int] = mapped_column(Integer)
    boosters: Mapped[int] = mapped_column(Integer)
    loaded_terms: Mapped[int] = mapped_column(Integer)
    loaded_terms_authorial: Mapped[int] = mapped_column(Integer)
    loaded_terms_quoted: Mapped[int] = mapped_column(Integer)
    # rates and indices; null where undefined (no attributions, no citations, no words)
    attributions_per_1000: Mapped[float | None] = mapped_column(Float)
    hedged_attribution_rate: Mapped[float | None] = mapped_column(Float)  # hedged / attributions
    loaded_authorial_per_1000: Mapped[float | None] = mapped_column(Float)
    loaded_quoted_per_1000: Mapped[float | None] = mapped_column(Float)
    hedges_per_1000: Mapped[float | None] = mapped_column(Float)
    anonymous_share: Mapped[float | None] = mapped_column(Float)
    direct_quote_share: Mapped[float | None] = mapped_column(Float)
    balance_index: Mapped[float | None] = mapped_column(Float)
    flesch_reading_ease: Mapped[float | None] = mapped_column(Float)
    flesch_kincaid_grade: Mapped[float | None] = mapped_column(Float)
    sentiment: Mapped[float | None] = mapped_column(Float)  # mean paragraph compound


class PerArticleRow:
    """The columns every per-article x something metric row carries: the article, the
    analyzer version (aggregations never mix versions) and, copied from the article, its
    outlet and date, so trend and comparison queries GROUP BY one table without a join."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    analyzer_version: Mapped[str] = mapped_column(String(VERSION_LENGTH))
    outlet: Mapped[str] = mapped_column(String(OUTLET_LENGTH))
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ArticleActorMetrics(PerArticleRow, Base):
    """Per article x actor (report ``document.actors``): how often, how warmly, how often cited."""

    __tablename__ = "article_actor_metrics"
    __table_args__ = (
        UniqueConstraint("article_id", "actor", name="uq_article_actor_metrics_article_actor"),
        Index("ix_article_actor_metrics_version_actor_outlet_published", "analyzer_version", "actor", "outlet", "published_at"),
    )

    actor: Mapped[str] = mapped_column(String(ACTOR_LENGTH))
    actor_name: Mapped[str | None] = mapped_column(String(ACTOR_LENGTH))
    side: Mapped[str | None] = mapped_column(String(ACTOR_LENGTH))
    mentions: Mapped[int] = mapped_column(Integer)
    mean_sentiment: Mapped[float | None] = mapped_column(Float)
    negative: Mapped[int] = mapped_column(Integer)
    neutral: Mapped[int] = mapped_column(Integer)
    positive: Mapped[int] = mapped_column(Integer)
    cited: Mapped[int] = mapped_column(Integer)  # times cited as a source


class ArticleSideMetrics(PerArticleRow, Base):
    """Per article x source side (report ``document.sourcing.by_side``)."""

    __tablename__ = "article_side_metrics"
    __table_args__ = (UniqueConstraint("article_id", "side", name="uq_article_side_metrics_article_side"),)

    side: Mapped[str] = mapped_column(String(ACTOR_LENGTH))
    citations: Mapped[int] = mapped_column(Integer)
    words: Mapped[int] = mapped_column(Integer)  # words attributed to the side's sources


class ArticleSourceTypeMetrics(PerArticleRow, Base):
    """Per article x source type (person, government, anonymous...): sourcing by type."""

    __tablename__ = "article_source_type_metrics"
    __table_args__ = (UniqueConstraint("article_id", "source_type", name="uq_article_source_type_metrics_article_type"),)

    source_type: Mapped[str] = mapped_column(String(40))
    citations: Mapped[int] = mapped_column(Integer)
    words: Mapped[int] = mapped_column(Integer)


class ArticleTermMetrics(PerArticleRow, Base):
    """Per article x loaded term x voice x target actor (body paragraphs' ``loaded_terms``).

    ``actor`` is the label's target when the lexicon entry is a label applied to an actor
    ("the militant group" -> islamic_state), else null.
    """

    __tablename__ = "article_term_metrics"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    term: Mapped[str] = mapped_column(String(TERM_LENGTH))
    category: Mapped[str] = mapped_column(String(40))
    voice: Mapped[str] = mapped_column(String(20))  # authorial | quoted
    actor: Mapped[str | None] = mapped_column(String(ACTOR_LENGTH))
    count: Mapped[int] = mapped_column(Integer)


class ArticleActorLabel(PerArticleRow, Base):
    """Per article x actor x label (report ``document.actors[].labels``): what an outlet calls an actor."""

    __tablename__ = "article_actor_labels"
    __table_args__ = (
        UniqueConstraint("article_id", "actor", "label", name="uq_article_actor_labels_article_actor_label"),
        Index("ix_article_actor_labels_version_actor_outlet", "analyzer_version", "actor", "outlet"),
    )

    actor: Mapped[str] = mapped_column(String(ACTOR_LENGTH))
    label: Mapped[str] = mapped_column(String(TERM_LENGTH))
    count: Mapped[int] = mapped_column(Integer)


# Every table filled from a report, in the order framing.store.metrics returns their rows.
METRIC_TABLES = (
    ArticleMetrics, ArticleActorMetrics, ArticleSideMetrics, ArticleSourceTypeMetrics,
    ArticleTermMetrics, ArticleActorLabel,
)


# Article figures whose sums per outlet and period are kept: the means trends chart (each
# with the count of articles where it is defined) ...
ROLLED_MEANS = (
    "hedged_attribution_rate", "attributions_per_1000", "loaded_authorial_per_1000", "loaded_quoted_per_1000",
    "hedges_per_1000", "anonymous_share", "direct_quote_share", "balance_index", "flesch_reading_ease",
    "flesch_kincaid_grade", "sentiment", "words",
)
# ... and the counts a comparison pools; anonymous citations are not stored per article,
# anonymous_share x citations gives them back.
ROLLED_SUMS = ("attributions", "hedged_attributions", "citations", "loaded_terms_authorial", "loaded_terms_quoted", "anonymous_citations")


class OutletRollup(Base):
    """Per analyzer version x outlet x period: what trends and comparisons add up.

    A period is a UTC day (``span`` 'day') or the month holding it (``span`` 'month', ``day``
    its first day): every article is counted in both, so a monthly chart or a comparison
    over years reads month rows and only the days of partial months at the edges of a
    range. Kept up to date in the same transaction as the metric rows
    (``framing.store.rollups``). ``articles`` counts the outlet's articles in the period;
    for each mean, ``<name>_n`` counts those where it is defined and ``<name>_sum`` sums it,
    so the mean is ``<name>_sum / <name>_n`` and stays exact when periods are added up.
    One wide row per period rather than one per metric: an article then changes two rows
    here, not thirty-six.
    """

    __table__ = Table(
        "rollup_outlet", Base.metadata,
        Column("analyzer_version", String(VERSION_LENGTH), primary_key=True),
        Column("span", String(5), primary_key=True),  # day | month
        Column("outlet", String(OUTLET_LENGTH), primary_key=True),
        Column("day", Date, primary_key=True),  # the period's first day
        Column("articles", Integer, nullable=False),
        *(Column(f"{name}_n", Integer, nullable=False) for name in ROLLED_MEANS),
        *(Column(f"{name}_sum", Float, nullable=False) for name in ROLLED_MEANS),
        *(Column(f"{name}_sum", Float, nullable=False) for name in ROLLED_SUMS),
    )


class ActorRollup(Base):
    """Per analyzer version x actor x outlet x period: the actor trends and the comparison's actors.

    ``sentiment_weighted`` sums mean sentiment x mentions over the articles where the
    sentiment is defined (``sentiment_articles`` of them), so the mean over every mention is
    ``sentiment_weighted / mentions``, as the per-article query computed it.
    """

    __tablename__ = "rollup_actor"
    __table_args__ = (Index("ix_rollup_actor_version_span_outlet_day", "analyzer_version", "span", "outlet", "day"),)

    analyzer_version: Mapped[str] = mapped_column(String(VERSION_LENGTH), primary_key=True)
    actor: Mapped[str] = mapped_column(String(ACTOR_LENGTH), primary_key=True)
    span: Mapped[str] = mapped_column(String(5), primary_key=True)
    outlet: Mapped[str] = mapped_column(String(OUTLET_LENGTH), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    actor_name: Mapped[str | None] = mapped_column(String(ACTOR_LENGTH))
    articles: Mapped[int] = mapped_column(Integer)
    mentions: Mapped[int] = mapped_column(Integer)
    sentiment_articles: Mapped[int] = mapped_column(Integer)
    sentiment_weighted: Mapped[float] = mapped_column(Float)
    negative: Mapped[int] = mapped_column(Integer)
    neutral: Mapped[int] = mapped_column(Integer)
    positive: Mapped[int] = mapped_column(Integer)
    cited: Mapped[int] = mapped_column(Integer)


class PeriodKey:
    """The key every outlet aggregate starts with (``sort_order``: before the class's own key
    columns): analyzer version, period length, outlet, first day of the period."""

    analyzer_version: Mapped[str] = mapped_column(String(VERSION_LENGTH), primary_key=True, sort_order=-1)
    span: Mapped[str] = mapped_column(String(5), primary_key=True, sort_order=-1)  # day | month
    outlet: Mapped[str] = mapped_column(String(OUTLET_LENGTH), primary_key=True, sort_order=-1)
    day: Mapped[date] = mapped_column(Date, primary_key=True, sort_order=-1)


class SourceRollup(PeriodKey, Base):
    """Per analyzer version x outlet x period x source side or type: citations and words attributed."""

    __tablename__ = "rollup_source"

    kind: Mapped[str] = mapped_column(String(10), primary_key=True)  # side | type
    name: Mapped[str] = mapped_column(String(ACTOR_LENGTH), primary_key=True)
    articles: Mapped[int] = mapped_column(Integer)
    citations: Mapped[int] = mapped_column(Integer)
    words: Mapped[int] = mapped_column(Integer)


class TermRollup(PeriodKey, Base):
    """Per analyzer version x outlet x period x loaded term: uses in the writer's voice and in
    quotations, and the articles using it (each article counted once per term)."""

    __tablename__ = "rollup_term"

    term: Mapped[str] = mapped_column(String(TERM_LENGTH), primary_key=True)
    category: Mapped[str] = mapped_column(String(40), primary_key=True)
    articles: Mapped[int] = mapped_column(Integer)
    authorial: Mapped[int] = mapped_column(Integer)
    quoted: Mapped[int] = mapped_column(Integer)


class LabelRollup(PeriodKey, Base):
    """Per analyzer version x outlet x period x actor x label: what an outlet called an actor."""

    __tablename__ = "rollup_label"

    actor: Mapped[str] = mapped_column(String(ACTOR_LENGTH), primary_key=True)
    label: Mapped[str] = mapped_column(String(TERM_LENGTH), primary_key=True)
    articles: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer)


# Every aggregate table, in the order their rows are locked when a transaction changes them:
# the outlet rows last, since every article of an outlet and month shares one, so that two
# workers storing the same outlets wait for each other the shortest time.
ROLLUP_TABLES = (ActorRollup, SourceRollup, TermRollup, LabelRollup, OutletRollup)


class StoryBuild(Base):
    """One run of ``framing stories build`` or ``update``: its settings, what it found, the
    highest story id handed out so far (later runs never give an old id to a new story) and
    the highest article id considered (an update starts after it)."""

    __tablename__ = "story_builds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    built_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    threshold: Mapped[float] = mapped_column(Float)
    window_days: Mapped[float] = mapped_column(Float)
    articles: Mapped[int] = mapped_column(Integer)  # articles grouped
    stories: Mapped[int] = mapped_column(Integer)
    last_story_id: Mapped[int] = mapped_column(Integer)
    # the highest article id the stories have considered: `framing stories update` starts after it
    last_article_id: Mapped[int | None] = mapped_column(Integer)


class Story(Base):
    """A group of stored articles about one event, as the latest ``framing stories build`` found it.

    Stories are rebuilt whole (``framing.store.stories``), never edited. ``title`` is the
    headline of the article closest to the group's centroid and ``terms`` the centroid's
    heaviest words: enough to name the event in a list without reading its articles.
    """

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    build_id: Mapped[int] = mapped_column(ForeignKey("story_builds.id"))
    title: Mapped[str | None] = mapped_column(Text)
    terms: Mapped[list] = mapped_column(JSON)
    first_published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class StoryArticle(Base):
    """An article's place in a story: one story at most per article, with its similarity
    (cosine) to the story's centroid when the story was built."""

    __tablename__ = "story_articles"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    similarity: Mapped[float] = mapped_column(Float)


class Job(Base):
    """A batch of work for the workers (``framing.jobs``): analyse articles, or ingest them.

    Its state lives here rather than in the broker, so the counts stay exact when Redis
    restarts and a job can be read from any API server.
    """

    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # analyze | ingest
    state: Mapped[str] = mapped_column(String(20))  # running | done | cancelled
    total: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    progressed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)  # a chunk was last written
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class JobChunk(Base):
    """A slice of a job's items, sent to the workers as one task; ``sent_at`` tells the
    sweeper (``framing.jobs.state.stalled_chunks``) which tasks a lost broker may have dropped."""

    __tablename__ = "job_chunks"

    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    deliveries: Mapped[int] = mapped_column(Integer, default=0)  # times a worker started on it
    finished: Mapped[bool] = mapped_column(default=False)


class JobItem(Base):
    """One record of a job: its input until it is done, then what became of it."""

    __tablename__ = "job_items"
    __table_args__ = (Index("ix_job_items_job_status", "job_id", "status"),)

    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)  # 0-based, in the order given
    chunk: Mapped[int] = mapped_column(Integer)
    where: Mapped[str] = mapped_column(String(40))  # "item 3", or "line 12" of a file
    status: Mapped[str] = mapped_column(String(20))  # pending | done | failed | cancelled
    input: Mapped[dict | None] = mapped_column(JSON)  # dropped once stored (the article holds it)
    key: Mapped[str | None] = mapped_column(String(KEY_LENGTH))  # the article's key, or the content hash analysed
    article_id: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str | None] = mapped_column(String(20))  # created | revised | updated | unchanged | analysed
    error_code: Mapped[str | None] = mapped_column(String(60))
    error_message: Mapped[str | None] = mapped_column(Text)
    report: Mapped[dict | None] = mapped_column(JSON)  # analysis jobs: the result


class ApiKey(Base):
    """A key for the HTTP API's writes (and reads, when the server asks keys for them).

    Only the SHA-256 of the token is kept (``framing.store.api_keys`` says why that is
    enough); ``prefix`` is the token's first characters, so an operator can tell which key
    a client holds without the table ever holding a usable secret.
    """

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    name: Mapped[str | None] = mapped_column(String(200))
    scope: Mapped[str] = mapped_column(String(10))  # read, write or admin
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
