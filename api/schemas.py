"""Every request and response of the API, as marshmallow schemas.

These schemas are the one description of the API: requests are validated with them and
the OpenAPI document (``/openapi.json``) is generated from them. Report responses are
built by the library and sent as they are (marshmallow would take longer to copy a large
report than the analysis takes); the report schemas here document them, and the test
suite checks real responses against the generated document, so the two cannot drift.
Every schema is strict (``unknown = RAISE``): a misspelt request field is an error, and
the document says ``additionalProperties: false``, so an undocumented response field fails
the tests.
"""
from __future__ import annotations

from datetime import datetime

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from api.moments import NotRfc3339, parse_day, parse_moment
from framing.corpora import ACTOR_TYPES
from framing.inputs import MAX_TITLE_CHARS
from framing.profiles import ID_PATTERN, MAX_ALIASES_PER_ACTOR, MAX_NAME_LENGTH, MAX_PROFILE_ACTORS
from framing.store.trends import METRICS

SLUG_PATTERN = ID_PATTERN
MAX_PAGE_SIZE = 500
MAX_PAGE = 1_000_000
# Patterns use explicit character classes (no \s, \d), which mean the same in Python, in the
# ECMA-262 dialect of the OpenAPI document and in the Rust engine schemathesis validates with.
NO_NUL_PATTERN = r"^[^\x00]*$"  # PostgreSQL cannot store or compare strings holding NUL characters
NAME_LIST_PATTERN = r"^[^\x00]*[^\x00\t\n\r ,][^\x00]*$"  # at least one name between the commas
NAME_LIST_BLANKS = " \t\n\r"  # stripped from each name; with commas, all NAME_LIST_PATTERN leaves out


def _describe(text: str, **extra) -> dict:
    return {"metadata": {"description": text, **extra}}


class FullPattern(validate.Regexp):
    """The whole value must match, as JSON Schema's anchored ``pattern`` means it: Python's
    ``$`` also accepts a final newline (``"abc\\n"``), which the document's ``$`` does not."""

    def __call__(self, value: str) -> str:
        if self.regex.fullmatch(value) is None:
            raise ValidationError(self._format_error(value))
        return value


_NO_NUL = FullPattern(NO_NUL_PATTERN, error="must not contain NUL characters")  # for what is stored in a text column


class StrictSchema(Schema):
    class Meta:
        unknown = RAISE


# ---- errors ---------------------------------------------------------------------------------

class ErrorSchema(StrictSchema):
    code = fields.String(required=True, **_describe("Stable machine-readable error code (e.g. `validation_error`, `text_too_long`)."))
    message = fields.String(required=True, **_describe("One human-readable line."))
    details = fields.Dict(
        keys=fields.String(), values=fields.List(fields.String()), required=True,
        **_describe("Messages per request field, by dotted path (`items.0.text`); `_schema` for the request as a whole; empty when the error is not about one field."),
    )
    request_id = fields.String(**_describe("Also in the `X-Request-ID` response header; quote it when reporting a problem."))


# ---- actor profiles ---------------------------------------------------------------------------

class ProfileActorSchema(StrictSchema):
    id = fields.String(required=True, validate=FullPattern(SLUG_PATTERN, error="must be a lowercase slug"), **_describe(
        "Lowercase slug. An id from the default gazetteer (`GET /v1/actors`) extends that actor."))
    name = fields.String(validate=validate.Length(1, MAX_NAME_LENGTH), **_describe(
        "Display name; required for new actors."))
    type = fields.String(validate=validate.OneOf(ACTOR_TYPES))
    aliases = fields.List(fields.String(validate=validate.Length(1, MAX_NAME_LENGTH)), validate=validate.Length(max=MAX_ALIASES_PER_ACTOR))
    state = fields.String(validate=FullPattern(SLUG_PATTERN, error="must be a lowercase slug"), **_describe(
        "Id of the gazetteer state this actor belongs to."))
    side = fields.String(validate=validate.Length(1, MAX_NAME_LENGTH))


class ProfileContentSchema(StrictSchema):
    actors = fields.List(fields.Nested(ProfileActorSchema), validate=validate.Length(max=MAX_PROFILE_ACTORS), load_default=list)
    # The keys must be ids of the profile's actors or the gazetteer's, which the document cannot
    # say (OpenAPI 3.0 has no propertyNames): the library refuses others as `invalid_profile`.
    sides = fields.Dict(
        keys=fields.String(), values=fields.String(validate=validate.Length(1, MAX_NAME_LENGTH)),
        load_default=dict, **_describe(
            "Actor id -> side name. A side given to a state carries to its organs and officials. "
            "An id that is neither the profile's nor the gazetteer's is refused as `invalid_profile` (422)."),
    )


class ActorProfileSchema(ProfileContentSchema):
    """An actor profile sent inline with an analysis."""

    name = fields.String(validate=validate.Length(1, 80))
    version = fields.String(validate=validate.Length(1, 40))


class ProfileRef(fields.Field):
    """A stored profile's name, or a whole profile inline."""

    def __init__(self, **kwargs):
        super().__init__(metadata={
            "oneOf": [
                {"type": "string", "pattern": SLUG_PATTERN, "description": "Name of a stored profile (`GET /v1/profiles`)."},
                {"$ref": "#/components/schemas/ActorProfile"},
            ],
            "description": "Actor profile: the name of a stored one, or one inline.",
        }, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str):
            FullPattern(SLUG_PATTERN, error="profile name must be a lowercase slug")(value)
            return value
        if isinstance(value, dict):
            return ActorProfileSchema().load(value)
        raise ValidationError("profile must be a stored profile's name or a profile object")


