"""Normalisation: NFC, plain spaces and newlines, curly quotes kept."""

from pipeline.normalize import normalize_text


def test_nfc_and_spaces() -> None:
    decomposed = "Se\u0301bastien\u00a0Lecornu\u202fsaid"
    assert normalize_text(decomposed) == "Sébastien Lecornu said"


def test_line_endings_and_blank_runs() -> None:
    assert normalize_text("a\r\nb\rc\u2028d\n\n\n\n e ") == "a\nb\nc\nd\n\ne"


def test_curly_quotes_are_kept_and_invisibles_dropped() -> None:
    assert normalize_text("“even\u200b more pressure” ‘x’\ufeff") == "“even more pressure” ‘x’"


def test_control_characters_removed_tabs_become_spaces() -> None:
    assert normalize_text("a\tb\x07c\x0bd") == "a bc d"
