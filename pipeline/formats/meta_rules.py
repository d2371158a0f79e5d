"""Where a web page states its headline, authors and dates: rules as data for `html_meta`.

Editing them is a new version of the `read` stage (`pipeline/versions.py` digests this module).
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.clean.rules import ROLE_WORDS, WRITTEN_DATE

# Between a headline and the site's name (or section, or byline) in `<title>` and `og:title`:
# "Talks in Brussels | The Daily Example", "Home - Example News - Talks in Brussels".
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " * ", " / ")

# The sources of a headline, in the order that decides between texts equally agreed on: the
# headline a reader sees, the one the publisher declares for search engines, the sharing title
# (`og:title`, and `twitter:title`, mostly its copy: one source), then the browser tab's.
TITLE_SOURCES = ("h1", "json-ld", "social", "title")
SOCIAL_TITLE_META = ("og:title", "twitter:title")
LONE_H1_WORDS = 3  # a shorter <h1> that no other source confirms may be a logo or a menu
H1_MAX = 4  # the first <h1> elements only: later ones head teasers and widgets

# schema.org types of the object that describes the article itself.
ARTICLE_TYPES = frozenset(
    {
        *("Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle"),
        *("OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle"),
        *("AskPublicNewsArticle", "SatiricalArticle", "ScholarlyArticle", "TechArticle"),
        *("BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting"),
        *("Report", "Review", "Recipe", "HowTo"),
    }
)
# Types of a page as a whole: a second choice when no object describes the article.
PAGE_TYPES = frozenset({"WebPage", "ItemPage", "AboutPage", "CollectionPage", "MediaObject"})
# Authors of these types are organisations (a publisher, an agency), never a person.
ORGANIZATION_TYPES = frozenset(
    {
        *("Organization", "NewsMediaOrganization", "Corporation", "EducationalOrganization"),
        *("GovernmentOrganization", "LocalBusiness", "NGO", "WebSite", "Brand"),
    }
)

# <meta> names (`name` or `property`, compared in lower case), each list in order of
# trust. A publication date in the page's own metadata; a revision date kept apart.
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article.published",
    "parsely-pub-date",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "citation_publication_date",
    "date",
)
MODIFIED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "article.updated",
    "dcterms.modified",
    "last-modified",
)
# The families of sources that state a publication date, in the order that breaks a tie. Each
# family votes once, with its first plausible date; the date most families state wins, so one
# family's slip (a `<meta>` stamped at the last save, a related article's microdata) is outvoted.
DATE_SOURCES = ("json-ld", "meta", "itemprop", "time", "label")
LAST_RESORT_DATE_SOURCES = frozenset({"label"})  # read only when the families before state none
# A published date outside these bounds is a placeholder ("0001-01-01", the Unix epoch, "2099"):
# news sites began after 1995 (htmldate's lower bound too), and nothing is published tomorrow.
EARLIEST_PUBLISHED = date(1995, 1, 1)
LATEST_PUBLISHED_DAYS_AHEAD = 1  # a timestamp in a time zone ahead of the reader's
# <time datetime> elements marked as the publication's or a revision's.
PUBLISHED_TIME_XPATH = (
    "//time[@datetime][@pubdate or contains(translate(@class,'PUBLISHED','published'),"
    "'publish') or contains(translate(@class,'POSTED','posted'),'posted')]"
)
MODIFIED_TIME_XPATH = (
    "//time[@datetime][contains(translate(@class,'UPDATED','updated'),'updated') or "
    "contains(translate(@class,'MODIFIED','modified'),'modified')]"
)
# A publication date the page shows under a label, as an element's own text begins:
# "Written: 2023-11-07 15:03", "Posted on March 5, 2024", "Publié le 5 mars 2024".
LABELLED_DATE = re.compile(
    r"\s*(?:published|posted|written|first published|date|veröffentlicht|pubblicato|publié|"
    rf"publicado)(?:\s+(?:on|am|il|le|el))?\s*:?\s*(?P<date>{WRITTEN_DATE})",
    re.IGNORECASE,
)
LABELLED_DATE_CHARS = 120  # the start of an element's text, where a label stands
AUTHOR_META = (
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "byl",
)
# A job title after a name with no comma between them ("Jane Roe Senior Reporter").
ROLE_TITLE_TAIL = re.compile(
    r"\s+(?:(?:senior|chief|deputy|associate|assistant|executive|managing|contributing|special|"
    rf"staff|political|business|sports?|digital|freelance|guest)\s+)*(?:{ROLE_WORDS})s?\Z",
    re.IGNORECASE,
)
SITE_META = ("og:site_name", "application-name", "publisher", "twitter:site")

# Elements that hold a byline on most sites: rel/itemprop author, class or id *author*/*byline*,
# or a link to the writer's page; not inside the readers' comments, whose authors they also name.
AUTHOR_XPATH = (
    "//*[(@rel='author' or contains(@itemprop,'author') or contains(translate(@class,"
    "'AUTHORBYLINE','authorbyline'),'author') or contains(translate(@class,'BYLINE','byline'),"
    "'byline') or contains(translate(@id,'AUTHOR','author'),'author') or (self::a and ("
    "contains(@href,'/author/') or contains(@href,'/authors/') or contains(@href,'/reporters/')"
    " or contains(@href,'/newsteam/') or contains(@href,'/profil')))) and not(ancestor-or-self::"
    "*[contains(translate(@class,'COMMENT','comment'),'comment')])]"
)
# Inside the readers' comments: a name found only there is a commenter's, not the writer's
# (trafilatura's author may come from a comment's header: "Art Edwards says:").
IN_COMMENTS = (
    "ancestor::*[contains(translate(@class,'COMMENT','comment'),'comment') or "
    "contains(translate(@id,'COMMENT','comment'),'comment')]"
)
# A given name alone ("Todd", a CMS's display name) is completed by the full name the page
# shows as a whole element's text ("Todd Bates"): at most this many words.
FULL_NAME_WORDS = 3
AUTHOR_TEXT_MAX = 120  # a byline naming four people and their team
# What such elements hold beside names: labels, not user names.
AUTHOR_LABELS = frozenset(
    {"author", "authors", "by", "posted", "written", "admin", "staff", "editor"}
)
# Where a copyright line stands: the footer, a *copyright* element, a paragraph, a leaf div.
COPYRIGHT_XPATH = (
    "//footer|//*[contains(translate(@class,'COPYRIGHT','copyright'),'copyright')]|//p|"
    "//div[not(*)]"
)
COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:\d{4}\s*(?:[-–]\s*(?:\d{4})?)?\s*)?"
    r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})\s*(?:[.,|]|all rights|$)",
    re.IGNORECASE,
)
