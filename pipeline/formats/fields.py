"""The field names a JSON article's text and metadata go by: rules as data.

`FIELDS` lists, for each value the pipeline keeps, the names a record may give it, tried in
order (the first present, non-empty one wins); one table serves every shape, so a file of any
of them, or of a mix, is read without configuration. `EXPORTS` names the common news exports
and the fields each uses; a test proves `FIELDS` covers them, docs/cleaning.md lists them and
`tests/exports/` holds a fixture of each.
"""

from __future__ import annotations

from dataclasses import dataclass

FIELDS: dict[str, tuple[str, ...]] = {
    "text": (
        "text",
        "body",
        "content",
        "maintext",
        "article",
        "article_text",
        "full_text",
        "story_text",
    ),
    "title": ("title", "headline", "title_page", "title_rss"),
    "authors": ("authors", "author", "byline", "creator"),
    "published": (
        "published",
        "publishing_date",
        "date_published",
        "published_at",
        "publish_date",
        "date_publish",
        "pubdate",
        "date",
        "seendate",
    ),
    # A later revision's date, kept apart from `published` (documents.updated).
    "updated": (
        "updated",
        "date_modified",
        "datemodified",
        "dateModified",
        "modified",
        "updated_at",
        "last_modified",
        "date_updated",
        "date_modify",
    ),
    # A name before an address: Media Cloud gives both `media_name` and `media_url`.
    "publisher": (
        "publisher",
        "source",
        "site_name",
        "sitename",
        "source_name",
        "outlet",
        "media_name",
        "media_url",
        "source_domain",
        "domain",
    ),
    "url": ("url", "link", "canonical_url", "article_url"),
    # Media Cloud's API v2 gives `stories_id` and the feed's `guid`: its own id first.
    "source_id": ("id", "stories_id", "article_id", "guid"),
    "language": ("language", "lang"),
}


@dataclass(frozen=True)
class Export:
    """A common export of news articles as JSON, and the fields it gives each value."""

    name: str
    shape: str  # which product and call writes it
    fields: dict[str, tuple[str, ...]]
    note: str = ""


EXPORTS: tuple[Export, ...] = (
    Export(
        "Media Cloud",
        "search API v4 story lists (`story_list`; `story` adds `text`), API v2 stories",
        {
            "source_id": ("id", "stories_id"),
            "url": ("url",),
            "title": ("title",),
            "published": ("publish_date",),
            "publisher": ("media_name", "media_url"),
            "language": ("language",),
            "text": ("text", "story_text"),
        },
    ),
    Export(
        "GDELT",
        "DOC 2.0 API article list (`mode=ArtList&format=json`), one article per line",
        {
            "url": ("url",),
            "title": ("title",),
            "published": ("seendate",),
            "publisher": ("domain",),
            "language": ("language",),
        },
        note=(
            "GDELT gives no text and no id: a record is read once a `text` field holds the "
            "article (fetched from its `url`); its `url` is its `source_id`"
        ),
    ),
    Export(
        "news-please",
        "news-please's JSON output (`NewsArticle.get_serializable_dict`)",
        {
            "url": ("url",),
            "title": ("title", "title_page", "title_rss"),
            "text": ("maintext", "text"),
            "authors": ("authors",),
            "published": ("date_publish",),
            "publisher": ("source_domain",),
            "language": ("language",),
        },
        note="no id: its `url` is its `source_id`",
    ),
    Export(
        "Common Crawl news",
        "CC-NEWS as the `cc_news` dataset gives it (extracted with news-please)",
        {
            "url": ("url",),
            "title": ("title",),
            "text": ("text",),
            "published": ("date",),
            "publisher": ("domain",),
        },
        note="no id: its `url` is its `source_id`",
    ),
)