class ProfileBodySchema(ProfileContentSchema):
    """A stored profile, as sent to replace one (``PUT``)."""

    description = fields.String(validate=[validate.Length(max=2000), _NO_NUL])
    version = fields.String(validate=[validate.Length(1, 40), _NO_NUL], **_describe(
        "Your version label; reports name it. Without one, reports name the revision (`r3`)."))


class ProfileCreateSchema(ProfileBodySchema):
    name = fields.String(required=True, validate=FullPattern(SLUG_PATTERN, error="must be a lowercase slug"))


class ProfileSchema(StrictSchema):
    name = fields.String(required=True)
    description = fields.String(allow_none=True)
    version = fields.String(allow_none=True)
    revision = fields.Integer(required=True, **_describe("1 when created, +1 on every replacement."))
    actors = fields.List(fields.Nested(ProfileActorSchema), required=True)
    sides = fields.Dict(keys=fields.String(), values=fields.String(), required=True)
    created_at = fields.DateTime(required=True)
    updated_at = fields.DateTime(required=True)


class ProfileSummarySchema(StrictSchema):
    name = fields.String(required=True)
    description = fields.String(allow_none=True)
    version = fields.String(allow_none=True)
    revision = fields.Integer(required=True)
    actors = fields.Integer(required=True, **_describe("Number of actors the profile defines."))
    updated_at = fields.DateTime(required=True)


# ---- paging -----------------------------------------------------------------------------------

class PageQuerySchema(StrictSchema):
    page = fields.Integer(load_default=1, validate=validate.Range(1, MAX_PAGE))
    page_size = fields.Integer(load_default=50, validate=validate.Range(1, MAX_PAGE_SIZE))


class PageSchema(StrictSchema):
    total = fields.Integer(required=True, **_describe("Items matching the query, over all pages."))
    page = fields.Integer(required=True)
    page_size = fields.Integer(required=True)


class ProfileListSchema(PageSchema):
    profiles = fields.List(fields.Nested(ProfileSummarySchema), required=True)


# ---- lexicons and actors ----------------------------------------------------------------------

class LexiconSchema(StrictSchema):
    name = fields.String(required=True)
    version = fields.String(required=True)
    description = fields.String(required=True)
    entries = fields.Integer(required=True)
    file = fields.String(required=True, **_describe("The data file in the repository's `corpora/`."))
    documentation = fields.String(required=True, **_describe("Companion file describing method and sources."))
    sources = fields.String(required=True, **_describe("Where the file's ideas come from (its header's `sources:` line)."))
    columns = fields.List(fields.String(), required=True, **_describe("The file's columns, in order."))
    category_field = fields.String(required=True, **_describe("The column `?category=` filters on."))


class LexiconListSchema(StrictSchema):
    lexicons = fields.List(fields.Nested(LexiconSchema), required=True)


class LexiconQuerySchema(PageQuerySchema):
    category = fields.String(validate=validate.Length(1, 80), **_describe("Keep entries whose category column equals this."))


class LexiconEntriesSchema(PageSchema):
    name = fields.String(required=True)
    version = fields.String(required=True)
    category_field = fields.String(required=True)
    entries = fields.List(fields.Dict(keys=fields.String(), values=fields.String()), required=True, **_describe(
        "Rows of the data file, column name -> cell."))


class ActorQuerySchema(PageQuerySchema):
    q = fields.String(validate=validate.Length(1, 200), **_describe("Case-insensitive search in id, name, aliases, demonyms and metonyms."))
    type = fields.String(validate=validate.OneOf(ACTOR_TYPES))


class ActorSchema(StrictSchema):
    id = fields.String(required=True)
    name = fields.String(required=True)
    type = fields.String(required=True)
    state = fields.String(allow_none=True, required=True)
    aliases = fields.List(fields.String(), required=True)
    demonyms = fields.List(fields.String(), required=True)
    metonyms = fields.List(fields.String(), required=True)
    side = fields.String(required=True)


class ActorListSchema(PageSchema):
    actors = fields.List(fields.Nested(ActorSchema), required=True)


# ---- health -----------------------------------------------------------------------------------

class HealthSchema(StrictSchema):
    status = fields.String(required=True)


class CheckSchema(StrictSchema):
    ok = fields.Boolean(required=True)
    code = fields.String(allow_none=True, required=True, **_describe("Why the check failed, when it did."))


class ReadySchema(StrictSchema):
    status = fields.String(required=True, validate=validate.OneOf(["ready", "not_ready"]))
    checks = fields.Dict(keys=fields.String(), values=fields.Nested(CheckSchema), required=True)


# ---- analysis requests ------------------------------------------------------------------------

