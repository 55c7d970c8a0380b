"""Document series: identifier rules, kinds, and the ATCUD.

FISCAL-PT §4.2: identifier <= 35 chars of [A-Za-z0-9] and the separators . _ -, no separator
at either end and no two in a row; kinds N (normal), F (training), R (recovery);
status A (active), F (finalised), N (cancelled). §2: ATCUD = <validation code>-<number>.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime

from .doctypes import doc_type
from .errors import SeriesError, ValidationError
from .text import shown

_SERIES_RE = re.compile(r"^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$")
_VALIDATION_CODE_RE = re.compile(r"^[A-Z0-9]{8,}$")
MAX_VALIDATION_CODE = 70   # series.validation_code, typography_books.validation_code

KINDS = {"N": "Normal", "F": "Formação", "R": "Recuperação"}
STATUSES = {"A": "Ativa", "F": "Finalizada", "N": "Anulada"}


def validate_series_id(series_id: str) -> str:
    if not series_id or len(series_id) > 35 or not _SERIES_RE.match(series_id):
        raise ValidationError(
            f"Identificador de série inválido: {shown(series_id)}. Use até 35 letras ou "
            "algarismos, "
            "com '.', '_' ou '-' só entre eles.")
    return series_id


def validate_validation_code(code: str) -> str:
    code = code.strip().upper()
    if not _VALIDATION_CODE_RE.match(code) or len(code) > MAX_VALIDATION_CODE:
        raise ValidationError(
            f"Código de validação AT inválido: {shown(code)} (8 a {MAX_VALIDATION_CODE} letras "
            "ou algarismos).")
    return code


def atcud(validation_code: str, number: int) -> str:
    """The ATCUD of a number this program issued (no leading zeros to keep)."""
    return f"{validation_code}-{number}"


def sequence_text(document_no: str) -> str:
    """P195 art. 3.º n.º 3: the numeric characters right after the '/' of the number, as
    written. A pre-printed form's 'GT TIPG/00001' gives '00001', never '1'."""
    _, sep, seq = (document_no or "").rpartition("/")
    if not sep or not seq.isascii() or not seq.isdigit():
        raise ValidationError(f"Número de documento sem sequência numérica depois da '/': "
                              f"{document_no!r}.")
    return seq


def atcud_of(validation_code: str, document_no: str) -> str:
    """The ATCUD of any document number, including one written on a pre-printed form."""
    return f"{validation_code}-{sequence_text(document_no)}"


def document_number(type_code: str, series_id: str, number: int) -> str:
    """InvoiceNo / DocumentNumber: '<type> <series>/<number>'."""
    return f"{type_code} {series_id}/{number}"


@dataclass(frozen=True)
class SeriesState:
    """What issuing needs to know about a series, read under its lock."""

    series_id: str
    doc_type: str
    kind: str
    status: str
    validation_code: str | None
    last_number: int
    last_hash: str
    last_invoice_date: date | None
    last_system_entry: datetime | None

    def check_can_issue(self) -> None:
        doc_type(self.doc_type)
        if self.status != "A":
            raise SeriesError(
                f"A série {self.series_id} ({self.doc_type}) está "
                f"{STATUSES.get(self.status, self.status).lower()}: não pode emitir nela.")
        if not self.validation_code:
            raise SeriesError(
                f"A série {self.series_id} ({self.doc_type}) ainda não tem código de validação "
                "da AT. Comunique a série ou use os documentos pré-impressos.")

    @property
    def training(self) -> bool:
        return self.kind == "F"
