"""Every table's pyarrow schema and column docs: the single source.

Writers (`store`), Dagster column metadata (`assets`), the table reference (docs/tables.md) and the
contract tests all derive from the `TABLES` registry below, so a column is described once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from pipeline.rows import (
    ArticleMentionRow,
    ArticleQuoteRow,
    BoilerplateKind,
    BoilerplateRow,
    Change,
    DateRow,
    DocumentRow,
    EntityLabel,
    EntityRow,
    FigureConflictRow,
    FigureKind,
    FigureRow,
    FileRow,
    FileStatus,
    Granularity,
    MentionRow,
    PublisherRow,
    Qualifier,
    QuoteKind,
    QuoteRow,
    RejectedRow,
    RejectStage,
    ReuseRow,
    Row,
    SignatureRow,
    StoryRow,
    values_of,
)

TIMESTAMP = pa.timestamp("us", tz="UTC")


def col(name: str, type_: pa.DataType, doc: str, *, nullable: bool = False) -> pa.Field:
    """A field that carries its description in the Parquet schema metadata."""
    return pa.field(name, type_, nullable=nullable, metadata={"description": doc})


def one_of(closed: object) -> str:
    """A closed set of values as the docs write it: "`a`, `b` or `c`"."""
    names = [f"`{v}`" for v in values_of(closed)]
    return f"{', '.join(names[:-1])} or {names[-1]}"


@dataclass(frozen=True)
class TableSpec:
    """A warehouse table: its schema, the column that identifies an input's rows, and its doc.

    `key` is the column whose values name the rows a changed input owns: when an input changes,
    every row whose `key` belongs to it is replaced.
    """

    name: str
    doc: str
    schema: pa.Schema
    key: str
    row: type[Row]  # the typed record of one row (`pipeline/rows.py`)
    scope: str = "article"  # "article": written per batch; "corpus": recomputed whole

    def column_doc(self, column: str) -> str:
        meta: dict[bytes, bytes] = self.schema.field(column).metadata or {}
        return meta.get(b"description", b"").decode()

    def empty(self) -> pa.Table:
        return self.schema.empty_table()

    def columns_schema(self, columns: list[str] | None = None) -> pa.Schema:
        """The schema of `columns` (all of them when None), in that order."""
        if columns is None:
            return self.schema
        return pa.schema([self.schema.field(c) for c in columns])


DOCUMENTS = TableSpec(
    name="documents",
    row=DocumentRow,
    doc="One row per article: its metadata and its body with boilerplate removed.",
    key="doc_id",
    schema=pa.schema(
        [
            col(
                "doc_id", pa.string(), "Stable id of the article's content (hash of its raw bytes)."
            ),
            col("source_path", pa.string(), "Path of the raw file, relative to PIPELINE_RAW_DIR."),
            col(
                "source_format",
                pa.string(),
                "`txt`, `html`, `json` or `feed` (RSS/Atom), detected from the content.",
            ),
            col(
                "url",
                pa.string(),
                "The article's address: a JSON record's `url` (or `link`), a feed item's link, "
                "an HTML page's canonical or `og:url`; null when its input names none.",
                nullable=True,
            ),
            col(
                "source_id",
                pa.string(),
                "The id its source gives it: a JSON record's `id` (Media Cloud's `stories_id`), a "
                "feed item's `guid` or Atom `id`; else its `url`; null when neither is known. "
                "Finds the record in the export a multi-article file came from.",
                nullable=True,
            ),
            col(
                "publisher",
                pa.string(),
                "Publisher: the input's own field (JSON, feed title, page's site name), else what "
                "the text says (masthead, dateline), else its folder's `_source.toml`; null when "
                "none says.",
                nullable=True,
            ),
            col(
                "language",
                pa.string(),
                "ISO 639-1 code of the body's language (`en`), detected from its first 2,000 "
                "characters (fastText lid.176); when the body is too short or the detector "
                "unsure, the language its source declares (a JSON `language` field, a feed's or "
                "page's language, its folder's `_source.toml`) as ISO 639-1 (`en-GB` -> `en`); "
                "null when neither tells. An article in another language than the spaCy model's "
                "is kept here but not analysed: no mentions, figures, quotes, dates or signature.",
                nullable=True,
            ),
            col("title", pa.string(), "The headline.", nullable=True),
            col("standfirst", pa.string(), "Summary line under the headline.", nullable=True),
            col("subheadings", pa.list_(pa.string()), "Headings inside the body, in order."),
            col("authors", pa.list_(pa.string()), "People named in the byline."),
            col(
                "published",
                pa.date32(),
                "Publication date: the input's own field, else a dateline in the text, else the "
                "default date of its folder's `_source.toml`; null when none states one.",
                nullable=True,
            ),
            col(
                "updated",
                pa.date32(),
                "Date of the latest revision when the input or the text states one apart from "
                'publication (`dateModified`, an "Updated" line); null otherwise.',
                nullable=True,
            ),
            col("body", pa.string(), "The article text, NFC-normalised, boilerplate removed."),
            col(
                "n_words",
                pa.int32(),
                "Words in `body` (spaCy tokens that are not punctuation; for an article not in "
                "the model's language, not parsed, its whitespace-separated words).",
            ),
            col(
                "story_id",
                pa.string(),
                "Articles that report the same story share it; an article not analysed (not in "
                "the model's language) is its own story: its `doc_id`.",
            ),
            col("ingested_at", TIMESTAMP, "When this version was processed."),
        ]
    ),
)

BOILERPLATE = TableSpec(
    name="boilerplate",
    row=BoilerplateRow,
    doc=(
        "One row per piece of the raw text removed as boilerplate, with the rule that removed it. "
        "The headline and standfirst are not here: they moved to `documents.title` and "
        "`documents.standfirst`."
    ),
    key="doc_id",
    schema=pa.schema(
        [
            col("doc_id", pa.string(), "The article the piece was removed from."),
            col(
                "kind",
                pa.string(),
                f"{one_of(BoilerplateKind)}.",
            ),
            col("text", pa.string(), "Exactly what was removed (one line of the raw text)."),
            col("rule", pa.string(), "The rule that removed it (see `pipeline/clean/rules.py`)."),
            col("seq", pa.int32(), "Order of the piece within the article's raw text."),
        ]
    ),
)

REJECTED = TableSpec(
    name="rejected",
    row=RejectedRow,
    doc="One row per input that could not be processed, with a message a person can act on.",
    key="source_path",
    schema=pa.schema(
        [
            col("source_path", pa.string(), "Path of the raw file, relative to PIPELINE_RAW_DIR."),
            col(
                "stage",
                pa.string(),
                f"Where it failed: {one_of(RejectStage)} (`clean`: nothing was left after "
                "cleaning; `nlp`: the model could not parse the article; `extract`: an extractor "
                "failed on it).",
            ),
            col("error", pa.string(), "What is wrong and what to do about it."),
            col("seen_at", TIMESTAMP, "When the file was looked at."),
        ]
    ),
)

FILES = TableSpec(
    name="files",
    row=FileRow,
    doc=(
        "One row per raw file seen: the manifest that decides what is new. A file whose path, "
        "size and bytes are unchanged is skipped without any NLP."
    ),
    key="source_path",
    schema=pa.schema(
        [
            col("source_path", pa.string(), "Path of the raw file, relative to PIPELINE_RAW_DIR."),
            col("content_hash", pa.string(), "SHA-256 of the file's bytes."),
            col("size_bytes", pa.int64(), "Size of the file."),
            col(
                "changed_ns",
                pa.int64(),
                "Latest of the modification and status-change times (ns) when read; a new value "
                "makes the next scan hash the file again.",
            ),
            col(
                "status",
                pa.string(),
                f"{one_of(FileStatus)} (`partial`: some of its articles were rejected).",
            ),
            col(
                "retry_key",
                pa.string(),
                "For a file rejected in whole or part: the fingerprints of the stages that "
                "rejected it (`pipeline/versions.py`). When one changes (a raised size limit, new "
                "rules, another model), or the file is touched, it is read again.",
                nullable=True,
            ),
            col(
                "versions",
                pa.string(),
                "The fingerprints of the article stages (`read`, `clean`, `model`, each "
                "analysis) that made the file's rows, `stage=fingerprint;...` "
                "(`pipeline/versions.py`). When one differs from the installed pipeline's, "
                "`make run` processes the file again; null for rows written before versions "
                "were recorded.",
                nullable=True,
            ),
            col(
                "declared",
                pa.string(),
                "Digest of the `_source.toml` files that declared metadata for it when it was "
                "read (`pipeline/declared.py`); when it differs from the folder's now, the file "
                "is processed again. Null when none applied.",
                nullable=True,
            ),
            col("doc_ids", pa.list_(pa.string()), "Articles read from the file."),
            col("batch", pa.string(), "The ingest batch (Dagster partition) that last read it."),
            col("seen_at", TIMESTAMP, "When the file was read."),
        ]
    ),
)

PUBLISHERS = TableSpec(
    name="publishers",
    row=PublisherRow,
    doc="One row per publisher across the corpus: how much it published, when, by whom, and how "
    "much boilerplate its pages carried.",
    key="publisher",
    scope="corpus",
    schema=pa.schema(
        [
            col(
                "publisher",
                pa.string(),
                "The publisher; null for articles that name none.",
                nullable=True,
            ),
            col("n_docs", pa.int32(), "Articles."),
            col("n_words", pa.int64(), "Words in their bodies."),
            col("first_published", pa.date32(), "Earliest stated publication date.", nullable=True),
            col("last_published", pa.date32(), "Latest stated publication date.", nullable=True),
            col("authors", pa.list_(pa.string()), "Every author named, sorted."),
            col("boilerplate_removed", pa.int32(), "Boilerplate pieces removed from its articles."),
        ]
    ),
)

_SPAN = (
    col("doc_id", pa.string(), "The article."),
    col("start", pa.int32(), "Offset of the first character in `documents.body`."),
    col("end", pa.int32(), "Offset after the last character (`body[start:end] == text`)."),
)

FIGURES = TableSpec(
    name="figures",
    row=FigureRow,
    doc=(
        "One row per number that states an amount: money, percentages, counts, measures and "
        "ordinals, with what is counted. Dates, times, years, phone numbers, addresses and "
        "numbers inside names are not figures. A range is one row: `value` is its low end and "
        "`value_high` its high end."
    ),
    key="doc_id",
    schema=pa.schema(
        [
            *_SPAN,
            col(
                "text",
                pa.string(),
                "The figure's surface with its qualifier and object (`at least 18 people`).",
            ),
            col(
                "value",
                pa.float64(),
                "The number, scaled (`£4.5 billion` is 4500000000, `nine` is 9); a range's low "
                "end.",
            ),
            col(
                "value_high",
                pa.float64(),
                "A range's high end (`between 10 and 20` is 10 to 20); null otherwise.",
                nullable=True,
            ),
            col(
                "kind",
                pa.string(),
                f"{one_of(FigureKind)}.",
            ),
            col(
                "unit",
                pa.string(),
                "ISO 4217 code for money (`GBP`); singular unit name otherwise (`mile`, `day`, "
                "`percent`, `percentage point`).",
                nullable=True,
            ),
            col(
                "per",
                pa.string(),
                "The unit of a rate's denominator, singular (`barrel` of `$58 per barrel`, "
                "`share` of `12 cents a share`); null when the figure is no rate.",
                nullable=True,
            ),
            col(
                "object",
                pa.string(),
                "What is counted or measured (`people`, `air defence missiles`).",
                nullable=True,
            ),
            col(
                "qualifier",
                pa.string(),
                f"{one_of(Qualifier)}.",
            ),
            col(
                "event",
                pa.string(),
                "For counts of people: `killed`, `injured`, `arrested`, `displaced`, "
                "`missing`, `kidnapped`, ...",
                nullable=True,
            ),
            col(
                "change",
                pa.string(),
                f"{one_of(Change)} when the sentence says the amount is a rise or a fall (`rose "
                "5%`, `cut by £2bn`; in `fell 0.4% to 13176` the 0.4 is `down`, the 13176 a "
                "level); null otherwise.",
                nullable=True,
            ),
            col(
                "sentence",
                pa.string(),
                "The sentence that holds it (of a sentence over 2,000 characters, the 2,000 "
                "around the figure).",
            ),
        ]
    ),
)

ARTICLE_MENTIONS = TableSpec(
    name="article_mentions",
    row=ArticleMentionRow,
    doc=(
        "One row per entity mention as its article alone resolves it, before resolution across "
        "articles: the input of `mentions` and `entities`. Use `mentions` for analysis."
    ),
    key="doc_id",
    schema=pa.schema(
        [
            *_SPAN,
            col("text", pa.string(), "The name as it stands, without title or possessive."),
            col("label", pa.string(), "spaCy's label, corrected within the article."),
            col(
                "title",
                pa.string(),
                "Title or honorific before the name (`Mr`, `Defence Secretary`).",
                nullable=True,
            ),
            col(
                "name",
                pa.string(),
                "The fullest name the article uses for it (`Healey` -> `John Healey`).",
            ),
        ]
    ),
)

MENTIONS = TableSpec(
    name="mentions",
    row=MentionRow,
    doc=(
        "One row per entity mention in a body, linked to its entity across the corpus. Written "
        "one file per ingest batch; a recomputation rewrites only the files that change."
    ),
    key="doc_id",
    scope="corpus",
    schema=pa.schema(
        [
            *_SPAN,
            col("text", pa.string(), "The name as it stands, without title or possessive."),
            col(
                "label",
                pa.string(),
                f"{one_of(EntityLabel)}: the entity's label, one per name across the corpus.",
            ),
            col("entity_id", pa.string(), "The canonical entity (see `entities`)."),
            col(
                "title",
                pa.string(),
                "Title or honorific before the name (`Mr`, `Defence Secretary`).",
                nullable=True,
            ),
        ]
    ),
)

ENTITIES = TableSpec(
    name="entities",
    row=EntityRow,
    doc="One row per canonical entity across the corpus: a person, place, organisation, ...",
    key="entity_id",
    scope="corpus",
    schema=pa.schema(
        [
            col(
                "entity_id",
                pa.string(),
                "Stable: given once (a hash of the name it was first known by) and kept when its "
                "canonical name or label changes; a merge keeps the older id.",
            ),
            col("name", pa.string(), "Canonical name, the fullest correct form."),
            col(
                "label",
                pa.string(),
                "The label most of its settled mentions carry (each name's first 50, in feed "
                "order).",
            ),
            col(
                "aliases",
                pa.list_(pa.string()),
                "The forms its mentions wrote: their texts, and an honorific with the text it "
                "stood right before (`Healey`, `Mr Healey`), sorted; a name no mention wrote is "
                "not one.",
            ),
            col("n_docs", pa.int32(), "Articles that mention it."),
            col("n_mentions", pa.int32(), "Mentions of it."),
            col(
                "country",
                pa.string(),
                "Places (GPE, LOC): ISO 3166-1 alpha-2 code of the country the place is in or is "
                "(none for a continent), from the offline gazetteer; null when not a known place.",
                nullable=True,
            ),
            col(
                "latitude",
                pa.float64(),
                "Places: the gazetteer's latitude (a country's is its capital's).",
                nullable=True,
            ),
            col("longitude", pa.float64(), "Places: the gazetteer's longitude.", nullable=True),
            col(
                "geonames_id",
                pa.int64(),
                "Places: the GeoNames id (null for subdivisions, which come from ISO 3166-2).",
                nullable=True,
            ),
        ]
    ),
)

_QUOTE_COLUMNS = (
    *_SPAN,
    col(
        "text",
        pa.string(),
        "The quoted words, without the outer quote marks (of `reported` speech, what was said).",
    ),
)
_QUOTE_KIND = col(
    "kind",
    pa.string(),
    f"{one_of(QuoteKind)} (`statement`: someone's words in quotation marks; `phrase`: a "
    "quoted term or scare quote; `reported`: speech reported without quotation marks, `X said "
    "that ...`, `according to X, ...`).",
)

_SPEAKER_TEXT = col(
    "speaker_text",
    pa.string(),
    "The words of this article that name the speaker (`the spokeswoman`, `she`, `Mr Healey`), "
    "so a reader can check `speaker`.",
    nullable=True,
)

_CONTINUES = col(
    "continues",
    pa.int32(),
    "Where the quotation this row continues starts (its `start`), when a quotation is split "
    "around its cue (`“We will,” he said, “win.”`: the row of `win.` continues the row of "
    "`We will,`); the parts are one statement, with one speaker, cue and `quote_id`.",
    nullable=True,
)

ARTICLE_QUOTES = TableSpec(
    name="article_quotes",
    row=ArticleQuoteRow,
    doc=(
        "One row per quotation as its article alone attributes it, before speakers are linked "
        "to entities: the input of `quotes`. Use `quotes` for analysis."
    ),
    key="doc_id",
    schema=pa.schema(
        [
            *_QUOTE_COLUMNS,
            col("speaker", pa.string(), "The speaker's name in the article.", nullable=True),
            _SPEAKER_TEXT,
            col("cue", pa.string(), "The reporting verb.", nullable=True),
            _QUOTE_KIND,
            _CONTINUES,
        ]
    ),
)

QUOTES = TableSpec(
    name="quotes",
    row=QuoteRow,
    doc=(
        "One row per quotation or reported speech, with its speaker linked to `entities` and an "
        "id shared "
        "by every article that carries the same words. A quotation that runs over paragraphs "
        "is one row (its `text` holds the paragraph breaks and reopening marks). Written one "
        "file per ingest batch."
    ),
    key="doc_id",
    scope="corpus",
    schema=pa.schema(
        [
            *_QUOTE_COLUMNS,
            col(
                "speaker",
                pa.string(),
                "Canonical name of who said it, when the article says.",
                nullable=True,
            ),
            _SPEAKER_TEXT,
            col("entity_id", pa.string(), "The speaker's entity.", nullable=True),
            col(
                "cue",
                pa.string(),
                "The reporting verb (`said`, `told`, `is expected to say`).",
                nullable=True,
            ),
            _QUOTE_KIND,
            _CONTINUES,
            col(
                "quote_id",
                pa.string(),
                "Shared by every article that carries the same quotation (or part of it).",
            ),
        ]
    ),
)

DATES = TableSpec(
    name="dates",
    row=DateRow,
    doc=(
        "One row per date or time expression in a body, resolved to the calendar: relative "
        "ones ('Thursday', 'next week', 'tomorrow') against the article's `published` date, "
        "left unresolved (null value, kept) when it has none."
    ),
    key="doc_id",
    schema=pa.schema(
        [
            *_SPAN,
            col("text", pa.string(), "The expression as written."),
            col(
                "value",
                pa.date32(),
                "The resolved day (the first day of a range or a coarser period).",
                nullable=True,
            ),
            col(
                "value_end",
                pa.date32(),
                "The last day, for ranges, weeks, months, years.",
                nullable=True,
            ),
            col(
                "granularity",
                pa.string(),
                f"{one_of(Granularity)}.",
            ),
        ]
    ),
)

SIGNATURES = TableSpec(
    name="signatures",
    row=SignatureRow,
    doc=(
        "One row per article: what same-story assignment compares (a MinHash of its word "
        "shingles, its entity names, its date) and the story it joined. Kept so a new article "
        "is compared with every known one without reading their bodies."
    ),
    key="doc_id",
    schema=pa.schema(
        [
            col("doc_id", pa.string(), "The article."),
            col("minhash", pa.binary(), "MinHash of its word 5-shingles (64 uint32 values)."),
            col("entities", pa.list_(pa.string()), "Its entity names, folded."),
            col("published", pa.date32(), "Publication date, when stated.", nullable=True),
            col("story_id", pa.string(), "The story it joined (`documents.story_id`)."),
        ]
    ),
)

STORIES = TableSpec(
    name="stories",
    row=StoryRow,
    doc="One row per story: articles that report the same story share `documents.story_id`.",
    key="story_id",
    scope="corpus",
    schema=pa.schema(
        [
            col("story_id", pa.string(), "The id of the story's first article."),
            col("n_docs", pa.int32(), "Articles in the story."),
            col("first_published", pa.date32(), "Earliest publication date.", nullable=True),
            col("headline", pa.string(), "A representative headline: the earliest article's."),
            col(
                "top_entities",
                pa.list_(pa.string()),
                "Canonical names of the most mentioned entities (up to 5).",
            ),
            col(
                "doc_ids",
                pa.list_(pa.string()),
                "The story's articles, sorted (a story whose list is unchanged keeps its "
                "`reuse` and `figure_conflicts` rows on the next run).",
            ),
        ]
    ),
)

REUSE = TableSpec(
    name="reuse",
    row=ReuseRow,
    doc=(
        "One row per ordered pair of articles in one story that share text: how much of "
        "`doc_id` stands (verbatim or nearly) in `source_doc_id`. In a story of more than 50 "
        "articles (`stories/reuse.py` `MAX_SOURCES`), the sources are its 50 earliest."
    ),
    key="doc_id",
    scope="corpus",
    schema=pa.schema(
        [
            col("doc_id", pa.string(), "The article that repeats text."),
            col("source_doc_id", pa.string(), "The article the text also stands in."),
            col(
                "shared_share",
                pa.float64(),
                "Share of `doc_id`'s sentences found (80% of their word trigrams) in the source.",
            ),
            col(
                "likely_source",
                pa.bool_(),
                "The source is the likely origin: published earlier, or holding more of the "
                "other's text.",
            ),
            col("story_id", pa.string(), "The story both belong to."),
        ]
    ),
)

FIGURE_CONFLICTS = TableSpec(
    name="figure_conflicts",
    row=FigureConflictRow,
    doc=(
        "One row per pair of figures about the same thing in one story (same event and object) "
        "whose values disagree beyond rounding and what their qualifiers allow. In a story of "
        "more than 50 articles, one of the pair comes from its 50 earliest."
    ),
    key="story_id",
    scope="corpus",
    schema=pa.schema(
        [
            col("story_id", pa.string(), "The story."),
            col("about", pa.string(), "What both count (`people killed`, `children killed`)."),
            col("doc_id_a", pa.string(), "One side's article."),
            col("start_a", pa.int32(), "Its figure's offset in that body."),
            col("value_a", pa.float64(), "Its value."),
            col("text_a", pa.string(), "Its surface."),
            col("sentence_a", pa.string(), "Its sentence."),
            col("doc_id_b", pa.string(), "The other side's article (may be the same)."),
            col("start_b", pa.int32(), "Its figure's offset."),
            col("value_b", pa.float64(), "Its value."),
            col("text_b", pa.string(), "Its surface."),
            col("sentence_b", pa.string(), "Its sentence."),
        ]
    ),
)

# The tables the article multi-asset writes in one atomic commit per batch.
ARTICLE_TABLES: tuple[TableSpec, ...] = (
    DOCUMENTS,
    BOILERPLATE,
    REJECTED,
    FILES,
    ARTICLE_MENTIONS,
    FIGURES,
    ARTICLE_QUOTES,
    DATES,
    SIGNATURES,
)

# Every table, article tables first, then the corpus tables recomputed from them.
TABLES: dict[str, TableSpec] = {
    t.name: t
    for t in (
        *ARTICLE_TABLES,
        PUBLISHERS,
        MENTIONS,
        ENTITIES,
        QUOTES,
        STORIES,
        REUSE,
        FIGURE_CONFLICTS,
    )
}


# The tables the corpus job recomputes from the article tables.
CORPUS_TABLES: tuple[TableSpec, ...] = tuple(t for t in TABLES.values() if t.scope == "corpus")


def arrow_type_name(type_: pa.DataType) -> str:
    """The short type name used in docs and Dagster column schemas."""
    if pa.types.is_list(type_):
        return f"list<{arrow_type_name(type_.value_type)}>"
    if pa.types.is_timestamp(type_):
        return f"timestamp[{type_.unit}, {type_.tz}]" if type_.tz else f"timestamp[{type_.unit}]"
    if pa.types.is_date32(type_):
        return "date"
    return str(type_)


def markdown_reference(specs: tuple[TableSpec, ...] | None = None) -> str:
    """The table reference (docs/tables.md), generated from the schemas."""
    parts: list[str] = []
    for spec in specs or tuple(TABLES.values()):
        parts.append(f"#### `{spec.name}`\n\n{spec.doc}\n")
        parts.append("| column | type | null | meaning |\n| --- | --- | --- | --- |")
        for field in spec.schema:
            null = "yes" if field.nullable else ""
            doc = spec.column_doc(field.name)
            parts.append(f"| {field.name} | {arrow_type_name(field.type)} | {null} | {doc} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def conform(spec: TableSpec, rows: Sequence[Row] | Sequence[Mapping[str, Any]]) -> pa.Table:
    """A table of exactly `spec.schema` from its typed records (or from mappings that name
    every column and nothing else): a misspelt, missing or foreign column is an error here,
    never a silent null or a dropped value."""
    if not rows:
        return spec.empty()
    names = spec.schema.names
    if all(isinstance(r, spec.row) for r in rows):
        columns = {n: [getattr(r, n) for r in rows] for n in names}
    else:
        wanted = set(names)
        for r in rows:
            if not isinstance(r, Mapping):
                raise TypeError(f"{spec.name} takes {spec.row.__name__} records, not {type(r)}")
            if set(r) != wanted:
                missing, unknown = sorted(wanted - set(r)), sorted(set(r) - wanted)
                raise ValueError(
                    f"{spec.name} row: missing columns {missing}, unknown columns {unknown}"
                )
        columns = {n: [r[n] for r in rows] for n in names}  # type: ignore[index]
    return pa.Table.from_pydict(columns, schema=spec.schema)