class Day(fields.Date):
    """A day as the document's format ``date`` writes it (``api.moments``)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str):
            raise ValidationError("give a day as YYYY-MM-DD")
        try:
            return parse_day(value)
        except NotRfc3339 as error:
            raise ValidationError(str(error)) from None


class Moment(fields.String):
    """``published_at`` as the document's formats ``date`` and ``date-time`` admit it
    (``api.moments``), kept as the caller wrote it."""

    def __init__(self, **kwargs):
        kwargs["metadata"] = {"anyOf": [{"format": "date"}, {"format": "date-time"}], **kwargs.get("metadata", {})}
        super().__init__(**kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        _moment(text)
        return text


def _moment(text: str) -> datetime | None:
    try:
        return parse_moment(text)
    except NotRfc3339 as error:
        raise ValidationError(str(error)) from None


class AnalyzeOptionsSchema(StrictSchema):
    offsets = fields.String(load_default="codepoint", validate=validate.OneOf(["codepoint", "utf16"]), **_describe(
        "Unit of every `start`/`end`: Python code points, or UTF-16 code units as JavaScript strings index."))
    sentences = fields.Boolean(load_default=True, **_describe("Include each paragraph's sentence list."))
    paragraph_text = fields.Boolean(load_default=True, **_describe("Include each paragraph's text (offsets still refer to the article)."))


class AnalyzeRequestSchema(StrictSchema):
    text = fields.String(**_describe(
        "The article's plain text. Give `text` or `html`, not both. Longer than FRAMING_MAX_TEXT_CHARS is 413 `text_too_long`."))
    html = fields.String(**_describe("The article page's HTML; its main text is extracted and analysed, and returned as `text`."))
    title = fields.String(allow_none=True, **_describe(
        "The headline, analysed and reported separately."), validate=validate.Length(max=MAX_TITLE_CHARS))
    outlet = fields.String(validate=validate.Length(1, 200))
    url = fields.String(validate=validate.Length(1, 2048))
    published_at = Moment(**_describe(
        "An RFC 3339 date (`2024-03-05`) or date-time with its offset (`2024-03-05T14:30:00Z`), copied into the report."))
    profile = ProfileRef()

    @validates_schema
    def _one_input(self, data, **_kwargs):
        if ("text" in data) == ("html" in data):
            raise ValidationError("give exactly one of 'text' or 'html'", "_schema")


# What _one_input checks, in the document's words: exactly one of text and html.
ONE_INPUT = {"oneOf": [{"required": ["text"]}, {"required": ["html"]}]}


class BatchRequestSchema(StrictSchema):
    items = fields.List(fields.Nested(AnalyzeRequestSchema), required=True, validate=validate.Length(min=1), **_describe(
        "The articles, at most FRAMING_MAX_BATCH_ITEMS. An item that does not match the document fails the whole batch "
        "(422, details by `items.<index>.<field>`); an item the analysis refuses gets its own error in its place."))


# ---- the report -------------------------------------------------------------------------------

class SpanSchema(StrictSchema):
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    text = fields.String(required=True, **_describe("Equals the analysed text sliced from `start` to `end`."))


class SentenceSchema(SpanSchema):
    index = fields.Integer(required=True)


class SourceSchema(SpanSchema):
    actor = fields.String(allow_none=True, required=True)
    actor_name = fields.String(allow_none=True, required=True)
    type = fields.String(required=True)
    anonymous = fields.Boolean(required=True)
    side = fields.String(required=True)
    resolved_from = fields.Nested(SpanSchema, allow_none=True, required=True, **_describe("The name a pronoun source was resolved to."))


class CueSchema(SpanSchema):
    lemma = fields.String(required=True)
    stance = fields.String(required=True, validate=validate.OneOf(("neutral", "distancing", "endorsing", "loaded")))
    act = fields.String(required=True, validate=validate.OneOf(("speech", "belief", "intention")), **_describe(
        "What is attributed: speech (counted in sourcing), a belief (believes, thinks) or an intention (wants, plans)."))
    in_lexicon = fields.Boolean(required=True, **_describe(
        "False for a word only the learned cue tagger reads as a cue (pattern `learned_cue`): reported, "
        "but not counted in sourcing."))


class AttributionSchema(StrictSchema):
    sentence = fields.Integer(required=True)
    pattern = fields.String(required=True)
    source = fields.Nested(SourceSchema, allow_none=True, required=True)
    cue = fields.Nested(CueSchema, required=True)
    content = fields.Nested(SpanSchema, allow_none=True, required=True)
    quote = fields.String(required=True)
    embedded = fields.Boolean(required=True)
    hedged = fields.Boolean(required=True)
    hedge_reasons = fields.List(fields.String(), required=True)


class SpeakerSchema(StrictSchema):
    text = fields.String(required=True)
    actor = fields.String(allow_none=True, required=True)
    actor_name = fields.String(allow_none=True, required=True)


class HedgeSchema(SpanSchema):
    term = fields.String(required=True)
    kind = fields.String(required=True)
    category = fields.String(required=True)
    voice = fields.String(required=True)
    speaker = fields.Nested(SpeakerSchema, allow_none=True, required=True)
    why = fields.String(required=True)


class LoadedTermSchema(SpanSchema):
    term = fields.String(required=True)
    category = fields.String(required=True)
    neutral_alternative = fields.String(allow_none=True, required=True)
    voice = fields.String(required=True)
    speaker = fields.Nested(SpeakerSchema, allow_none=True, required=True)
    target_actor = fields.String(allow_none=True, required=True)
    target_actor_name = fields.String(allow_none=True, required=True)
    why = fields.String(required=True)


class ScoreSchema(StrictSchema):
    compound = fields.Float(required=True)
    label = fields.String(required=True)


class MentionSchema(SpanSchema):
    actor = fields.String(required=True)
    actor_name = fields.String(required=True)
    actor_type = fields.String(allow_none=True, required=True)
    actor_kind = fields.String(allow_none=True, required=True, **_describe(
        "person, organization, group, state or media (the type, coarser)."))
    side = fields.String(required=True)
    via = fields.String(required=True, **_describe(
        "How this mention was tied to its actor: name, alias, metonym, demonym, title, surname, role, "
        "headline, group or coreference (docs/report.md)."))
    sentence = fields.Integer(required=True)
    sentiment = fields.Nested(ScoreSchema, required=True)


class ParagraphSentimentSchema(ScoreSchema):
    neg = fields.Float(required=True)
    neu = fields.Float(required=True)
    pos = fields.Float(required=True)


class ReadabilitySchema(StrictSchema):
    words = fields.Integer(required=True)
    sentences = fields.Integer(required=True)
    syllables = fields.Integer(required=True)
    flesch_reading_ease = fields.Float(allow_none=True, required=True)
    flesch_kincaid_grade = fields.Float(allow_none=True, required=True)


_COUNTS = (
    "attributions", "speech_attributions", "hedged_attributions", "direct_quotes", "anonymous_attributions", "hedges", "boosters",
    "hedges_authorial", "loaded_terms", "loaded_terms_authorial", "loaded_terms_quoted",
)
CountsSchema = StrictSchema.from_dict({name: fields.Integer(required=True) for name in _COUNTS}, name="CountsSchema")
RatesSchema = StrictSchema.from_dict({name: fields.Float(required=True) for name in _COUNTS}, name="RatesSchema")


class ParagraphSchema(StrictSchema):
    index = fields.Integer(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    kind = fields.String(required=True, **_describe("body, headline, heading, caption, credit or title."))
    text = fields.String(**_describe("Left out with `?paragraph_text=false`."))
    sentences = fields.List(fields.Nested(SentenceSchema), **_describe("Left out with `?sentences=false`."))
    attributions = fields.List(fields.Nested(AttributionSchema), required=True)
    hedges = fields.List(fields.Nested(HedgeSchema), required=True)
    loaded_terms = fields.List(fields.Nested(LoadedTermSchema), required=True)
    actor_mentions = fields.List(fields.Nested(MentionSchema), required=True)
    sentiment = fields.Nested(ParagraphSentimentSchema, allow_none=True, required=True)
    readability = fields.Nested(ReadabilitySchema, required=True)
    counts = fields.Nested(CountsSchema, required=True)
    rates_per_1000_words = fields.Nested(RatesSchema, required=True)
    words = fields.Integer(required=True)


class SourceEntrySchema(StrictSchema):
    key = fields.String(required=True)
    name = fields.String(required=True)
    actor = fields.String(allow_none=True, required=True)
    type = fields.String(required=True)
    side = fields.String(required=True)
    anonymous = fields.Boolean(required=True)
    citations = fields.Integer(required=True)
    words_attributed = fields.Integer(required=True)
    direct_quotes = fields.Integer(required=True)


class SideFiguresSchema(StrictSchema):
    citations = fields.Integer(required=True)
    words = fields.Integer(required=True)


class MissingVoiceSchema(StrictSchema):
    actor = fields.String(required=True)
    name = fields.String(required=True)
    side = fields.String(required=True)
    mentions = fields.Integer(required=True)
    via = fields.List(fields.String(), required=True)


class SourcingSchema(StrictSchema):
    sources = fields.List(fields.Nested(SourceEntrySchema), required=True)
    citations = fields.Integer(required=True)
    by_side = fields.Dict(keys=fields.String(), values=fields.Nested(SideFiguresSchema), required=True)
    by_type = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    anonymous_share = fields.Float(allow_none=True, required=True)
    direct_quote_share = fields.Float(allow_none=True, required=True)
    balance_index = fields.Float(allow_none=True, required=True, **_describe("Pielou's evenness of citations over sides, 0 to 1."))
    missing_voices = fields.List(fields.Nested(MissingVoiceSchema), required=True)


class LabelCountSchema(StrictSchema):
    label = fields.String(required=True)
    count = fields.Integer(required=True)


class AffiliationSchema(StrictSchema):
    actor = fields.String(required=True)
    name = fields.String(required=True)


class ActorSummarySchema(StrictSchema):
    actor = fields.String(required=True)
    name = fields.String(required=True)
    type = fields.String(allow_none=True, required=True)
    kind = fields.String(allow_none=True, required=True, **_describe("person, organization, group, state or media."))
    names = fields.List(fields.String(), required=True, **_describe("The proper names the article calls the actor by."))
    affiliation = fields.Nested(AffiliationSchema, allow_none=True, required=True, **_describe(
        "Whom the actor belongs to: a party, an organisation, a person (an administration), or its state."))
    side = fields.String(required=True)
    mentions = fields.Integer(required=True)
    mean_sentiment = fields.Float(allow_none=True, required=True)
    negative = fields.Integer(required=True)
    neutral = fields.Integer(required=True)
    positive = fields.Integer(required=True)
    cited_as_source = fields.Integer(required=True)
    labels = fields.List(fields.Nested(LabelCountSchema), required=True)


class DocumentSentimentSchema(StrictSchema):
    mean_paragraph_compound = fields.Float(required=True)
    label = fields.String(required=True)


class DocumentSchema(StrictSchema):
    words = fields.Integer(required=True)
    paragraphs = fields.Integer(required=True)
    body_paragraphs = fields.Integer(required=True)
    paragraph_kinds = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    counts = fields.Nested(CountsSchema, required=True)
    rates_per_1000_words = fields.Nested(RatesSchema, required=True)
    readability = fields.Nested(ReadabilitySchema, required=True)
    sentiment = fields.Nested(DocumentSentimentSchema, required=True)
    sourcing = fields.Nested(SourcingSchema, required=True)
    actors = fields.List(fields.Nested(ActorSummarySchema), required=True)


class ProfileNameSchema(StrictSchema):
    name = fields.String(allow_none=True, required=True)
    version = fields.String(allow_none=True, required=True)


class AnalyzerSchema(StrictSchema):
    name = fields.String(required=True)
    version = fields.String(required=True)
    corpora = fields.Dict(keys=fields.String(), values=fields.String(), required=True, **_describe("Version of every lexicon used."))
    sentiment_model = fields.String(required=True)
    profile = fields.Nested(ProfileNameSchema, allow_none=True, required=True)


class MetadataSchema(StrictSchema):
    outlet = fields.String()
    url = fields.String()
    published_at = fields.String()


class WarningSchema(StrictSchema):
    code = fields.String(required=True, validate=validate.OneOf(["markup_removed"]), **_describe(
        "`markup_removed`: stray tags and entities were taken out before analysis (docs/report.md)."))
    field = fields.String(required=True, validate=validate.OneOf(["text", "title"]))
    tags = fields.Integer(required=True)
    entities = fields.Integer(required=True)
    message = fields.String(required=True)


class ReportSchema(StrictSchema):
    offsets = fields.String(required=True, validate=validate.OneOf(["codepoint", "utf16"]), **_describe(
        "Unit of every `start`/`end` in this report."))
    text = fields.String(**_describe("The text extracted from `html`, which the offsets refer to (HTML requests only)."))
    analyzer = fields.Nested(AnalyzerSchema, required=True)
    metadata = fields.Nested(MetadataSchema, required=True)
    title = fields.Nested(ParagraphSchema, allow_none=True, required=True, **_describe("Offsets here refer to the title."))
    paragraphs = fields.List(fields.Nested(ParagraphSchema), required=True)
    document = fields.Nested(DocumentSchema, required=True)
    warnings = fields.List(fields.Nested(WarningSchema), **_describe(
        "What the analysis changed in the input before reading it; empty when nothing. Absent from reports stored before 0.3."))


class BatchResultSchema(StrictSchema):
    index = fields.Integer(required=True)
    ok = fields.Boolean(required=True)
    report = fields.Nested(ReportSchema, **_describe("Present when `ok`."))
    error = fields.Nested(ErrorSchema, **_describe("Present when not `ok`; its `code` is as for a single analysis."))


class BatchResponseSchema(StrictSchema):
    items = fields.List(fields.Nested(BatchResultSchema), required=True)
    succeeded = fields.Integer(required=True)
    failed = fields.Integer(required=True)


# ---- stored articles --------------------------------------------------------------------------

MAX_LIST_LIMIT = 500


def _name(maximum: int, **kwargs) -> fields.String:
    return fields.String(validate=[validate.Length(1, maximum), _NO_NUL], **kwargs)


class PublishedAt(Moment):
    """``published_at`` of a stored article: to the view as a UTC datetime, or None for the
    few moments RFC 3339 admits outside Python's years 1 to 9999 (the view refuses those)."""

    def _deserialize(self, value, attr, data, **kwargs):
        return _moment(super()._deserialize(value, attr, data, **kwargs))


