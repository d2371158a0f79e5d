"""Property tests: no text stage raises on arbitrary input, and cleaning accounts for every line."""

import unicodedata
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.clean import clean
from pipeline.clean.bylines import parse_byline, parse_date_publisher
from pipeline.errors import RejectedInput
from pipeline.formats import read_articles
from pipeline.formats.encoding import decode
from pipeline.normalize import CONTROL_CHARS, normalize_text

# Lines that look like articles' furniture as well as arbitrary Unicode.
FURNITURE = st.sampled_from(
    [
        "By Jane Roe",
        "Published",
        "Share",
        "Advertisement",
        "Defence Secretary John Healey (PA)",
        "Read more: Ministers meet",
        "12 comments",
        "© 2024 Example",
        "Home",
        "News",
        "Ministers from thirty nations met in Brussels on Thursday to agree on new support.",
        "“We will not stop,” she said.",
    ]
)
LINES = st.lists(st.one_of(FURNITURE, st.text(max_size=120)), max_size=25)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text())
def test_normalize_is_idempotent_nfc_and_clean(text: str) -> None:
    out = normalize_text(text)
    assert normalize_text(out) == out
    assert unicodedata.is_normalized("NFC", out)
    assert not CONTROL_CHARS.search(out)
    assert "\r" not in out and "\u00a0" not in out


@FAST
@given(st.binary(max_size=2000))
def test_decode_and_read_never_raise_anything_but_a_reject(data: bytes) -> None:
    for call in (lambda: decode(data), lambda: read_articles(data, "x.bin")):
        try:
            call()
        except RejectedInput as problem:
            assert problem.stage in {"read", "decode", "parse"} and problem.message


@FAST
@given(LINES)
def test_clean_accounts_for_every_line(lines: list[str]) -> None:
    """Nothing is lost: each input line is body, title, standfirst or a recorded removal."""
    text = normalize_text("\n".join(lines))
    cleaned = clean(text)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    paragraphs = [p for p in cleaned.body.split("\n\n") if p]
    # a paragraph is one input line, or consecutive lines of a hard-wrapped paragraph rejoined
    runs = {" ".join(lines[i:j]) for i in range(len(lines)) for j in range(i + 1, len(lines) + 1)}
    assert all(p in runs for p in paragraphs)
    accounted = Counter(word for p in paragraphs for word in p.split())
    for piece in [*(r.text for r in cleaned.removed), cleaned.title, cleaned.standfirst]:
        accounted.update((piece or "").split())
    assert accounted == Counter(word for line in lines for word in line.split())
    assert all(r.rule and r.kind for r in cleaned.removed)


@FAST
@given(LINES)
def test_clean_extracted_mode_never_guesses_structure(lines: list[str]) -> None:
    cleaned = clean(normalize_text("\n".join(lines)), extracted=True)
    assert {r.rule for r in cleaned.removed}.isdisjoint({"below_article", "above_headline"})


@FAST
@given(st.text(max_size=200))
def test_byline_parsers_never_raise(line: str) -> None:
    byline = parse_byline(line)
    if byline is not None:
        assert all(name.strip() for name in byline.names)
    parse_date_publisher(line)
