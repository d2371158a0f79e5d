"""Stories: same-story assignment without all pairs, text reuse, conflicting figures."""

import random
from collections import Counter
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.stories import assign as rules
from pipeline.stories.assign import Signature, assign, minhash_bytes
from pipeline.stories.conflicts import Count, disagree, story_conflicts
from pipeline.stories.reuse import MAX_SOURCES, Article, first_articles, story_reuse
from pipeline.stories.tables import changed_stories, story_tables
from pipeline.tables import FIGURES, SIGNATURES

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


def test_a_large_story_compares_each_article_with_its_first_articles_only() -> None:
    """Templated items: every pair would be n*(n-1) rows; each is compared with the first
    MAX_SOURCES articles, and those with each other, as a small story's pairs are."""
    n = MAX_SOURCES * 3
    articles = [
        Article(f"d{i:04d}", f"Item {i} in the series. {RELEASE}", date(2025, 4, 1 + i % 20))
        for i in range(n)
    ]
    rows = story_reuse(articles)
    first = first_articles([(a.doc_id, a.published) for a in articles], MAX_SOURCES)
    assert first is not None and len(first) == MAX_SOURCES
    assert {r.source_doc_id for r in rows} == first
    assert len(rows) == MAX_SOURCES * (n - 1)
    among_first = story_reuse([a for a in articles if a.doc_id in first])
    assert {(r.doc_id, r.source_doc_id, r.shared_share) for r in among_first} <= {
        (r.doc_id, r.source_doc_id, r.shared_share) for r in rows
    }
    assert all(r.likely_source for r in rows if r.doc_id not in first)
    counts = [count(a.doc_id, 0, 10 + i) for i, a in enumerate(articles)]
    conflicts = story_conflicts(counts, first)
    assert all(c.a.doc_id in first or c.b.doc_id in first for c in conflicts)
    assert len(conflicts) == sum(
        1 for c in story_conflicts(counts) if {c.a.doc_id, c.b.doc_id} & first
    )


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


def _reference(new: list[Signature], known_rows: list[Signature]) -> dict[str, str]:
    """Every pair compared in a plain loop, with the rules `assign` applies to its candidates:
    the array joins must find exactly what this finds."""

    everyone = [*known_rows, *new]
    limit = max(20, int(rules.MAX_ENTITY_DF * len(everyone)))
    counts = Counter(n for s in everyone for n in s.entities)
    rare = frozenset(n for s in new for n in s.entities if counts[n] <= limit)
    members = Counter(s.story_id for s in known_rows)
    seen: Counter[str] = Counter()
    pool = []
    for s in known_rows:
        seen[s.story_id] += 1
        if seen[s.story_id] <= rules.REPRESENTATIVES:
            pool.append(s)
    order = sorted(new, key=lambda s: (s.published is None, s.published or date.min, s.doc_id))
    result = {}
    for s in order:
        keys = set(rules.band_keys(s.values).tolist())
        candidates = [
            o for o in pool
            if keys & set(rules.band_keys(o.values).tolist())
            or len(s.entities & o.entities & rare) >= rules.MIN_SHARED_ENTITIES
        ]  # fmt: skip
        best, _ = rules._best(s, candidates, rare)
        s.story_id = best.story_id if best is not None else s.doc_id
        result[s.doc_id] = s.story_id
        members[s.story_id] += 1
        if members[s.story_id] <= rules.REPRESENTATIVES:
            pool.append(s)
    return result


def test_assignment_matches_a_plain_all_pairs_loop() -> None:
    rng = random.Random(7)
    words = [f"w{n}" for n in range(60)]
    names = [f"name {n}" for n in range(40)]
    texts = [" ".join(rng.choices(words, k=80)) for _ in range(12)]
    made = []
    for n in range(90):
        base = texts[n % len(texts)].split()
        edited = [w if rng.random() > 0.1 * (n % 4) else rng.choice(words) for w in base]
        day = None if n % 7 == 0 else date(2025, 1, 1 + n % 20)
        cast = set(rng.sample(names[(n % 3) * 10 : (n % 3) * 10 + 14], 7))
        made.append(sig(f"d{n:03}", " ".join(edited), cast, day))
    first, rest = made[:50], made[50:]
    for s, story in _reference(list(first), []).items():
        next(x for x in first if x.doc_id == s).story_id = story
    fresh = [Signature(s.doc_id, s.minhash, s.entities, s.published) for s in rest]
    expected = _reference(rest, first)
    assert assign(fresh, known(*first)) == expected
    joined = Counter("known" if story < "d050" else "batch" for story in expected.values())
    assert joined["known"] > 5 and joined["batch"] > 0  # both paths are exercised


def _docs(*rows: tuple[str, str, str]) -> pa.Table:
    return pa.table(
        {
            "doc_id": [d for d, _, _ in rows],
            "title": [f"title {d}" for d, _, _ in rows],
            "published": pa.array([date(2025, 4, 10)] * len(rows), pa.date32()),
            "story_id": [s for _, s, _ in rows],
            "body": [b for _, _, b in rows],
        }
    )


def _tables(docs: pa.Table, previous=None, changed=None, bodies: pa.Table | None = None):
    none = pa.array([], pa.string())
    bodies = docs if bodies is None else bodies
    return story_tables(
        docs.drop_columns(["body"]), bodies.select(["doc_id", "body"]),
        FIGURES.empty(),
        pa.table({"doc_id": none, "entity_id": none}),
        pa.table({"entity_id": none, "name": none, "label": none}),
        previous, changed,
    )  # fmt: skip


def test_story_tables_update_only_the_stories_that_changed() -> None:
    other = "Arsenal beat Chelsea at Highbury on Sunday in a match of many goals and more."
    before = _docs(
        ("a", "a", RELEASE), ("b", "a", "Breaking. " + RELEASE),
        ("c", "c", other), ("d", "c", other + " A late goal decided it."),
    )  # fmt: skip
    after = pa.concat_tables([before, _docs(("e", "c", "Report. " + other))])
    previous = _tables(before)
    changed = changed_stories(after.drop_columns(["body"]), previous.stories)
    assert changed == {"c"}
    assert previous.stories.to_pylist()[0]["doc_ids"] == ["a", "b"]
    # Only the changed story's bodies are given: the unchanged one's rows come from `previous`.
    only_changed = after.filter(pc.equal(after["story_id"], "c"))
    updated = _tables(after, previous, changed, bodies=only_changed)
    scratch = _tables(after)
    assert updated.reuse.equals(scratch.reuse)
    assert updated.stories.equals(scratch.stories)
    assert {(r["doc_id"], r["source_doc_id"]) for r in updated.reuse.to_pylist()} >= {
        ("a", "b"), ("b", "a"), ("e", "c"), ("e", "d"),
    }  # fmt: skip