class ArticleInSchema(StrictSchema):
    id = _name(400, **_describe(
        "Your own id for the article. The article's identity is this id, else its URL (normalised: no tracking "
        "parameters, fragment or trailing slash), else its text: sending it again stores nothing new."))
    outlet = _name(200, required=True)
    url = _name(2048)
    title = fields.String(allow_none=True, **_describe(
        "The headline, analysed and reported separately."), validate=validate.Length(max=MAX_TITLE_CHARS))
    published_at = PublishedAt(required=True, **_describe(
        "An RFC 3339 date (`2024-03-05`, taken as midnight UTC) or date-time with its offset (`2024-03-05T14:30:00Z`)."))
    text = fields.String(**_describe(
        "The article's plain text. Give `text` or `html`, not both. Longer than FRAMING_MAX_TEXT_CHARS is 413 `text_too_long`."))
    html = fields.String(validate=_NO_NUL, **_describe("The article page's HTML; its main text is extracted, stored and analysed."))

    @validates_schema
    def _one_input(self, data, **_kwargs):
        if ("text" in data) == ("html" in data):
            raise ValidationError("give exactly one of 'text' or 'html'", "_schema")


class ArticleStoredSchema(StrictSchema):
    id = fields.Integer(required=True, **_describe("The stored article's id (`GET /v1/articles/{id}`)."))
    key = fields.String(required=True, **_describe("What identifies the article: `id:...`, `url:...` or `sha256:...`."))
    revision = fields.Integer(required=True, **_describe("Number of the stored revision of its text, from 1."))
    status = fields.String(required=True, validate=validate.OneOf(["created", "revised", "updated", "unchanged"]), **_describe(
        "`created`: a new article; `revised`: its text or title changed, a new revision was stored; `updated`: same "
        "text, new outlet, URL or date; `unchanged`: stored already, nothing written."))
    report = fields.Nested(ReportSchema, required=True, **_describe("The current revision's report."))


