"""Pre-printed (typography) documents and their recovery: the pure rules.

D8632 §2.4: a manual document is re-entered in a recovery series with HashControl
``<key>-<type>M <manual series>/<manual number>``; §2.5: a lost document is re-entered from its
paper duplicate with ``<key>-<type>D <original InvoiceNo>``. The SAF-T XSD pattern below is
what both must satisfy; checking it here catches a bad series before anything is signed.
"""

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from .doctypes import doc_type
from .errors import ValidationError
from .numbers import MAX_INT
from .text import check_text, shown

# SAFPTHashControl (FISCAL-PT §1.3); xs:pattern is anchored at both ends.
HASH_CONTROL_RE = re.compile(
    r"^(?:[0-9]+|[0-9]+[.][0-9]+|[0-9]+-[A-Z]{2}(?:M )(?:[^/^ ]+[/][0-9]+)"
    r"|[0-9]+-[A-Z]{2}(?:D )(?:[^ ]+ [^/^ ]+[/][0-9]+))$")
MAX_HASH_CONTROL = 70
MAX_MANUAL_SERIES = 35
# Room for '<key>-<type>M ' (at most 9 chars with a 3-digit key version) inside 70.
MAX_MANUAL_REF = MAX_HASH_CONTROL - 9
_MANUAL_SERIES_RE = re.compile(r"^[^/^\s]+$")
_INVOICE_NO_RE = re.compile(r"^([A-Z]{2}) ([^/^ ]+)/([0-9]+)$")

BOOK_STATUSES = {"stock": "em armazém", "in_use": "em uso", "closed": "fechado"}
# A book only moves forward: forms taken from stock, then the book is finished.
BOOK_TRANSITIONS = {"stock": ("in_use", "closed"), "in_use": ("closed",), "closed": ()}


def validate_manual_series(series: str) -> str:
    """The series printed on the form; the XSD forbids '/', '^' and spaces in it."""
    series = check_text(series, "a série manual", MAX_MANUAL_SERIES, required=False)
    if not _MANUAL_SERIES_RE.match(series):
        raise ValidationError(
            f"Série manual inválida: {shown(series)}. Escreva-a como no impresso, até "
            f"{MAX_MANUAL_SERIES} caracteres, sem espaços nem '/'.")
    return series


def parse_manual_number(text: str | int) -> tuple[str, int]:
    """The number as written on the form (leading zeros kept, as in D8632's 'abc/00001')."""
    raw = str(text).strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 25 or not 1 <= int(raw) <= MAX_INT:
        raise ValidationError(
            f"Número manual inválido: {shown(raw)}. Escreva só os algarismos do impresso "
            f"(por exemplo 00001), até {MAX_INT}.")
    return raw, int(raw)


def manual_ref(series: str, number_text: str) -> str:
    ref = f"{series}/{number_text}"
    if len(ref) > MAX_MANUAL_REF:
        raise ValidationError(f"Série e número manuais demasiado longos: {ref}.")
    return ref


def split_manual_ref(ref: str) -> tuple[str, int] | None:
    """('abc', 1) from 'abc/00001'; None when it is not a manual reference."""
    series, sep, number = ref.rpartition("/")
    if not sep or not series or not number.isdigit():
        return None
    return series, int(number)


def parse_invoice_no(text: str) -> tuple[str, str, int]:
    """'FT A2026/13' -> ('FT', 'A2026', 13): the original number on a paper duplicate."""
    text = " ".join(check_text(text, "o número do documento original", 60).split())
    head, _, rest = text.partition(" ")
    m = _INVOICE_NO_RE.match(f"{head.upper()} {rest}")
    if m is None or int(m.group(3)) < 1:
        raise ValidationError(
            f"Número do documento original inválido: {shown(text)}. Escreva-o como no "
            "duplicado, "
            "por exemplo 'FT A2026/13'.")
    doc_type(m.group(1))
    return m.group(1), m.group(2), int(m.group(3))


def recovery_hash_control(key_version: int, doc_type_code: str, ref: str,
                          duplicate: bool = False) -> str:
    """The HashControl the recovered document will carry, checked against the XSD."""
    value = f"{key_version}-{doc_type_code}{'D' if duplicate else 'M'} {ref}"
    check_hash_control(value)
    return value


def check_hash_control(value: str) -> None:
    if len(value) > MAX_HASH_CONTROL or not HASH_CONTROL_RE.match(value):
        raise ValidationError(f"HashControl fora do formato do SAF-T: {shown(value, 80)}.")


def check_range(first: int, last: int) -> None:
    if first < 1 or last < first:
        raise ValidationError(
            f"Numeração do livro inválida: {first} a {last} (o primeiro número é pelo menos 1 "
            "e não maior do que o último).")


def overlaps(a_first: int, a_last: int, b_first: int, b_last: int) -> bool:
    return a_first <= b_last and b_first <= a_last


def ranges(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    out: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def missing_ranges(first: int, last: int, accounted: Iterable[int]) -> list[tuple[int, int]]:
    """Numbers of first..last not in ``accounted``, as ranges (a book may be large)."""
    out, expect = [], first
    for lo, hi in ranges(n for n in accounted if first <= n <= last):
        if lo > expect:
            out.append((expect, lo - 1))
        expect = hi + 1
    if expect <= last:
        out.append((expect, last))
    return out


def format_ranges(spans: list[tuple[int, int]]) -> str:
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans) or "-"


def check_not_future(day: date, today: date, what: str = "documento") -> None:
    if day > today:
        raise ValidationError(f"A data do {what} ({day.isoformat()}) não pode ser futura.")


# ---- working days (transport on paper: full data in the Portal by the 5th working day) ----

def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month, day = divmod(h + l_ - 7 * m + 90, 25)
    return date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def national_holidays(year: int) -> set[date]:
    """Código do Trabalho art. 234.º. Municipal holidays and Carnival are not national, so a
    deadline computed without them can only come early, never late."""
    e = easter(year)
    days = {date(year, 1, 1), e - timedelta(days=2), e, date(year, 4, 25), date(year, 5, 1),
            date(year, 6, 10), date(year, 8, 15), date(year, 12, 8), date(year, 12, 25)}
    if not 2013 <= year <= 2015:   # suspended by Lei 23/2012 for those years
        days |= {e + timedelta(days=60), date(year, 10, 5), date(year, 11, 1),
                 date(year, 12, 1)}
    return days


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in national_holidays(day.year)


def working_day_after(day: date, n: int) -> date:
    """The n-th working day after ``day`` (``day`` itself does not count)."""
    while n > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            n -= 1
    return day


def end_of_day(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 23, 59, 59)
