"""Entity rules as named data: which labels are entities, which words are titles, which words
end an organisation's name; short forms of countries and bodies are in
`pipeline/lexicon/variants.py`. `tests/test_entities.py` checks the examples written here.
"""

from __future__ import annotations

import re

from pipeline.lexicon.media import AGENCIES
from pipeline.wordlist import words

# spaCy's (OntoNotes) labels that name things; numeric labels belong to figures and dates.
ENTITY_LABELS = frozenset(
    {
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)

# When one name carries several labels across the corpus and the votes tie, the earlier label
# wins: the small English models over-predict PERSON for unfamiliar capitalised words
# ("Kryvyi Rih"), so PERSON is the least trusted.
LABEL_PRIORITY = (
    "GPE",
    "LOC",
    "FAC",
    "ORG",
    "NORP",
    "EVENT",
    "LAW",
    "PRODUCT",
    "WORK_OF_ART",
    "LANGUAGE",
    "PERSON",
)


# A capitalised word before one of these is part of the title: "Defence Secretary",
# "Foreign Minister", "Chief of the Defence Staff" (the ORG-looking "Defence" is not an entity).
OFFICE_HEADS = words(
    """Secretary Minister Ministers Chancellor Commissioner Spokesman Spokeswoman Spokesperson
    Staff Correspondent Editor Officer Chief Director Envoy Ambassador Adviser Advisor Attorney
    General"""
)

# Departments and qualifiers that make a title with an office: "Defence Secretary", "Shadow Home
# Secretary", "Secretary of State". Alone before an office they are not an organisation.
TITLE_DEPARTMENTS = words(
    """Defence Defense Foreign Home Health Education Culture Transport Justice Environment Energy
    Business Trade Treasury Interior Finance Work Pensions Housing Science Digital Security
    Veterans Armed Forces Northern Ireland Scotland Wales Shadow Opposition Prime First State
    Junior Deputy Vice Chief Attorney Solicitor Europe Development Agriculture Labour
    Communities Levelling Immigration Policing Sport Media Technology Climate Net Zero"""
)

# Lower-case words inside a multi-word title ("Chief of the Defence Staff", "Prime Minister").
TITLE_LINKS = frozenset({"of", "the", "for", "and"})

# Words a name never starts with: the article and possessive pronouns spaCy folds into spans.
LEADING_WORDS = frozenset({"the", "The", "THE", "a", "A", "an", "An"})

# Connecting words skipped when an acronym is matched against a name's initials, the second way
# of reading them ("MoD" is M-o-D with them, "UDCG" is U-D-C-G without).
NAME_LINKS = frozenset({"of", "the", "and", "for", "on", "in", "&", "de", "du", "des", "la"})

# Lower-case words inside a person's name ("Ruud van Nistelrooy", "Roland de Marigny"). A
# "PERSON" with another lower-case word ("Diary of Alicia Keys", "Balco boss Victor Conte",
# "Both Mr Brown and Mr Blair") is a span the model drew too wide: no one's full name.
NAME_PARTICLES = words("van von der den de du des da di la le del della dos bin ibn al el ter")

# Countries before a body's name that the article may drop: "US Department of Justice" is
# "Department of Justice", "Scottish Borders Council" is "Borders Council".
COUNTRY_PREFIXES = words("US U.S. UK U.K. British American EU European Scottish Welsh Irish")

# Words that end an organisation's name and that the article may drop: "Labour Party" is
# "Labour", "Microsoft Corp" is "Microsoft" (a shorter form that drops other words, "BBC" beside
# "BBC Sport", is another body).
ORG_DESIGNATORS = words(
    """Party Inc Inc. Corp Corp. Corporation Co Co. Company Ltd Ltd. Limited plc PLC LLC LLP
    Group Holdings AG SA NV GmbH FC AFC"""
)

# Labels whose names an article shortens to their tail ("Pittsburgh Pirates" -> "Pirates") or
# head ("Labour Party" -> "Labour"). Not places: "Ireland" beside "Northern Ireland", "Mexico"
# beside "Mexico City", "York" beside "New York" are other places.
SHORTENED_LABELS = frozenset({"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})

# Labels a last word may carry and still be the short form of a name of another label ("Pirates",
# a place to the model, of "Pittsburgh Pirates"): not a person's or a group's, whose last words
# are surnames and nouns of their own ("Lewis" of "John Lewis", "Democrats" of "Liberal
# Democrats"), nor a region's, a product's or a work's, often a common noun ("Park" of "T in
# the Park", "iPods" of a span "Apple iPods"). A short form that drops a place or a designator
# may carry any label.
LAST_WORD_LABELS = frozenset({"ORG", "GPE", "FAC", "EVENT", "LAW"})

# Labels of a one-word plural that is the group the article names in the singular ("Aztecs", a
# person to the model, beside "Aztec"; "Britons" beside "Briton"): not an organisation's
# ("Democrats", the party, beside "Democrat").
PLURAL_LABELS = frozenset({"NORP", "PERSON"})

# A word right before a one-word name that makes it a place in that article ("in Dalton", "from
# Washington"), unless a possessive follows ("in Dalton's model").
PLACE_PREPOSITIONS = words("in at from near into across throughout outside around via towards")

# Letters after a person's name: trimmed from the mention, and they make it a person.
POST_NOMINALS = words(
    """QC KC MP MSP MS MEP AM MLA TD OBE MBE CBE KBE DBE Jr Jr. Sr Sr. PhD FRS FRSE FBA FREng"""
)

# A "PERSON" ending in one of these is an organisation or a place the model misread
# ("Permanent Joint Headquarters", "Kyiv City Council"): no one's surname is "Headquarters".
ORG_HEADS = words(
    """Headquarters HQ Council Committee Commission Ministry Department Office Agency Authority
    Association Party Union Group Company Corporation Bank Fund Foundation Institute University
    College School Hospital Trust Court Parliament Assembly Senate Congress Army Navy Force
    Forces Police Service Services Club Federation League Board Bureau Centre Center Society
    Hotel Museum Airport Stadium"""
)

# "Andrew Matthews/PA", "(Getty Images)": a photo or agency credit left inside a body.
CREDIT = re.compile(rf"\s*/\s*(?:{AGENCIES})\b")
CREDIT_EXAMPLES = ("Andrew Matthews/PA", "Jane Doe / Reuters", "John Smith/Getty Images")