class ArticleBatchResultSchema(StrictSchema):
    index = fields.Integer(required=True)
    ok = fields.Boolean(required=True)
    id = fields.Integer()
    key = fields.String()
    revision = fields.Integer()
    status = fields.String(validate=validate.OneOf(["created", "revised", "updated", "unchanged"]))
    report = fields.Nested(ReportSchema)
    error = fields.Nested(ErrorSchema, **_describe("Present when not `ok`."))


class ArticleBatchStoredSchema(StrictSchema):
    items = fields.List(fields.Nested(ArticleBatchResultSchema), required=True)
    succeeded = fields.Integer(required=True)
    failed = fields.Integer(required=True)


class NameList(fields.String):
    """``"a, b"`` in the query, ``["a", "b"]`` to the view. The text is checked here, and
    documented by hand, since marshmallow's validators would see the list."""

    _length = validate.Length(1, 2000)
    _pattern = FullPattern(NAME_LIST_PATTERN, error="give one or more names separated by commas")

    def __init__(self, **kwargs):
        kwargs["metadata"] = {"minLength": 1, "maxLength": 2000, "pattern": NAME_LIST_PATTERN, **kwargs.get("metadata", {})}
        super().__init__(**kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = self._pattern(self._length(super()._deserialize(value, attr, data, **kwargs)))
        return [name for name in (part.strip(NAME_LIST_BLANKS) for part in text.split(",")) if name]


class ArticleQuerySchema(StrictSchema):
    outlet = NameList(**_describe("One outlet, or several separated by commas."))
    from_ = Day(data_key="from", **_describe("Published on or after this day (UTC)."))
    to = Day(**_describe("Published on or before this day (UTC)."))
    actor = _name(200, **_describe("Mentions this actor (an id, as in `GET /v1/actors`)."))
    q = _name(200, **_describe(
        "Case-insensitive substring of the title or text (a plain `LIKE` match: no stemming or ranking)."))
    limit = fields.Integer(load_default=50, validate=validate.Range(1, MAX_LIST_LIMIT))
    cursor = _name(200, **_describe("`next_cursor` of the previous page."))
    total = fields.Boolean(load_default=False, **_describe(
        "Count every matching article into `total` (a scan of the matches: seconds on millions of articles)."))


class ArticleSummarySchema(StrictSchema):
    id = fields.Integer(required=True)
    key = fields.String(required=True)
    outlet = fields.String(required=True)
    url = fields.String(allow_none=True, required=True)
    title = fields.String(allow_none=True, required=True)
    published_at = fields.DateTime(required=True)
    revision = fields.Integer(required=True, **_describe("Number of the current revision."))
    analyzer_version = fields.String(required=True, **_describe("The analyzer that made the current report (see `GET /v1/metrics`)."))
    created_at = fields.DateTime(required=True)
    updated_at = fields.DateTime(required=True)


class ArticleListSchema(StrictSchema):
    items = fields.List(fields.Nested(ArticleSummarySchema), required=True, **_describe("Newest published first."))
    total = fields.Integer(required=True, allow_none=True, **_describe(
        "Articles matching the filters, over all pages, when asked for with `total=true`; else null."))
    next_cursor = fields.String(allow_none=True, required=True, **_describe("Pass as `cursor` for the next page; null on the last."))


class ArticleDetailSchema(ArticleSummarySchema):
    text = fields.String(required=True, **_describe("The current revision's text, which the report's offsets refer to."))
    report = fields.Nested(ReportSchema, required=True)


# ---- trends -----------------------------------------------------------------------------------

class TrendQuerySchema(StrictSchema):
    metric = fields.String(required=True, validate=validate.OneOf(list(METRICS)), **_describe("A metric from `GET /v1/metrics`."))
    actor = _name(200, **_describe("Required by the actor metrics (`needs_actor`)."))
    outlet = NameList(**_describe(
        "One outlet, or several separated by commas; all outlets when left out."))
    interval = fields.String(load_default="month", validate=validate.OneOf(["day", "week", "month"]), **_describe(
        "Period length; weeks start on Monday. Periods are named by their first day (UTC)."))
    from_ = Day(data_key="from", **_describe("First day included (UTC); after `to` is 422 `invalid_date_range`."))
    to = Day(**_describe("Last day included (UTC)."))
    analyzer_version = _name(40, **_describe(
        "Query reports of this analyzer version instead of the current one (`GET /v1/metrics` lists those stored)."))
    format = fields.String(validate=validate.OneOf(["json", "csv"]), **_describe(
        "`csv` for a CSV table (outlet, period, value, articles); also chosen by `Accept: text/csv`."))
    fill = fields.Boolean(load_default=False, **_describe(
        "Include periods without articles (`value` null, `articles` 0): every series, and every outlet asked for, "
        "runs over the same periods, from `from` (or the earliest period of any series) to `to` (or the latest), "
        "so lines and spreadsheet rows align. At most 5,000 periods per series (422 `too_many_periods`)."))


class TrendPointSchema(StrictSchema):
    period = fields.Date(required=True, **_describe("First day of the period."))
    value = fields.Float(allow_none=True, required=True, **_describe("Null when no article of the period defines the metric."))
    articles = fields.Integer(required=True, **_describe("Articles in the period (for actor metrics: articles mentioning the actor)."))


class TrendSeriesSchema(StrictSchema):
    outlet = fields.String(required=True)
    points = fields.List(fields.Nested(TrendPointSchema), required=True)


class TrendSchema(StrictSchema):
    metric = fields.String(required=True)
    interval = fields.String(required=True)
    analyzer_version = fields.String(required=True)
    actor = fields.String(allow_none=True, required=True)
    series = fields.List(fields.Nested(TrendSeriesSchema), required=True, **_describe("One per outlet with articles, by outlet name."))


class MetricInfoSchema(StrictSchema):
    name = fields.String(required=True)
    description = fields.String(required=True)
    table = fields.String(required=True, **_describe("The stored table the metric is computed from."))
    needs_actor = fields.Boolean(required=True, **_describe("Whether `GET /v1/trends` needs `actor=` for it."))


class AnalyzerVersionCountSchema(StrictSchema):
    analyzer_version = fields.String(required=True)
    articles = fields.Integer(required=True)


class MetricListSchema(StrictSchema):
    metrics = fields.List(fields.Nested(MetricInfoSchema), required=True)
    analyzer_version = fields.String(required=True, **_describe(
        "The current analyzer: `<code version>+<digest of lexicon versions, sentiment model and profile>`. Trends use it unless asked otherwise."))
    stored_versions = fields.List(fields.Nested(AnalyzerVersionCountSchema), required=True, **_describe(
        "Analyzer versions of the stored articles' current reports, with article counts."))


# ---- outlet comparison ------------------------------------------------------------------------

MAX_COMPARED_OUTLETS = 10
MAX_ID = 2**31 - 1


class _CompareOptions(StrictSchema):
    actor = _name(200, **_describe("Only articles mentioning this actor (an id, as in `GET /v1/actors`); actor figures are then about it alone."))
    analyzer_version = _name(40, **_describe(
        "Compare reports of this analyzer version instead of the current one (`GET /v1/metrics` lists those stored)."))
    limit = fields.Integer(load_default=10, validate=validate.Range(1, 50), **_describe(
        "Length of each list: sides, source types, terms, actors, labels per actor (at most 10) and distinctive words."))


class CompareQuerySchema(_CompareOptions):
    outlets = NameList(required=True, **_describe(
        "Two to ten different outlets, separated by commas (else 422 `outlet_count`: the document cannot count names)."))
    story = fields.Integer(validate=validate.Range(1, MAX_ID), **_describe("Only articles of this story (`GET /v1/stories`)."))
    from_ = Day(data_key="from", **_describe("Published on or after this day (UTC)."))
    to = Day(**_describe("Published on or before this day (UTC)."))


class StoryCompareQuerySchema(_CompareOptions):
    outlets = NameList(**_describe(
        "Compare these outlets only (at most ten different ones, else 422 `outlet_count`); every outlet of the story when left out."))


class ShareSchema(StrictSchema):
    name = fields.String(required=True, **_describe("The side or source type."))
    citations = fields.Integer(required=True)
    share = fields.Float(allow_none=True, required=True, **_describe("Of the outlet's citations."))
    words = fields.Integer(required=True, **_describe("Words attributed to these sources."))


class TermUseSchema(StrictSchema):
    term = fields.String(required=True)
    category = fields.String(required=True)
    authorial = fields.Integer(required=True, **_describe("Uses in the writer's own voice."))
    quoted = fields.Integer(required=True, **_describe("Uses inside quotations."))
    articles = fields.Integer(required=True, **_describe("Articles using it."))


class LabelUseSchema(StrictSchema):
    label = fields.String(required=True)
    count = fields.Integer(required=True)


class ActorCoverageSchema(StrictSchema):
    actor = fields.String(required=True)
    name = fields.String(allow_none=True, required=True)
    articles = fields.Integer(required=True, **_describe("Articles mentioning the actor."))
    mentions = fields.Integer(required=True)
    sentiment = fields.Float(allow_none=True, required=True, **_describe("Toward the actor, -1 to 1: mean over every mention."))
    negative = fields.Integer(required=True, **_describe("Mentions in a negative context."))
    neutral = fields.Integer(required=True)
    positive = fields.Integer(required=True)
    cited = fields.Integer(required=True, **_describe("Times cited as a source."))
    labels = fields.List(fields.Nested(LabelUseSchema), required=True, **_describe("What the outlet calls the actor, most used first."))


class DistinctiveWordSchema(StrictSchema):
    word = fields.String(required=True)
    count = fields.Integer(required=True, **_describe("Uses in the outlet's sampled articles."))
    log_odds = fields.Float(required=True, **_describe("The outlet's log-odds of the word minus the other outlets', with the prior."))
    z = fields.Float(required=True, **_describe("log_odds over its standard error; above 1.96 is the usual reading of a reliable difference."))


class OutletComparisonSchema(StrictSchema):
    outlet = fields.String(required=True)
    articles = fields.Integer(required=True)
    words = fields.Integer(required=True)
    attributions = fields.Integer(required=True)
    hedged_attribution_rate = fields.Float(allow_none=True, required=True, **_describe("Hedged attributions / attributions, pooled over the articles."))
    citations = fields.Integer(required=True)
    anonymous_share = fields.Float(allow_none=True, required=True, **_describe("Anonymous citations / citations, pooled."))
    loaded_terms_authorial = fields.Integer(required=True)
    loaded_terms_quoted = fields.Integer(required=True)
    loaded_authorial_per_1000 = fields.Float(allow_none=True, required=True, **_describe("Loaded terms in the writer's own voice per 1,000 words, pooled."))
    loaded_quoted_per_1000 = fields.Float(allow_none=True, required=True, **_describe("Loaded terms inside quotations per 1,000 words, pooled."))
    sources_by_side = fields.List(fields.Nested(ShareSchema), required=True, **_describe("Most cited first."))
    sources_by_type = fields.List(fields.Nested(ShareSchema), required=True, **_describe("Most cited first."))
    top_terms = fields.List(fields.Nested(TermUseSchema), required=True, **_describe("Loaded terms, most used first."))
    actors = fields.List(fields.Nested(ActorCoverageSchema), required=True, **_describe(
        "The actors the compared outlets mention most, together (or the `actor` asked for), in that order; those this outlet never mentions are left out."))
    distinctive_words = fields.List(fields.Nested(DistinctiveWordSchema), required=True, **_describe(
        "Words most characteristic of this outlet against the other compared outlets: weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), highest z first, z > 0 only."))
    word_documents = fields.Integer(required=True, **_describe("Articles whose texts the words were counted in (a fixed spread sample when there are more)."))


class WordMethodSchema(StrictSchema):
    alpha0 = fields.Float(required=True, **_describe("Total pseudo-count of the prior, spread over words by their frequency in all compared texts."))
    min_df = fields.Integer(required=True, **_describe("Words in fewer articles than this are not counted."))
    max_documents = fields.Integer(required=True, **_describe("Largest sample of articles read per outlet."))


class ComparisonSchema(StrictSchema):
    analyzer_version = fields.String(required=True)
    actor = fields.String(allow_none=True, required=True)
    story = fields.Integer(allow_none=True, required=True)
    from_ = fields.Date(data_key="from", allow_none=True, required=True)
    to = fields.Date(allow_none=True, required=True)
    outlets = fields.List(fields.Nested(OutletComparisonSchema), required=True, **_describe("In the order asked for."))
    words = fields.Nested(WordMethodSchema, required=True, **_describe("How `distinctive_words` were computed."))


# ---- stories ----------------------------------------------------------------------------------

class StoryQuerySchema(PageQuerySchema):
    outlet = NameList(**_describe("Stories covered by one of these outlets (separated by commas)."))
    from_ = Day(data_key="from", **_describe("Stories with an article published on or after this day (UTC)."))
    to = Day(**_describe("Stories with an article published on or before this day (UTC)."))
    min_outlets = fields.Integer(load_default=1, validate=validate.Range(1, 1000), **_describe("Stories covered by at least this many outlets."))


class StoryArticleSchema(StrictSchema):
    id = fields.Integer(required=True, **_describe("The article (`GET /v1/articles/{id}`)."))
    outlet = fields.String(required=True)
    title = fields.String(allow_none=True, required=True)
    published_at = fields.DateTime(required=True)
    similarity = fields.Float(required=True, **_describe("Cosine similarity to the story's centroid when it was built."))


class StorySchema(StrictSchema):
    id = fields.Integer(required=True)
    title = fields.String(allow_none=True, required=True, **_describe("Headline of the article closest to the story's centroid."))
    terms = fields.List(fields.String(), required=True, **_describe("The heaviest words of the story's centroid."))
    first_published_at = fields.DateTime(required=True)
    last_published_at = fields.DateTime(required=True)
    outlets = fields.List(fields.String(), required=True)
    articles = fields.List(fields.Nested(StoryArticleSchema), required=True, **_describe("Oldest first."))
    built_at = fields.DateTime(required=True, **_describe("When `framing stories build` found it; later articles are in no story until the next build."))


class StoryListSchema(PageSchema):
    stories = fields.List(fields.Nested(StorySchema), required=True, **_describe("Latest first, by their last article."))


class StoryComparisonSchema(StrictSchema):
    story = fields.Nested(StorySchema, required=True)
    comparison = fields.Nested(ComparisonSchema, required=True)


# ---- jobs (framing.jobs) ------------------------------------------------------------------------

JOB_KINDS = ("analyze", "ingest")


class JobRequestSchema(StrictSchema):
    kind = fields.String(required=True, validate=validate.OneOf(JOB_KINDS), **_describe(
        "`analyze`: each item is an analysis request as for `POST /v1/analyze` (with `text`), the reports are kept "
        "with the job; `ingest`: each item is an article as for `POST /v1/articles` (with `text`), analysed and stored."))
    # Any JSON value is an item the document allows: one that is no analysis request or
    # article (null included) is a failed item of the job, never a refused request.
    items = fields.List(fields.Raw(allow_none=True), required=True, validate=validate.Length(min=1), **_describe(
        "Any number of items, within FRAMING_MAX_BODY_BYTES. Each is validated on its own: an invalid one is recorded "
        "as failed with its error, and the others go on. Items give `text`; HTML is not taken here (use `POST /v1/articles`)."))


class JobCountsSchema(StrictSchema):
    total = fields.Integer(required=True)
    done = fields.Integer(required=True)
    failed = fields.Integer(required=True)
    cancelled = fields.Integer(required=True)
    left = fields.Integer(required=True, **_describe("Neither done, failed nor cancelled yet."))


class JobFailureSchema(StrictSchema):
    position = fields.Integer(required=True, **_describe("0-based index of the item in the request (or record in the file)."))
    where = fields.String(required=True, **_describe("`item 3`, or `line 12` of an ingested file."))
    key = fields.String(allow_none=True, required=True)
    error = fields.Nested(ErrorSchema, required=True)


class JobSchema(StrictSchema):
    id = fields.String(required=True)
    kind = fields.String(required=True)
    state = fields.String(required=True, validate=validate.OneOf(["running", "done", "cancelled"]))
    created_at = fields.DateTime(required=True)
    finished_at = fields.DateTime(allow_none=True, required=True)
    counts = fields.Nested(JobCountsSchema, required=True)
    failures = fields.List(fields.Nested(JobFailureSchema), required=True, **_describe(
        "The first failed items, in order (at most 100; `GET /v1/jobs/{id}/results` has them all)."))
    results = fields.String(required=True, **_describe(
        "Where the outcomes are: `/v1/jobs/{id}/results`, item by item (ingest: the stored article's id; analyze: the report)."))


class JobResultsQuerySchema(StrictSchema):
    after = fields.Integer(load_default=-1, validate=validate.Range(-1, MAX_ID), **_describe("`next_after` of the previous page."))
    limit = fields.Integer(load_default=50, validate=validate.Range(1, MAX_LIST_LIMIT))


class JobResultSchema(StrictSchema):
    position = fields.Integer(required=True)
    where = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(["pending", "done", "failed", "cancelled"]))
    key = fields.String(allow_none=True, required=True, **_describe("The article's key (ingest) or the SHA-256 of the item (analyze)."))
    outcome = fields.String(allow_none=True, required=True, **_describe(
        "Ingest: `created`, `revised`, `updated` or `unchanged`, as for `POST /v1/articles`; analyze: `analysed`."))
    article_id = fields.Integer(allow_none=True, required=True, **_describe("Ingest: the stored article (`GET /v1/articles/{id}`)."))
    report = fields.Nested(ReportSchema, allow_none=True, required=True, **_describe("Analyze: the report (code-point offsets)."))
    error = fields.Nested(ErrorSchema, allow_none=True, required=True)


class JobResultsSchema(StrictSchema):
    items = fields.List(fields.Nested(JobResultSchema), required=True)
    next_after = fields.Integer(allow_none=True, required=True, **_describe("Pass as `after` for the next page; null on the last."))
