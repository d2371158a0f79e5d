"""Encoding detection: each encoding real article folders bring, and bytes that are not text."""

import codecs

import pytest

from pipeline.errors import RejectedInput
from pipeline.formats.encoding import decode

SAMPLE = "Défense: “30 nations” met in Brussels – the minister’s plan costs €5bn, £4.5bn."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("utf-16"), "utf-16-le"),  # Python writes a little-endian BOM
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),  # no BOM: found by its NUL pattern
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), "utf-32-le"),
        (SAMPLE.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_each_encoding_exactly(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.text == SAMPLE
    assert decoded.encoding == encoding


def test_latin1_text_is_read_through_its_cp1252_superset() -> None:
    text = "Le café coûte £5 à Zürich, naïve façade."
    assert decode(text.encode("latin-1")).text == text


def test_non_western_single_byte_scripts_are_detected() -> None:
    russian = "Министр обороны заявил, что переговоры продолжатся в Брюсселе на следующей неделе."
    greek = "Ο υπουργός Άμυνας δήλωσε ότι οι συνομιλίες θα συνεχιστούν την επόμενη εβδομάδα."
    assert decode(russian.encode("cp1251")).text == russian
    assert decode(greek.encode("cp1253")).text == greek


def test_mixed_utf8_with_stray_cp1252_bytes_keeps_both() -> None:
    data = "Zelenskyy’s café ".encode() + "“pressure” – €5".encode("cp1252")
    decoded = decode(data)
    assert decoded.text == "Zelenskyy’s café “pressure” – €5"
    assert decoded.encoding == "utf-8+cp1252"


def test_undecodable_bytes_are_rejected_with_advice() -> None:
    with pytest.raises(RejectedInput) as err:
        decode(bytes(range(0x80, 0x100)) * 3)
    assert err.value.stage == "decode"
    assert "UTF-8" in err.value.message


def test_short_run_of_undefined_bytes_is_not_guessed_into_a_script() -> None:
    with pytest.raises(RejectedInput):
        decode(b"Hello \x81\x8d\x8f\x90\x9d world")


def test_binary_with_nul_bytes_is_rejected() -> None:
    with pytest.raises(RejectedInput) as err:
        decode(b"\x00\x01\x02\x03binary\x00\x00\xff\x10" * 20)
    assert "binary" in err.value.message


def test_broken_bytes_after_a_bom_are_rejected() -> None:
    with pytest.raises(RejectedInput) as err:
        decode(codecs.BOM_UTF8 + b"caf\xe9 \xff\xfe")
    assert "byte-order mark" in err.value.message
