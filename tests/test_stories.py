"""Stories: same-story assignment without all pairs, text reuse, conflicting figures."""

from datetime import date

import pyarrow as pa

from pipeline.stories.assign import Signature, assign, minhash_bytes
from pipeline.stories.conflicts import Count, disagree, story_conflicts
from pipeline.stories.reuse import Article, story_reuse
from pipeline.tables import SIGNATURES

RELEASE = (
    "The Defence Secretary will host defence ministers from about 30 countries in Brussels. "
    "He will chair the Ukraine Defence Contact Group with his German counterpart on Friday. "
    "Ministers will discuss support for Ukraine and the reassurance force planned for later. "
    "The UK has committed a further sum to air defence systems for the coming year ahead."
)


def sig(doc_id: str, body: str, names: set[str], day: date | None = None) -> Signature:
    return Signature(doc_id, minhash_bytes(body), frozenset(names), day)


def known(*signatures: Signature) -> pa.Table:
    return pa.Table.from_pylist(
        [
            {"doc_id": s.doc_id, "minhash": s.minhash, "entities": sorted(s.entities),
             "published": s.published, "story_id": s.story_id}
            for s in signatures
        ],
        schema=SIGNATURES.schema,
    )  # fmt: skip


def test_a_copy_joins_the_story_of_its_source() -> None:
    first = sig("a", RELEASE, {"brussels"})
    first.story_id = "a"
    copy = sig("b", "Breaking. " + RELEASE, {"healey"})
    assert assign([copy], known(first)) == {"b": "a"}


def test_shared_rare_entities_make_one_story_only_close_in_time() -> None:
    names = {
        "john healey",
        "sebastien lecornu",
        "brussels",
        "ukraine defence contact group",
        "kyiv",
    }
    first = sig("a", "One text about the meeting.", names, date(2025, 4, 10))
    first.story_id = "a"
    near = sig("b", "A wholly different wording here.", names, date(2025, 4, 11))
    far = sig("c", "Months later, another meeting took place.", names, date(2025, 9, 1))
    assert assign([near, far], known(first)) == {"b": "a", "c": "c"}


def test_unrelated_articles_stay_apart() -> None:
    a = sig("a", RELEASE, {"john healey", "brussels", "nato", "kyiv"})
    b = sig("b", "Arsenal beat Chelsea at Highbury on Sunday.", {"arsenal", "chelsea", "highbury"})
    assert assign([a, b], known()) == {"a": "a", "b": "b"}


def test_articles_in_one_batch_join_each_other() -> None:
    a = sig("a", RELEASE, {"x"}, date(2025, 4, 10))
    b = sig("b", RELEASE + " And one more line.", {"y"}, date(2025, 4, 11))
    assert assign([b, a], known()) == {"a": "a", "b": "a"}


def test_reuse_finds_near_verbatim_sentences_and_the_origin() -> None:
    copy = RELEASE.split(". ")[0] + ", officials said. Nothing else is the same in this text here."
    rows = story_reuse(
        [Article("release", RELEASE, date(2025, 4, 10)), Article("copy", copy, date(2025, 4, 11))]
    )
    by_pair = {(r.doc_id, r.source_doc_id): r for r in rows}
    assert by_pair[("copy", "release")].shared_share == 0.5
    assert by_pair[("copy", "release")].likely_source
    assert not by_pair[("release", "copy")].likely_source


def count(doc: str, start: int, value: float, qualifier: str = "exact", obj=None) -> Count:
    return Count(doc, start, value, qualifier, "killed", obj)


def test_conflicts_respect_qualifiers_and_objects() -> None:
    assert disagree(count("a", 0, 18, "at_least"), count("a", 5, 16))
    assert not disagree(count("a", 0, 18, "at_least"), count("b", 5, 20))
    assert not disagree(count("a", 0, 30, "approx"), count("b", 5, 32))
    found = story_conflicts(
        [
            count("a", 0, 18, "at_least", "people"),
            count("a", 9, 9, obj="children"),
            count("a", 20, 16),
            count("a", 30, 6, obj="children"),
        ]
    )
    assert {(c.about, c.a.value, c.b.value) for c in found} == {
        ("people killed", 18, 16),
        ("children killed", 9, 6),
    }
