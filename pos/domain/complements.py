"""What an invoice says beyond its lines: when the supply happened, and for services on
contract what a telecom invoice carries.

- **Supply date** (CIVA art. 36.º n.º 5 f): the date the goods were delivered or the service
  done, when it differs from the invoice's; never after it (an invoice follows the supply;
  a service still to come is invoiced for its period).
- **Contract number** and the **period** the service covers: its end is the tax point
  (CIVA art. 7.º n.º 3: services with successive payments are done when each period ends).
- On a correcting document (NC, ND), its **purpose** (substitution of the document it
  corrects, a credit or a debit adjustment) and a **coded reason**.

They are kept with the document as JSON (``extra``, sealed with it), printed, and exported
where SAF-T has a field: the tax point as every line's TaxPointDate (P302 4.1.4.19.9), the
contract as OrderReferences/OriginatingON (4.1.4.19.2.1) — the same in the e-Fatura
communication's LineSummary. The period's start, the purpose and the coded reason have no
SAF-T field: they are recorded and printed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import ValidationError
from .extra import extra_mapping
from .text import check_text

MAX_CONTRACT = 60                 # SAF-T OriginatingON
DOCUMENTS = ("FT", "FR", "NC", "ND")
NOTES = ("NC", "ND")
PURPOSES = {
    "substitution": "Substituição do documento corrigido",
    "credit_adjustment": "Ajuste a crédito",
    "debit_adjustment": "Ajuste a débito",
}
PURPOSE_OF = {"NC": ("substitution", "credit_adjustment"), "ND": ("debit_adjustment",)}
REASONS = {
    "price_error": "Erro de preço",
    "customer_data": "Erro nos dados do cliente",
    "court_decision": "Decisão judicial",
    "tax_error": "Erro no imposto",
    "service_discontinued": "Serviço descontinuado",
}
_KEYS = ("supply_date", "contract", "period_start", "period_end", "purpose", "reason_code")


@dataclass(frozen=True)
class Complements:
    supply_date: date | None = None
    contract: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    purpose: str | None = None
    reason_code: str | None = None

    def __bool__(self) -> bool:
        return any(getattr(self, k) for k in _KEYS)

    def tax_point(self, invoice_date: date) -> date:
        """SAF-T TaxPointDate: the supply date, or the end of the service's period."""
        return self.supply_date or self.period_end or invoice_date

    def as_extra(self) -> dict[str, str]:
        out = {}
        for key in _KEYS:
            value = getattr(self, key)
            if value:
                out[key] = value.isoformat() if isinstance(value, date) else value
        return out

    def printed(self) -> list[tuple[str, str]]:
        """(label, value) as an invoice shows them."""
        out = []
        if self.supply_date:
            out.append(("Data de fornecimento", self.supply_date.isoformat()))
        if self.contract:
            out.append(("Contrato n.º", self.contract))
        if self.period_end:
            out.append(("Período", f"{self.period_start.isoformat()} a "
                                   f"{self.period_end.isoformat()}"))
        if self.purpose:
            out.append(("Finalidade", PURPOSES[self.purpose]))
        if self.reason_code:
            out.append(("Motivo", REASONS[self.reason_code]))
        return out

    @property
    def reason_text(self) -> str | None:
        return REASONS[self.reason_code] if self.reason_code else None


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def complements_of(extra: Mapping[str, Any] | str | None) -> Complements | None:
    """The complements kept with a document (its ``extra``), or None when there are none."""
    extra = extra_mapping(extra)
    if extra is None:
        return None
    c = Complements(_day(extra.get("supply_date")), extra.get("contract") or None,
                    _day(extra.get("period_start")), _day(extra.get("period_end")),
                    extra.get("purpose") if extra.get("purpose") in PURPOSES else None,
                    extra.get("reason_code") if extra.get("reason_code") in REASONS else None)
    return c or None


def _choice(value: str | None, choices: dict[str, str], what: str) -> str | None:
    if value is None or not str(value).strip():
        return None
    key = str(value).strip().lower().replace("-", "_")
    if key not in choices:
        listed = ", ".join(f"{k} ({v})" for k, v in choices.items())
        raise ValidationError(f"{what} desconhecido: {str(value)[:30]!r}. Use {listed}.")
    return key


def make_complements(supply_date: date | None = None, contract: str | None = None,
                     period_start: date | None = None, period_end: date | None = None,
                     purpose: str | None = None, reason_code: str | None = None
                     ) -> Complements:
    """The complements as typed, each checked on its own (``check`` weighs them against
    the document)."""
    contract = check_text(contract, "o número do contrato", MAX_CONTRACT,
                          required=False) or None
    if (period_start is None) != (period_end is None):
        raise ValidationError("O período do serviço tem início e fim (indique os dois).")
    if period_start is not None and period_end < period_start:
        raise ValidationError(f"O período do serviço acaba ({period_end.isoformat()}) antes "
                              f"de começar ({period_start.isoformat()}).")
    if supply_date is not None and period_end is not None:
        raise ValidationError("Indique a data de fornecimento ou o período do serviço, não "
                              "os dois: o fim do período é a data do fornecimento.")
    return Complements(supply_date, contract, period_start, period_end,
                       _choice(purpose, PURPOSES, "Finalidade"),
                       _choice(reason_code, REASONS, "Motivo"))


def check(c: Complements, doc_type: str, invoice_date: date) -> Complements | None:
    """``c`` for a ``doc_type`` dated ``invoice_date``, or a refusal; None when empty (a
    supply date equal to the invoice's says nothing)."""
    if c.supply_date == invoice_date:
        c = Complements(None, c.contract, c.period_start, c.period_end, c.purpose,
                        c.reason_code)
    if not c:
        return None
    if doc_type not in DOCUMENTS:
        raise ValidationError(f"Data de fornecimento, contrato e período registam-se em "
                              f"fatura (FT), fatura-recibo (FR) e notas de crédito e débito, "
                              f"não em {doc_type}: emita uma fatura.")
    if c.supply_date is not None and c.supply_date > invoice_date:
        raise ValidationError(
            f"A data de fornecimento ({c.supply_date.isoformat()}) não pode ser posterior à "
            f"da fatura ({invoice_date.isoformat()}); um serviço por prestar fatura-se com o "
            "seu período.")
    if (c.purpose or c.reason_code) and doc_type not in NOTES:
        raise ValidationError("Finalidade e motivo codificado são de um documento que "
                              "corrige outro (nota de crédito ou de débito).")
    if c.purpose and c.purpose not in PURPOSE_OF[doc_type]:
        allowed = ", ".join(f"{k} ({PURPOSES[k]})" for k in PURPOSE_OF[doc_type])
        note = "nota de crédito" if doc_type == "NC" else "nota de débito"
        raise ValidationError(f"Finalidade de uma {note}: {allowed}.")
    return c
