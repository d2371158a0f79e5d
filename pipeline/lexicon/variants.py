"""How news writes the names of a few countries and bodies: short and variant forms whose full
name their letters do not spell ("US", "Britain", "America", "Nato"), each with the name and
label of what it stands for. Acronyms spelled by their initials ("MoD", "UDCG") and acronyms an
article defines ("Federal Bureau of Investigation (FBI)") need no entry.

Entities resolve a mention written exactly so to the full name; the full name is the entity's
name, not an alias, unless an article writes it too.
"""

from __future__ import annotations

from pipeline.wordlist import words

KNOWN_FORMS: dict[str, tuple[str, str]] = {
    "US": ("United States", "GPE"),
    "U.S.": ("United States", "GPE"),
    "U.S": ("United States", "GPE"),
    "USA": ("United States", "GPE"),
    "U.S.A.": ("United States", "GPE"),
    "United States of America": ("United States", "GPE"),
    "America": ("United States", "GPE"),
    "States": ("United States", "GPE"),
    "UK": ("United Kingdom", "GPE"),
    "U.K.": ("United Kingdom", "GPE"),
    "Britain": ("United Kingdom", "GPE"),
    "Great Britain": ("United Kingdom", "GPE"),
    "UAE": ("United Arab Emirates", "GPE"),
    "U.A.E.": ("United Arab Emirates", "GPE"),
    "USSR": ("Soviet Union", "GPE"),
    "U.S.S.R.": ("Soviet Union", "GPE"),
    "UN": ("United Nations", "ORG"),
    "U.N.": ("United Nations", "ORG"),
    "EU": ("European Union", "ORG"),
    "E.U.": ("European Union", "ORG"),
    "Nato": ("NATO", "ORG"),
    "NHS": ("National Health Service", "ORG"),
}

# Forms that stand for the full name only where the model reads them as a place: "America" in
# news is the United States ("Latin America", "South America" are other names, kept whole), but
# an organisation or a work named "America" is not; "the States" is the United States, "States"
# in "Gulf States" or a title is not.
ONLY_AS_PLACE = words("America States")
PLACE_LABELS = words("GPE LOC")


def known_form(text: str, label: str) -> tuple[str, str] | None:
    """The (full name, label) a mention written `text` and labelled `label` stands for."""
    found = KNOWN_FORMS.get(text)
    if found is None or (text in ONLY_AS_PLACE and label not in PLACE_LABELS):
        return None
    return found
