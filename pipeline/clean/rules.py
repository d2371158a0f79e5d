"""Boilerplate rules as named data: what a whole line looks like when it is not the article.

Each rule names the `kind` of boilerplate it removes (the contract's `boilerplate.kind`), where
it applies, and examples that must and must not match; `tests/test_clean_rules.py` checks every
example, so a rule's intent is written down beside it. Patterns match a whole line, ignoring case.

`where`: `any` (anywhere in the text) or `header` (above the article's first paragraph).
A "Published" label with no date left (the page rendered the date with a script) belongs to the
byline block it stood in; a line that carries a date is a dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lexicon.calendar import MONTH_PATTERN, WEEKDAY_PATTERN
from pipeline.lexicon.media import (
    AGENCIES,
    CAPTION_CONTROLS,
    LINK_LIST_HEADINGS,
    PICTURE_POSITIONS,
    PICTURE_WORDS,
)
from pipeline.rows import BoilerplateKind

# What a photo credit says before the name it credits ("Photo:", "Image credit:", "Picture by",
# "Photographer:", "Composite:", "Bildquelle:").
CREDIT_LABEL = (
    r"(?:photo(?:graph(?:er)?)?|image|picture|pic|illustration|composite|cr[eé]dit|foto|"
    r"bild(?:quelle)?|fotografia)"
    r"(?:\s+(?:credit|source|courtesy|photo))?"
)
# A name as a credit writes it: two to four capitalised words ("Jane Roe", "Nicky J Sims").
CREDITED_NAME = r"(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})"
# Whom a credit names after the slash, outside brackets: an agency ("Jane Roe/AP Photo") or a
# picture agency by its name ("Jane Roe/Example Images").
CREDITED_ORG = (
    rf"(?:{AGENCIES})(?:\s+\w+)?|(?-i:(?:[A-Z][\w&'’.-]*\s+){{1,3}}(?:Images|Photos?|Pictures))"
)
# A publication a photographer shoots for ("The New York Times", "Example Post"): capitalised
# words to the line's end.
PUBLICATION = r"(?-i:(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of\s+)?[A-Z][\w&'’.-]*){0,4})"
# Picture libraries whose name alone credits a photo.
STOCK_LIBRARIES = (
    r"getty images|shutterstock|alamy(?: stock photo)?|istock(?:photo)?|imago(?: images)?"
)
# An agency's credit without brackets: "AP Photo", "AP Photo/Jane Roe", "REUTERS/Jane Roe, File",
# or a picture library's with its contributor's handle: "Shutterstock/janeroe".
AGENCY_CREDIT = (
    rf"(?:{AGENCIES})(?:\s+(?:photo|images|pictures))?\s*/\s*{CREDITED_NAME}(?:,\s*file)?|"
    rf"(?:{AGENCIES})\s+(?:photo|images|pictures)|(?:{STOCK_LIBRARIES})\s*/\s*@?[\w.-]{{3,40}}"
)
# A newsroom that credits its own picture before a colon: "ABC News: Jane Roe".
NEWSROOM = r"(?-i:(?:[A-Z][\w&'’.-]*\s+){1,3}News)"


def _credit_in(opening: str, closing: str) -> str:
    """A credit between `opening` and `closing` brackets (see `CREDIT_TAIL`)."""
    o, c = re.escape(opening), re.escape(closing)
    inside = rf"[^{o}{c}]"
    return (
        rf"{o}(?:{CREDIT_LABEL}\s*(?::|\s+by\b|\s+via\b)\s*{inside}{{1,120}}|"
        rf"(?:©|copyright\b:?|courtesy\b)\s*{inside}{{1,120}}|"
        rf"(?:{CREDIT_LABEL}\s*:?\s*)?(?:{inside}{{0,60}}/\s*)?(?:{AGENCIES})"
        rf"(?:\s+(?:photo|images|pictures)(?:\s*(?:via|/|:)?\s*{inside}{{1,40}})?|"
        rf"\s*(?:via|/|:)\s*{inside}{{1,40}})?|"
        rf"{NEWSROOM}\s*:\s*{inside}{{1,60}}|"
        rf"{CREDITED_NAME}\s*/\s*{inside}{{2,60}}){c}"
    )


# A credit in brackets at the end of a caption: "(PA)", "(Andrew Matthews/PA)", "(AP Photo/Jane
# Roe)", "(Photo: Jane Roe)", "(Picture by Jane Roe)", "(Jane Roe/The Example Post)", "(© X)",
# "(Courtesy of Jane Roe)", "(Reuters: Jane Roe)", "(ABC News: Jane Roe)"; or in square brackets,
# as some sites print it: "[Jane Roe/Reuters]", "[Getty Images]".
CREDIT_TAIL = rf"(?:{_credit_in('(', ')')}|{_credit_in('[', ']')})"
# Whom a credit names in a list: capitalised words, "of" and "the" between them ("Maine State
# Police", "Los Angeles County Sheriff's Department").
CREDITED_BODY = r"(?-i:[A-Z][\w&'’.-]*(?:\s+(?:(?:of|the|and|for)\s+)?[A-Z][\w&'’.-]*){0,6})"
# A picture's credits side by side, by position, each naming someone: "L: Random House / R: Simon
# & Schuster", "Top: Jane Roe/AP; bottom: John Doe/Reuters".
POSITION_LABEL = r"(?:left|right|top|bottom|above|below|inset|main|l|r)"
POSITION_CREDIT = (
    rf"(?:{POSITION_LABEL})\s*:\s*(?-i:(?=[A-Z©@]))[^:;/|]{{2,60}}"
    rf"(?:/[^:;/|]{{2,40}}(?=\s*[;|]|\Z))?"
)
# A label's stop that some pages print instead of a colon ("Credit...Jane Roe").
ELLIPSIS = r"\.{2,3}|…"
# What a credit names after its label: no sentence in it, but initials ("U.S. Navy") may stop.
CREDIT_TEXT = r"(?:(?-i:(?<=\b[A-Z]))\.\s|(?![.!?]\s)[^:|]){2,80}"
# A credit after its caption's last sentence, without brackets: "Photo: Jane Roe/Reuters",
# "Picture by Jane Roe", "Image: United States Navy.", "Copyright Jane Roe/AP". Its label is
# capitalised.
LABELED_CREDIT = (
    rf"(?:(?-i:(?=[A-Z])){CREDIT_LABEL}\s*(?::|,|{ELLIPSIS}|\s+(?:by|via)\s+(?-i:(?=[A-Z@])))|"
    rf"(?-i:Copyright|COPYRIGHT)\s*:?|©)\s*{CREDIT_TEXT}(?:\s\|\s*{CREDITED_NAME})?"
)
# A caption widget's buttons after the credit ("more >", "hide caption").
CONTROLS_AFTER = rf"(?:\s+(?:{CAPTION_CONTROLS}))?"
# An agency's notice in capitals after a handout's credit ("THIS IMAGE HAS BEEN SUPPLIED BY A
# THIRD PARTY. NO RESALES.").
AGENCY_NOTICE = r"(?-i:\s+[A-Z][A-Z0-9 .,;'’-]{10,300})"
WRITTEN_DATE = (
    rf"(?:{WEEKDAY_PATTERN},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN}\.?,?\s+\d{{4}}|"
    rf"{MONTH_PATTERN}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
)
TIME = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?|\d{1,2}\s*[ap]\.?m\.?)"
# Share and print buttons in German, Italian, French and Spanish.
SHARE_WORDS = r"teilen|drucken|mailen|pin it|condividi|stampa|partager|imprimer|compartir|imprimir"
# "Published on" and "last modified" in German, Italian, French and Spanish.
FOREIGN_DATE_LABELS = (
    r"veröffentlicht|aktualisiert|zuletzt aktualisiert|pubblicato|aggiornato|ultima modifica|"
    r"publié|mis à jour|publicado|actualizado"
)
FOREIGN_DATE = (
    r"(?:\d{1,2}\.?\s+[^\W\d_]{3,10}\.?\s+\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})"
    r"(?:,?\s+(?:um\s+|alle\s+|à\s+)?\d{1,2}[:.]\d{2})?"
)
FOREIGN_DATED = rf"(?:{FOREIGN_DATE_LABELS})(?:\s+(?:il|am|le|el|den))?\s*:?\s*{FOREIGN_DATE}"
ROLE_WORDS = (
    r"editor|correspondent|reporter|writer|journalist|columnist|contributor|producer|"
    r"analyst|critic|presenter|staff|desk|bureau chief|news team"
)


@dataclass(frozen=True)
class LineRule:
    """A whole-line pattern that marks a line as one kind of boilerplate."""

    name: str
    kind: BoilerplateKind
    pattern: str
    where: str = "any"
    max_words: int = 40  # longer lines are prose, whatever they contain
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()
    # Words one of which every matching line holds (lower case): a long-line rule's pattern
    # runs only on lines that pass this cheap test, so it costs the articles nothing.
    needs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(rf"(?:{self.pattern})\Z", re.IGNORECASE))

    def matches(self, line: str) -> bool:
        line = line.strip().rstrip(":|•·›»>").rstrip()  # "Share this article:" is a label too
        if not line or len(line.split()) > self.max_words:
            return False
        if self.needs and not any(word in line.lower() for word in self.needs):
            return False
        return self.regex.match(line) is not None  # type: ignore[attr-defined]


LINE_RULES: tuple[LineRule, ...] = (
    LineRule(
        "credit_line",
        "photo_credit",
        rf"\(?(?:{CREDIT_LABEL}|image source)(?:\s*(?:[:,]|{ELLIPSIS})\s*|\s+(?:by|courtesy of)\s+|"
        r"\s+(?:via|copyright)\s+(?-i:(?=[A-Z@])))"
        r".{1,120}|"
        r"\(©[^()]{2,60}\)|©(?!\s*\d)(?!.*rights reserved)[^©|/]{2,60}/\s*\S.{0,40}",
        max_words=20,
        examples=(
            "Image source, Getty Images",
            "Photo: Reuters",
            "Picture: Andrew Matthews/PA",
            "Credit: Alamy",
            "Photograph by Jane Roe for The Example",
            "Foto: Jana Beispiel",
            "(Credit: Jane Roe / Example Wire)",
            "Image: United States Navy.",
            "© Jane Roe/WENN",
            "(© Jane Roe)",
            "Photo courtesy of the Example Museum",
            "Credit...Jane Roe for The Example Times",
            "Photographer: Jane Roe/Bloomberg",
            "Composite: Example Design",
            "Image via Example Commons",
            "Image copyright Reuters",
        ),
        counterexamples=(
            "Photographs of the meeting were released on Friday by officials.",
            "Images via satellite show the damage.",
            "Image copyright law is changing, the minister said.",
            "© 2025 Example News Ltd. All rights reserved.",
            "© Example News Ltd | Terms of use",
            "©2024 Example/Radio. All rights reserved.",
            "Photos: the week in pictures",
        ),
    ),
    LineRule(
        "agency_credit_line",
        "photo_credit",
        rf"(?!by\s)(?:{CREDITED_NAME}\s*/\s*)?(?:via\s+)?(?:{AGENCY_CREDIT})|"
        rf"(?!by\s){CREDITED_NAME}\s*/\s*(?:via\s+)?(?:{AGENCIES})"
        rf"(?:\s*/\s*(?:{AGENCIES}|{STOCK_LIBRARIES}|gettyimages))*(?:\s+via\s+.{{2,40}})?|"
        rf"(?:{STOCK_LIBRARIES})",
        max_words=12,
        examples=(
            "Getty Images",
            "Noah Berger / AP",
            "AP Photo/Jane Roe",
            "REUTERS/Jane Roe",
            "Jane Roe/AFP via Getty Images",
            "Shutterstock/Jane Roe",
            "JANE ROE/AFP/Getty Images",
        ),
        counterexamples=(
            "Reuters",
            "By Jane Roe/Reuters",
            "Twitter",
            "Follow us on Twitter/Facebook",
        ),
    ),
    LineRule(
        "caption_with_credit",
        "caption",
        # look for the closing bracket at the line's end first
        rf"(?=.*[)\]]{CONTROLS_AFTER}\Z).{{3,600}}?\s*{CREDIT_TAIL}{CONTROLS_AFTER}",
        max_words=90,  # a caption may tell the whole scene before its credit
        examples=(
            "Defence Secretary John Healey (PA)",
            "Chief of the Defence Staff Admiral Sir Tony Radakin (Andrew Matthews/PA)",
            "Firefighters at the scene on Monday (Getty Images)",
            "The minister arrives in Kyiv (Photo: Reuters)",
            "Rescuers search the rubble in the old town. (AP Photo/Jane Roe)",
            "The mayor opens the new bridge. (Jane Roe/The Example Post)",
            "A nurse at work in the ward (Picture by Jane Roe)",
            "A student at her desk (janeroe/iStock)",
            "The old harbour at dusk. (Copyright: The Example Archive, University of Example)",
            "The twins on their first day at school (Courtesy of the Roe family)",
            "Rep. Jane Roe, left, talks with John Doe. (AP Photo/Jane Roe) more >",
            "A volunteer at the food bank in March. (Jane Roe/Example Radio) hide caption",
            "Protesters fill the square in the capital [Jane Roe/Reuters]",
            "The flooded village from the air. [Getty Images]",
            "Firefighters at the scene of the blaze (ABC News: Jane Roe)",
            "The damaged bridge on Monday. (Reuters: Jane Roe)",
            "vergrößern (Bildquelle: example.at/Jana Beispiel)",
            "Jane Roe wins her heat in the Olympic Stadium. (AP PhotoJohn Doe)",
        ),
        counterexamples=(
            "He said the PA was wrong (not the minister).",
            "Speeds were recorded in both units (km/h).",
            "Voters chose between the two parties (Labour/Conservative).",
            "The ministers met at the summit [in Brussels].",
            "Terrace Martin ft. Jane Roe – “Living Life” [LISTEN/DOWNLOAD]",
            "The court ruled against him (see Example News: the ruling).",
        ),
    ),
    LineRule(
        "bracketed_credit_line",
        "photo_credit",
        CREDIT_TAIL,
        max_words=20,
        examples=(
            "(Jane Roe/Associated Press)",
            "(Copyright: Example Images)",
            "(@janeroe/Twitter)",
            "[Getty Images]",
        ),
        counterexamples=("(see below)", "(Updated)", "(Labour/Conservative)"),
    ),
    LineRule(
        "caption_with_credit_list",
        "caption",
        rf"(?!by\s).{{3,600}}?[.!?…\"”’]\s*\({CREDITED_BODY}(?:\s*;\s*{CREDITED_BODY})+\)"
        rf"{CONTROLS_AFTER}",
        max_words=90,
        examples=(
            "Jane Roe, left, and John Doe were both arrested on Sunday. (Example State Police; "
            "Los Angeles County Sheriff's Department)",
            "The two candidates on the campaign trail. (Jane Roe; John Doe)",
        ),
        counterexamples=(
            "Turnout was high in both cities (Leeds; Bradford).",
            "The vote was close. (Updated: the count ended; results follow)",
        ),
    ),
    LineRule(
        "caption_with_position_credits",
        "caption",
        rf"(?!by\s).{{3,600}}?(?:[.!?…\"”’)\]]\s*|\s+[|–—-]\s+)(?-i:(?=[A-Z])){POSITION_CREDIT}"
        rf"(?:\s*[;/|,]\s*{POSITION_CREDIT})+",
        max_words=90,
        examples=(
            "“I doubt he has read a book straight through.” L: Example House / R: Simon & Schuster",
            "The two leaders at the summit. Left: Jane Roe/AP; right: John Doe/Reuters",
            "The old and the new station. Top: Example Archive | bottom: Jane Roe",
        ),
        counterexamples=(
            "Turn right: the road ends at the river, and then left: the bridge is closed.",
            "The score was level. Left: 2 goals, right: 3 goals",
        ),
    ),
    LineRule(
        "truncated_caption",
        "caption",
        r".{3,300}?(?:\.{3}|…)\s*(?:view full (?:size|caption)|(?:click to )?enlarge(?: this)?"
        r"(?: image| photo)?|(?:hide|show|toggle) caption)",
        max_words=60,
        examples=(
            "Jane Roe arrives at the fifth annual... View Full Size",
            "FILE - In this undated file photo provided by… View Full Caption",
        ),
        counterexamples=("The show went on and on... and then it ended, to our relief.",),
    ),
    LineRule(
        "caption_with_credit_label",
        "caption",
        rf"(?!by\s)(?=.*(?-i:(?=[A-Z]))(?:{CREDIT_LABEL}|copyright)|.*©)"
        rf".{{3,600}}?(?:(?:[.!?…\"”’)\]]|\s[|–—-])\s*{LABELED_CREDIT}|"
        rf"(?:\s|(?-i:(?<=[a-z])))(?-i:(?=[A-Z])){CREDIT_LABEL}\s*(?::|{ELLIPSIS})\s*"
        rf"(?:{CREDIT_LABEL}\s*:\s*)?"
        rf"{CREDIT_TEXT})",
        max_words=90,
        examples=(
            "One robot used as much energy as 3 plants produce in an hour.Photograph: Getty Images",
            "Ministers arrive in Brussels. Photo: Jane Roe/Reuters",
            "The USS Example at sea in 2010. Image: United States Navy.",
            "A destroyer in port. Image: U.S. Navy.",
            "The minister leaves the talks, said the aide. Photo by Jane Roe/Bloomberg",
            "A police officer on patrol - Copyright Jane Roe/AP",
            "Fewer rents, more to live on! Bild: Photo by Jane Roe on Unsplash",
            "Jane Roe cheering at the final in QatarCredit: PA",
            "A fitter was jailed over the boiler Credit: Photo: PA",
            "The hall before the vote. Image source, Getty Images",
            "The senator leaves the Capitol.Credit...Jane Roe for The Example Times",
            "Demonstranten vor dem Landtag. Foto: picture alliance/dpa | Jana Beispiel",
            "Le maire devant la mairie. Crédit photo : Jean Exemple",
        ),
        counterexamples=(
            "The photo: a symbol of the war, said the curator, who wept.",
            "A photo taken by the AP shows the damage. Photos of it spread fast.",
            "Reuters reported that the photo was taken by a resident. Image rights are unclear.",
            "By Jane Roe on 10.29.12 | Photo by Example",
            "Copyright © 2012 Example Inc. All rights reserved. Copyright/IP Policy | Terms",
        ),
    ),
    LineRule(
        "caption_with_agency_credit",
        "caption",
        rf"(?!by\s)(?:(?=.*(?:/|photo|images|pictures)).{{3,600}}?(?:[.!?…\"”’)\]]\s*|\s+[|–—-]\s+|\s+)"
        rf"(?:{AGENCY_CREDIT}|"
        rf"(?:{CREDITED_NAME}|@\w+)\s*/\s*(?:via\s+)?(?:{CREDITED_ORG}))(?:{AGENCY_NOTICE})?|"
        rf"[^.!?]{{3,300}}[.!?…\"”’)\]]\s*(?-i:{AGENCIES})){CONTROLS_AFTER}",
        max_words=90,
        examples=(
            "Trump only stayed in the court for about an hour. AP",
            "The court rejected the order on Friday. AP Photo/Jane Roe",
            "The governor signs the bill. AP Photo/Jane Roe, File",
            "[1/5] A journalist in Maras, February 11, 2023. REUTERS/Jane Roe Purchase Licensing "
            "Rights, opens new tab",
            "Jane Roe on the front row at the show Jane Roe/Getty Images Europe",
            "The mayor at the town hall in September. | Jane Roe/AP Photo",
            "A journalist takes a selfie in Maras. REUTERS/Jane Roe",
            "The envoy said the talks were over (AP Photo) AP Photo",
            "Best-selling hate. Shutterstock/janeroe",
            "Fire on a plane after take-off. @janeroe/via REUTERS THIS IMAGE HAS BEEN SUPPLIED BY "
            "A THIRD PARTY. MANDATORY CREDIT. NO RESALES. NO ARCHIVES.",
        ),
        counterexamples=(
            "Reuters reported that the minister had resigned.",
            "A photo taken by the AP shows the damage.",
            "He sold pictures to the AP and to Reuters for years.",
            "The fund is run by Goldman Sachs and JPMorgan.",
            "Police said the man was arrested. Officers told the AP.",
            "I asked three writers about the new single, Pale Blue Dot / Lift Off.",
            "See all White Papers / Webcasts",
            "Follow us on Twitter/Facebook and Orkut",
            "No buses on Royal Parade/Mayflower Street",
        ),
    ),
    LineRule(
        "caption_with_named_credit",
        "caption",
        rf"(?!by\s)(?=.*(?:/|\sfor\s+the\s)).{{3,600}}?[.!?…\"”’)\]]\s*{CREDITED_NAME}\s*"
        rf"(?:/\s*|(?-i:\s+for\s+(?:the|The)\s+)){PUBLICATION}{CONTROLS_AFTER}",
        max_words=90,
        examples=(
            "The senator at the Capitol on Monday. Jane Roe for The New York Times",
            "A nurse in the ward at night. Jane Roe for the Guardian",
            "Crowds outside the stadium before the final. Jane Roe/The Example Post",
        ),
        counterexamples=(
            "The rally was loud. Vote Jane Roe for Mayor",
            "THIS IS A LIVE BLOG. SCROLL DOWN FOR THE LATEST UPDATES.",
            "I asked three writers about the new single, Pale Blue Dot / Lift Off.",
            "The report is out. Read it at Example Energy/Climate Policy now.",
            "He wrote for the paper. Jane Roe wrote for the Guardian too.",
        ),
    ),
    LineRule(
        "photo_credit_line",
        "photo_credit",
        r"\(?(?:image|photo|picture|pic|photograph|video|credit|source|image source|photo credit|"
        r"image caption|media caption|pictured|illustration|foto|fotos|bild|fotografia)"
        r"(?:\s*[:,]\s*.{1,120}|\s+by\s+.{1,120})?",
        max_words=20,
        examples=("Image caption", "Video", "Source: Example Statistics Office", "Pictured"),
        counterexamples=("Photographs of the meeting were released on Friday by officials.",),
    ),
    LineRule(
        "caption_with_stock_credit",
        "caption",
        rf".{{3,200}}?[\s,]+(?:via\s+)?(?:{STOCK_LIBRARIES})",
        max_words=30,
        examples=(
            "Jane Roe at the premiere in Paris Getty Images",
            "The harbour at dawn. Shutterstock",
        ),
        counterexamples=("The agency sold the photos to Getty Images for a large sum last year.",),
    ),
    LineRule(
        "image_caption_prefix",
        "caption",
        r"(?:image caption|media caption|caption|pictured above|above)\s*[:,]?\s+.{3,300}",
        examples=("Image caption, The minister in Brussels", "Media caption The talks began"),
    ),
    LineRule(
        "comments_notice",
        "comments_notice",
        r"(?:sorry, )?(?:we are|we're) not accepting comments.{0,80}|comments? (?:are|is) "
        r"(?:closed|disabled|turned off).{0,60}|(?:show|view|read|load|hide) (?:all )?"
        r"(?:\d+ )?comments?.{0,20}|\d+\s+comments?|(?:leave|post|add) a (?:comment|reply)|"
        r"join the (?:conversation|discussion|debate).{0,60}|comments?|"
        r"(?:be the first to comment|have your say).{0,40}|leave a reply.{0,40}|"
        r"(?:kommentare|commenti|commentaires) (?:sind |sono |sont )?(?:geschlossen|deaktiviert|"
        r"chiusi|fermés).{0,40}|kommentar (?:verfassen|schreiben|hinzufügen)|"
        r"lascia un commento|laisser un commentaire|deja un comentario",
        examples=(
            "Sorry, we are not accepting comments on this article.",
            "Comments are closed.",
            "Show comments",
            "12 comments",
            "Leave a Reply",
            "Join the conversation",
            "Kommentare sind geschlossen.",
            "Kommentar verfassen",
        ),
        counterexamples=("He declined to comment on the report.",),
    ),
    LineRule(
        "skip_and_menu_links",
        "navigation",
        r"(?:skip to (?:main )?(?:content|navigation|search|footer)|jump to (?:content|navigation)|"
        r"jump to recipe(?:\s*print recipe)?|"
        r"(?:open|close|toggle|main) (?:menu|navigation|search)|menu|search|home|back to top|"
        r"go to (?:top|homepage)|next|previous|next article|previous article|back|loading\.*|"
        r"(?:sign in|log in|my account|account|register)(?:\s*[|/]\s*(?:sign in|log in|"
        r"register|subscribe))*)\.?",
        max_words=6,
        examples=(
            "Skip to main content",
            "Menu",
            "Open menu",
            "Back to top",
            "Sign in | Register",
            "Jump to Recipe",
        ),
        counterexamples=("Home Secretary Yvette Cooper said the plan would work.",),
    ),
    LineRule(
        "comment_policy",
        "comments_notice",
        r".{0,200}\b(?:comments? (?:are|is|will be) (?:moderated|reviewed|pre-moderated)|"
        r"(?:we )?welcome (?:reader |your )?comments|house rules|community (?:guidelines|"
        r"standards)|email address will not be published|required fields are marked|"
        r"comments? (?:may|must|should) (?:be|not)|(?:post|leave) your comments?|"
        r"(?:report|flag) (?:offensive|abusive|inappropriate) comments?)\b.{0,300}",
        max_words=80,
        examples=(
            "HOUSE RULES",
            "We welcome reader comments on the top stories of the day.",
            "Your email address will not be published. Required fields are marked *",
            "Post Your Comments",
        ),
        counterexamples=("The minister declined to comment on the report on Friday.",),
    ),
    LineRule(
        "paywall_notice",
        "promo",
        r".{0,200}\b(?:(?:please|to) subscribe|subscribe (?:now|today)|"
        r"already an? (?:subscriber|member)|"
        r"subscribers? (?:also )?(?:receive|get|enjoy)|subscription (?:is )?required|"
        r"(?:log|sign) in (?:for|to) (?:immediate |full |continue )?(?:access|reading)|"
        r"to (?:continue|keep) reading|(?:to )?view the full (?:story|article)|"
        r"immediate online access|instant access to)\b.{0,300}",
        max_words=60,
        examples=(
            "To view the full story, please subscribe to The Haitian Times.",
            "If you’re seeing this message but you’re already a subscriber, you can log in.",
            "Instant access to the full article PDF.",
        ),
        counterexamples=("Netflix said its subscribers rose by 5% in the first quarter.",),
    ),
    # The affiliate disclosure the FTC asks of shops' partners: long, but never a report's words.
    LineRule(
        "affiliate_disclosure",
        "legal",
        r".{0,400}\b(?:amazon (?:services llc )?associates? program(?:me)?|(?:earns?|make) "
        r"(?:revenue |money |a (?:small )?commission )?from qualifying purchases)\b.{0,800}",
        max_words=150,
        needs=("qualifying purchases", "associate"),
        examples=(
            "This site participates in the Amazon Associate program and earns revenue from "
            "qualifying purchases (links to books or products). Other advertisers on this site "
            "may pay us when you click their links, which helps us keep the site free for readers "
            "who come to it every day for news, reviews and the weather, and we thank them.",
        ),
        counterexamples=(
            "Amazon said its associates program had paid out more than $1bn to publishers.",
        ),
    ),
    LineRule(
        "disclosure",
        "legal",
        r".{0,200}\b(?:advertising disclos\w*|affiliate (?:links?|commissions?|partners?)|"
        r"we may (?:receive|earn) (?:compensation|a commission)|is not responsible for the "
        r"(?:opinions|content)|contains references to products|editorial (?:independence|"
        r"standards)|trust principles|associates? program|qualifying purchases|"
        r"advertising disclaimer)\b.{0,300}|(?:note:\s*)?disclaimer\b.{0,600}",
        max_words=80,
        examples=(
            "Advertising disclosure: We may receive compensation for some links to products.",
            "This post contains references to products from one or more of our advertisers.",
            "The Thomson Reuters Trust Principles",
            "As an Amazon Associate we earn from qualifying purchases.",
            "Disclaimer: The responses below are not provided or commissioned by the advertiser.",
        ),
        counterexamples=("The firm said it would pay its affiliates less next year.",),
    ),
    LineRule(
        "app_promo",
        "promo",
        r".{0,120}\b(?:download (?:our|the) .{0,40}\bapps?|(?:available|get it) on (?:the )?"
        r"(?:app store|google play)|get the app|(?:want|need) more\??|don'?t miss (?:out|a)|"
        r"missing out on|(?:straight|direct(?:ly)?) to your (?:phone|device|mobile)|"
        r"(?:with|in|on) (?:the|our) [\w.-]+(?: [\w.-]+){0,3} app"
        r"(?: for (?:ios|android))?[.!]?\Z)\b.{0,160}",
        max_words=40,
        examples=(
            "For breaking news updates download the Nationnews apps for iOS and Android.",
            "Want More?",
            "Missing out on the latest WordPress.com stories?",
            "Get the latest news straight to your phone with the Example Daily app.",
        ),
        counterexamples=("Police said the suspect had tracked her with the Find My app.",),
    ),
    LineRule(
        "date_only_line",
        "dateline",
        rf"(?:{WEEKDAY_PATTERN},?\s+)?(?:{WRITTEN_DATE}|{MONTH_PATTERN}\.?\s+\d{{4}}|{TIME})"
        rf"(?:[\s,|·•-]*(?:at\s*)?(?:{TIME}|{WRITTEN_DATE}))?"
        r"(?:\s*(?:GMT|BST|UTC|ET|EST|EDT|CET|CEST))?",
        max_words=8,
        examples=("January 2020", "Oct 9, 2019", "2:54pm", "Thursday 10 April 2025 14:32 BST"),
        counterexamples=("On 10 April 2025 the ministers met.",),
    ),
    LineRule(
        "share_buttons",
        "navigation",
        r"(?:share|share this|share this (?:article|story|page)|share on \w+|tweet|email|"
        r"copy link|copy the link|print|print (?:this )?(?:page|article|recipe)|whatsapp|"
        r"facebook|twitter|linkedin|pinterest|reddit|messenger|flipboard|save|bookmark|listen|"
        r"listen to this article|follow us|follow us on \w+|opens in (?:a )?new (?:window|tab)|"
        r"explore further|filed under.{0,80}|tags?:.{0,120}|topics?:.{0,120}|"
        r"(?:give us|send us|leave) (?:your )?feedback.{0,60}|write a (?:comment|review)|"
        r"click to (?:share|email|print)\b.{0,60}|(?:download )?pdf(?: version)?|"
        rf"(?:login|log in|logout|log out|sign out)|{SHARE_WORDS})"
        r"(?:\s*[,|/·•]?\s*(?:share|tweet|email|copy link|print|whatsapp|facebook|twitter|x|"
        rf"linkedin|pinterest|reddit|messenger|save|{SHARE_WORDS}))*\.?",
        examples=(
            "Share",
            "Share this article:",
            "Facebook | Twitter | Email",
            "Copy link",
            "Print Recipe",
            "Explore further",
            "Filed under Politics",
            "Write a comment",
            "Click to share on Twitter (Opens in new window)",
            "Teilen Pin it Mailen Drucken",
        ),
        counterexamples=("Share prices fell sharply on Monday.",),
    ),
    LineRule(
        "newsletter_promo",
        "promo",
        r"(?:sign up|subscribe|register|get|receive|send me|join)\b.{0,80}\b(?:newsletter|inbox|"
        r"email|e-mail|updates|alerts|briefing|digest|notifications?|new posts?)\b.{0,80}|"
        r".{0,60}\bnewsletters?\b.{0,80}|.{0,160}\b(?:straight|delivered|direct(?:ly)?|sent) to "
        r"(?:your|their) inbox\b.{0,80}|(?:sign up|subscribe|register) (?:to|for) (?:get|receive)\b"
        r".{0,120}|(?:the )?latest (?:news|headlines|updates|stories)\b.{0,80}|"
        r"no spam.{0,40}|.{0,120}\bsign up here\b.{0,20}|.{0,40}\bpush notifications?\b.{0,20}|"
        r"(?:subscribe|subscribe now|subscribe today|sign up|sign in|log in|register)"
        r"(?:\s+(?:now|today|here|for free|to continue))?\.?|"
        r".{0,60}\b(?:free trial|subscribers? only|for subscribers|unlock (?:this|full) "
        r"(?:article|story|access))\b.{0,60}",
        examples=(
            "Sign up to our daily newsletter",
            "Get the latest headlines delivered to your inbox every morning",
            "Subscribe now",
            "The Morning Briefing newsletter",
            "The latest news, analysis and insights from our reporters",
            "No spam, we promise.",
            "Do you want to hear about our next events? Sign up here",
            "Send me email every new post.",
            "Join thousands of readers who get our best stories delivered to their inbox.",
            "Sign up to get the best content of the week, and great deals, as picked by us.",
        ),
        counterexamples=("Millions subscribe to the idea that peace is possible, he said.",),
    ),
    LineRule(
        "read_more_line",
        "promo",
        rf"(?:{LINK_LIST_HEADINGS}|read more|read also|also read|more|see also|watch|listen|"
        r"click here|up next|you may be interested in|latest|latest stories|"
        r"more from \w+(?: \w+)?|related topics|read (?:the latest|more) (?:from|by) .{1,60}|"
        r"weiterlesen|mehr zum thema|lesen sie (?:auch|mehr|hier)|"
        r"lesen sie hier \w+ (?:weiteren|anderen)\b.{0,80}|leggi di più|lee también|"
        r"lea también)"
        r"\s*(?:[:>»|–—-]\s*.{0,200})?",
        examples=(
            "READ MORE: Healey to meet defence ministers in Brussels",
            "Related: Ukraine war latest",
            "Most read",
            "More on this story",
            "You may also like",
            "Lesen Sie auch: Der Fluss steigt weiter",
            "Lesen Sie hier einen weiteren Beitrag zum Thema …",
            "Das könnte dir auch gefallen",
            "Leggi anche",
            "Read the latest from Jane Roe",
        ),
        counterexamples=("More than 50 people were injured, officials said.",),
    ),
    LineRule(
        "advertisement",
        "promo",
        r"(?:advertisement|advertising|sponsored(?: content)?|promoted(?: stories)?|"
        r"skip advertisement|ad feedback|story continues below(?: advertisement)?|"
        r"article continues below|continue reading below|scroll to continue(?: with content)?|"
        r"paid (?:content|partner content)|partner content|this post contains (?:references|"
        r"affiliate links).{0,200})\.?",
        examples=("Advertisement", "Story continues below advertisement", "Sponsored"),
    ),
    LineRule(
        "cookie_notice",
        "legal",
        r".{0,200}\b(?:we use cookies|(?:this|our) (?:web)?site uses cookies|accept (?:all )?"
        r"cookies|(?:cookie|consent|privacy) (?:policy|settings|preferences|notice|choices)|"
        r"manage (?:cookies|consent|preferences)|by continuing to (?:use|browse))\b.{0,200}",
        max_words=60,
        examples=(
            "We use cookies to improve your experience on our site.",
            "Accept all cookies",
            "Manage cookie settings",
        ),
        counterexamples=("Cookies and biscuits sales rose 5% last year, the firm said.",),
    ),
    # A consent banner's own paragraphs (the cookie notice above is its one-line form): cookies
    # or personal data, the site speaking ("we", "our") to the reader ("you"), and what a banner
    # is about. A report on cookies quotes no "we" to "you"; a privacy-law paragraph names
    # opting out or consent.
    LineRule(
        "consent_prose",
        "legal",
        r"(?=.*\bcookies?\b)(?=.*\b(?:you|your)\b)(?=.*\b(?:we|our|us|this (?:web)?site)\b)"
        r"(?=.*\b(?:(?:web)?sites?|browser|browsing|visits?|consent|opt[- ]out|personal (?:data|"
        r"information)|third[- ]part(?:y|ies)|device|preferences|advertis\w*)\b).*|"
        r"(?=.*\b(?:you|your)\b)(?=.*\bpersonal (?:data|information)\b)"
        r"(?=.*\b(?:opt[- ]?out|opting[- ]out|sale of|privacy (?:act|rights|controls)|"
        r"consent)\b).*",
        max_words=300,
        needs=("cookie", "personal"),
        examples=(
            "This website uses cookies to improve your experience while you navigate through the "
            "website. Out of these cookies, the cookies that are categorized as necessary are "
            "stored on your browser.",
            "These cookies allow us to count visits and traffic sources so we can measure and "
            "improve the performance of our site. If you do not allow them, we will not know "
            "when you have visited.",
            "If you are a California consumer, you have the right to opt out of the sale of your "
            "personal information to third parties.",
        ),
        counterexamples=(
            "Cookies are small files that websites store on a computer, the regulator said.",
            "You can bake these cookies the day before and keep them in a tin.",
        ),
    ),
    LineRule(
        "copyright_line",
        "legal",
        r"(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*\d{4}).*|.{0,200}(?:all rights reserved|"
        r"©\s*\d{4}).{0,100}|copyright(?: \S+){1,5}|(?:terms (?:of|and) (?:use|service|"
        r"conditions)|privacy (?:policy|notice)|contact(?: us)?|about us|accessibility|sitemap|"
        r"help)"
        r"(?:\s*[|·•,]\s*.{0,40})*",
        max_words=150,  # a footer's legal paragraph opening with "©" is long
        examples=(
            "© 2025 Example News Ltd. All rights reserved.",
            "Copyright Express & Star",
            "Terms of use | Privacy policy | Contact us",
            "Contact",
        ),
        counterexamples=("Copyright holders say the new law will hurt musicians and writers.",),
    ),
    LineRule(
        "published_label",
        "byline",
        r"(?:published|updated|last updated|posted|first published|release date)\s*:?",
        max_words=3,
        examples=("Published", "Updated:", "Last updated", "Release Date:"),
        counterexamples=("Published 10 April 2025",),
    ),
    LineRule(
        "published_line",
        "dateline",
        rf"(?:published|updated|last updated|posted|first published|modified|date)"
        rf"(?:\s*(?:on|at)?\s*[:,]?\s*(?:{WRITTEN_DATE}|{TIME}|{WEEKDAY_PATTERN})"
        rf"(?:[\s,]*(?:at\s*)?(?:{WRITTEN_DATE}|{TIME}))*)?\.?|"
        rf"(?:{WEEKDAY_PATTERN},?\s+)?{WRITTEN_DATE}(?:[\s,|·•-]*(?:at\s*)?{TIME})?(?:\s*(?:GMT|BST|UTC|ET|EST|EDT|CET|CEST))?",
        where="header",
        max_words=16,
        examples=(
            "Published: 10 April 2025",
            "Updated 10:32 BST, 10 April 2025",
            "Thursday 10 April 2025 14:32 BST",
            "April 10, 2025",
            "Last updated on 2025-04-10",
        ),
        counterexamples=("Published reports say 30 nations will attend.",),
    ),
    LineRule(
        "letters_invitation",
        "promo",
        r".{0,120}\b(?:(?:submit|send|write) (?:us )?(?:a|your) letter to the editor|"
        r"we want to hear what you think)\b.{0,200}",
        max_words=50,
        examples=(
            "We want to hear what you think about this article. Submit a letter to the editor.",
            "Submit your letter to the editor via this form.",
        ),
        counterexamples=("She wrote a letter to the editor of the local paper in 1998.",),
    ),
    LineRule(
        "browser_notice",
        "other",
        r".{0,120}\b(?:you are using an? (?:outdated |older |old )?browser|(?:update|upgrade) "
        r"your browser|browser (?:is not|isn't) supported|(?:please )?enable javascript|"
        r"javascript is (?:disabled|required))\b.{0,300}",
        max_words=70,
        examples=(
            "You are using a browser version with limited support for CSS.",
            "Please enable JavaScript to view the comments.",
        ),
        counterexamples=("Firefox is a browser that many of its users update weekly.",),
    ),
    LineRule(
        "search_box",
        "navigation",
        r"search (?:for )?(?:articles|topics|stories|news|posts|the site|this site)\b.{0,60}",
        max_words=10,
        examples=("Search for articles and topics on Example", "Search this site"),
        counterexamples=("Search teams found the missing climbers on Sunday morning.",),
    ),
    LineRule(
        "tag_list",
        "navigation",
        r"[^/|•·.!?]{1,40}(?:\s[/|•·]\s[^/|•·.!?]{1,40}){2,}",
        max_words=30,
        examples=("Comics / economics / happy mutants", "Politics • Europe • Elections"),
        counterexamples=("The vote was 52 / 48, officials said.",),
    ),
    LineRule(
        "domain_line",
        "other",
        r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|co\.uk|de|it|fr|at|ch|"
        r"es|nl|io|news)/?",
        max_words=1,
        examples=("EXAMPLENEWS.COM", "www.example.org"),
        counterexamples=("Yahoo!",),
    ),
    LineRule(
        "foreign_dateline",
        "dateline",
        rf"{FOREIGN_DATED}(?:\s+{FOREIGN_DATED})*",
        max_words=16,
        examples=(
            "Pubblicato il 19 Febbraio 2020 Ultima modifica 19 Febbraio 2020 12:02",
            "Veröffentlicht am 3. März 2021",
            "Publié le 12 mai 2020",
        ),
        counterexamples=(
            "Pubblicato il libro che racconta la storia.",
            "Veröffentlicht wurde das Buch 2019, sagte sie.",
        ),
    ),
    LineRule(
        "sort_control",
        "navigation",
        r"sort(?:ed)? by(?:\s*:.{0,40})?|sort(?:ed)? by (?:date|newest|oldest|relevance|votes|"
        r"popularity|rating|score)",
        max_words=8,
        examples=("Sorted by: Reset to default", "Sort by newest", "Sort by:"),
        counterexamples=("Sorted by size, the boxes filled three rooms.",),
    ),
    LineRule(
        "email_signup",
        "promo",
        r".{0,200}\benter your e-?mail(?: address)?(?: below| here)? to (?:receive|get|"
        r"subscribe|follow)\b.{0,300}",
        max_words=60,
        examples=(
            "Missing out? Enter your email below to receive future announcements by email.",
            "Enter your email address to subscribe to this blog.",
        ),
        counterexamples=("She forgot to enter her email and lost the tickets.",),
    ),
    LineRule(
        "count_label",
        "navigation",
        r"\d[\d,.]*k?\s+(?:reviews?|ratings?|votes?|views?|shares?|likes?|followers?)",
        max_words=3,
        examples=("2 reviews", "1.2k shares", "340 views"),
        counterexamples=("2 reviews were published.",),
    ),
    LineRule(
        "reading_time",
        "other",
        r"\d+\s*(?:-\s*)?min(?:ute)?s?\s*(?:read|listen)|reading time:?\s*\d+\s*min(?:ute)?s?",
        examples=("5 min read", "Reading time: 4 minutes"),
    ),
)

# Lines that open a block of reader comments: everything after them is comments, not article.
COMMENTS_START = re.compile(
    r"(?:(?:\d+\s+)?comments?(?:\s*\(\d+\))?|leave a (?:reply|comment)|post a comment|"
    r"join the (?:conversation|discussion)|(?:\d+\s+)?(?:thoughts?|responses?|replies) "
    r"(?:on|to) [“\"].{1,200}|\d+\s+(?:comments?|thoughts?|responses?|replies) (?:on|to) .{1,200})"
    r"\Z",
    re.IGNORECASE,
)

# A reader comment's header: who wrote it and when ("Jane Roe on Friday, November 2 at 3:20 pm",
# "jroe says: 12 May 2020 at 10:41", "Sam responded to Jane on May 3, 2012"). Several below an
# article are a comment thread, however the page labels it. A header holds a date (a live blog's
# bare times are not comments), and once its date, time and link words are gone, a name or handle.
COMMENT_HEADER_DATE = re.compile(
    rf"(?:{WEEKDAY_PATTERN},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN}\.?(?:,?\s+\d{{4}})?|"
    rf"{MONTH_PATTERN}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:,?\s+\d{{4}})?|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}})(?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\b\.?)?)?",
    re.IGNORECASE,
)
COMMENT_HEADER_WORDS = re.compile(
    r"\b(?:says|said|wrote|writes|replied|responded to|on|at|reply|to|comment|link|permalink|"
    r"report|abuse|like|edit|flag)\b|[|:·•,()\[\]-]",
    re.IGNORECASE,
)
COMMENT_HEADER_MAX_WORDS = 20
COMMENT_HEADER_NOT_NAMES = ("published", "updated", "posted", "modified", "last", "date", "by")
COMMENT_HEADER_NAME_WORDS = (1, 5)  # a name or handle, or "Sam ... Jane" of a reply
COMMENT_HEADER_EXAMPLES = (
    "Cheryl Barker On Friday, November 2 at 3:20 pm",
    "jroe says: 12 May 2020 at 10:41",
    "Phil White responded to Davey on November 13th, 2012 at 8:19 am Link To Comment | Reply",
    "Sam K. | 3/4/2012 | Reply",
)
COMMENT_HEADER_COUNTEREXAMPLES = (
    "10:32 Prime Minister arrives in Kyiv",
    "Published on 12 May 2020 at 10:41",
    "The minister said on May 3 that the plan would go ahead",
    "Updated: March 4, 2021",
)

# The person a biography opens with: "Jane Roe is a ...", "Jane Roe writes about ...".
BIO_OPENING = re.compile(
    r"(?P<name>(?:[A-Z][\w.'’-]+\s+){0,3}[A-Z][\w.'’-]+)\s+(?:is|was|has|writes|covers|reports|joined)\b"
)

# A short biography of the writer, at the top or the bottom of an article.
AUTHOR_BIO = re.compile(
    r"(?:[A-Z][\w.'’-]+\s+){1,4}(?i:(?:is|was|has been|has worked|writes|covers|reports|joined)\b"
    rf".{{0,120}}\b(?:{ROLE_WORDS}|professor|fellow|author|founder|co-founder|"
    r"freelance|blogger|expert|lecturer|scientist|developer|engineer|consultant)\b|"
    r"(?:writes|has written|reports) (?:about|on)\b|"
    r"ist\b.{0,80}(?:redakteur|autor|journalist|experte|korrespondent)\w*\b).{0,500}",
)
AUTHOR_BIO_MAX_WORDS = 70
# What an article's prose says and a photo's caption does not: the first or second person, and
# reported speech ("we", "you", "said", "told").
PROSE_MARKS = re.compile(
    r"\b(?:I|us|(?i:we|you|my|our|your|me|said|says|told|asked|according to))\b"
)
# Lines that credit a photo: the line right above one may be its caption.
CREDIT_LINE_RULES = frozenset({"credit_line", "agency_credit_line", "bracketed_credit_line"})
# What a caption says and an article's prose seldom does: where someone stands in the picture
# ("Jane Roe (left) and John Doe", "Jane Roe, second from right,"), the picture itself
# ("pictured", "in this file photo", "poses", "looks on"), or the agencies' dated shot ("at the
# Statehouse, Thursday, April 27, 2023, in Indianapolis"). Beside a credit line, a line with
# such a cue is a caption whatever its length or ending.
CAPTION_CUES = re.compile(
    rf"\((?:{PICTURE_POSITIONS}|{PICTURE_WORDS})\)|,\s(?:{PICTURE_POSITIONS}),|"
    rf"\b(?:{PICTURE_WORDS})\b|"
    rf",\s{WEEKDAY_PATTERN},\s{MONTH_PATTERN}\.?\s\d{{1,2}},\s\d{{4}}\b",
    re.IGNORECASE,
)
# A menu item: a few capitalised words, no digits or code punctuation ("News", "World & UK").
MENU_ITEM = re.compile(r"(?:[^\W\d_][\w'’.-]*|&)(?:\s+(?:[^\W\d_][\w'’.-]*|&)){0,2}")

# Headings over a list of links to other articles: the headline lines under them go too.
LINK_LIST_HEADING = re.compile(rf"(?:{LINK_LIST_HEADINGS})\s*:?", re.IGNORECASE)

# The link under a teaser: "Read more", "Continue reading", "Weiterlesen" and nothing else.
READ_MORE_LINK = re.compile(
    r"(?:read more|continue reading|read the (?:full )?(?:story|article)|weiterlesen|"
    r"leggi (?:tutto|di più)|lire la suite|leer más)\W{0,3}",
    re.IGNORECASE,
)
