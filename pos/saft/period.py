"""The period a SAF-T file covers: a fiscal year, a month of it, or a span inside one year."""

import calendar
from dataclasses import dataclass
from datetime import date

from pos.domain.errors import ValidationError
from pos.domain.text import shown


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def fiscal_year(self) -> int:
        return self.start.year

    def __str__(self) -> str:
        return f"{self.start.isoformat()} a {self.end.isoformat()}"


def _parse(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"Data {what} inválida: {shown(text)} (use AAAA-MM-DD).") from None


def period_for(today: date, year: int | None = None, month: int | None = None,
               start: str | date | None = None, end: str | date | None = None) -> Period:
    """--year [--month] or --from/--to; nothing given means the whole current year."""
    if start is not None or end is not None:
        if year is not None or month is not None:
            raise ValidationError("Use --year/--month ou --from/--to, não ambos.")
        if start is None or end is None:
            raise ValidationError("Indique --from e --to.")
        first = start if isinstance(start, date) else _parse(start, "inicial")
        last = end if isinstance(end, date) else _parse(end, "final")
        if last < first:
            raise ValidationError("A data final é anterior à inicial.")
        if first.year != last.year:
            # The header has one FiscalYear: a file never spans two years.
            raise ValidationError("O período de um SAF-T fica dentro de um só ano fiscal.")
        return Period(first, last)
    if year is None:     # --year 0 is a mistake to refuse, not "this year"
        year = today.year
    if not 2000 <= year <= 9999:
        raise ValidationError(f"Ano inválido: {year}.")
    if month is None:
        return Period(date(year, 1, 1), date(year, 12, 31))
    if not 1 <= month <= 12:
        raise ValidationError(f"Mês inválido: {month} (1 a 12).")
    return Period(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))
