"""Entity rules as named data: which labels are entities, which words are titles, which short
forms stand for which names. `tests/test_entities.py` checks the examples written here.
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

# Short and variant forms whose full name is not spelled by their letters, with the label the
# full name carries. Acronyms spelled by their initials ("MoD", "UDCG") need no entry.
KNOWN_FORMS: dict[str, tuple[str, str]] = {
    "US": ("United States", "GPE"),
    "U.S.": ("United States", "GPE"),
    "USA": ("United States", "GPE"),
    "U.S.A.": ("United States", "GPE"),
    "UK": ("United Kingdom", "GPE"),
    "U.K.": ("United Kingdom", "GPE"),
    "Britain": ("United Kingdom", "GPE"),
    "Great Britain": ("United Kingdom", "GPE"),
    "UN": ("United Nations", "ORG"),
    "U.N.": ("United Nations", "ORG"),
    "EU": ("European Union", "ORG"),
    "Nato": ("NATO", "ORG"),
    "NHS": ("National Health Service", "ORG"),
    "UAE": ("United Arab Emirates", "GPE"),
}

# Letters after a person's name: trimmed from the mention, and they make it a person.
POST_NOMINALS = words("""QC KC MP MSP MS MEP AM MLA TD OBE MBE CBE KBE DBE Jr Jr. Sr Sr. PhD""")

# A "PERSON" ending in one of these is an organisation or a place the model misread
# ("Permanent Joint Headquarters", "Kyiv City Council"): no one's surname is "Headquarters".
ORG_HEADS = words(
    """Headquarters HQ Council Committee Commission Ministry Department Office Agency Authority
    Association Party Union Group Company Corporation Bank Fund Foundation Institute University
    College School Hospital Trust Court Parliament Assembly Senate Congress Army Navy Force
    Forces Police Service Services Club Federation League Board Bureau Centre Center Society"""
)

# "Andrew Matthews/PA", "(Getty Images)": a photo or agency credit left inside a body.
CREDIT = re.compile(rf"\s*/\s*(?:{AGENCIES})\b")
CREDIT_EXAMPLES = ("Andrew Matthews/PA", "Jane Doe / Reuters", "John Smith/Getty Images")
