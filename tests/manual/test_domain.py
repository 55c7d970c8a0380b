"""The pure rules: HashControl against the XSD pattern, numbers, ranges, working days."""

from datetime import date
from pathlib import Path

import pytest

from pos.domain import manual as m
from pos.domain.errors import ValidationError


def test_hash_control_pattern_is_the_xsd_one(shared_at: Path):
    """Our regex must be the XSD's: read the pattern from the schema itself."""
    from lxml import etree
    xsd = etree.parse(str(shared_at / "SAFTPT1.04_01.xsd"))
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    (pattern,) = xsd.xpath("//xs:simpleType[@name='SAFPTHashControl']//xs:pattern/@value",
                           namespaces=ns)
    import re
    xsd_re = re.compile(f"^(?:{pattern})$")
    for value in ("1", "9999.1", "1-FTM abc/00001", "2-GTM gt/1", "1-FTD XY 2013A/00099",
                  "1-FSD FS A2026/3"):
        assert xsd_re.match(value) and m.HASH_CONTROL_RE.match(value), value
    for value in ("1-FTM a b/1", "1-FTM abc/1x", "1-FTM abc", "1-FtM abc/1", "1-FTD A2026/3",
                  "Não certificado"):
        assert not xsd_re.match(value) and not m.HASH_CONTROL_RE.match(value), value


def test_examples_of_d8632():
    assert m.recovery_hash_control(1, "FT", m.manual_ref("abc", "00001")) == "1-FTM abc/00001"
    assert m.recovery_hash_control(1, "FT", "XY 2013A/00099", duplicate=True) == \
        "1-FTD XY 2013A/00099"
    with pytest.raises(ValidationError):
        m.recovery_hash_control(1, "FT", "a" * 70)


def test_issuing_builds_the_same_hash_control():
    from pos.domain.signature import hash_control
    assert hash_control(1, "abc/00001", None, "FT") == "1-FTM abc/00001"
    assert hash_control(1, None, "XY 2013A/00099", "FT") == "1-FTD XY 2013A/00099"


@pytest.mark.parametrize("text, expected", [("00001", ("00001", 1)), (" 7 ", ("7", 7)),
                                            (12, ("12", 12))])
def test_manual_number_keeps_what_was_written(text, expected):
    assert m.parse_manual_number(text) == expected


@pytest.mark.parametrize("text", ["0", "000", "", "1a", "-1", "١٢", "1" * 26])
def test_manual_number_refused(text):
    with pytest.raises(ValidationError):
        m.parse_manual_number(text)


def test_manual_series():
    assert m.validate_manual_series(" FT-A.2021 ") == "FT-A.2021"
    for bad in ("a b", "a/b", "a^b", "", "x" * 36):
        with pytest.raises(ValidationError):
            m.validate_manual_series(bad)


def test_refs_and_invoice_numbers():
    assert m.split_manual_ref("abc/00012") == ("abc", 12)
    assert m.split_manual_ref("abc") is None
    assert m.parse_invoice_no("fs  A2026/3") == ("FS", "A2026", 3)
    for bad in ("A2026/3", "FS A2026/0", "FS A 2026/3", "ZZ A/1"):
        with pytest.raises(ValidationError):
            m.parse_invoice_no(bad)


def test_missing_ranges():
    assert m.missing_ranges(1, 10, [3, 4, 9, 12]) == [(1, 2), (5, 8), (10, 10)]
    assert m.missing_ranges(5, 6, [5, 6]) == []
    assert m.missing_ranges(1, 10**6, [1]) == [(2, 10**6)]       # big books stay cheap
    assert m.format_ranges([(1, 2), (5, 5)]) == "1-2, 5"
    assert m.format_ranges([]) == "-"


def test_working_days():
    assert m.easter(2026) == date(2026, 4, 5)
    assert m.easter(2027) == date(2027, 3, 28)
    assert date(2026, 6, 4) in m.national_holidays(2026)          # Corpo de Deus
    assert date(2014, 6, 19) not in m.national_holidays(2014)     # suspended 2013-2015
    assert not m.is_working_day(date(2026, 12, 8))
    assert m.working_day_after(date(2026, 12, 23), 5) == date(2026, 12, 31)


def test_atcud_keeps_the_digits_after_the_slash():
    """P195 art. 3.º n.º 3: the sequence is the characters after '/', zeros included."""
    from pos.domain.series import atcud, atcud_of, sequence_text
    assert atcud_of("MANGT001", "GT TIPG/00001") == "MANGT001-00001"
    assert atcud_of("CSDF7T5H", "FT AB2019/0035") == "CSDF7T5H-0035"     # QRSPEC example
    assert atcud_of("ABCD1234", "FS A2026/17") == atcud("ABCD1234", 17)
    assert sequence_text("GT gt/0001") == "0001"
    for bad in ("GT TIPG", "GT TIPG/", "GT TIPG/1a", "GT TIPG/١"):
        with pytest.raises(ValidationError, match="sequência"):
            sequence_text(bad)
