"""What a manager reads about one duty: what happened, then what to do for that kind."""

from __future__ import annotations

from datetime import date

import pytest

from sync import errors as e
from sync import messages, payloads


def test_series_start_date_is_decided_on_the_day_it_is_sent():
    queued, sent = date(2026, 3, 14), date(2026, 3, 15)
    assert payloads.series_start_date(queued, sent) == sent          # queued before midnight
    assert payloads.series_start_date(None, sent) == sent
    assert payloads.series_start_date(date(2027, 1, 1), sent) == date(2027, 1, 1)  # planned


REFUSAL = e.rejected("comunicação de séries", 4003, "Campos com erros.")


@pytest.mark.parametrize("kind, label, says, must_not_say", [
    ("series_register", "série FS A1", ["registo da série FS A1", "não pode ser usada",
                                        "caixa queue retry 7", "caixa series register"],
     ["O documento", "fila de envios"]),
    ("series_finalize", "série FS A1", ["finalização da série FS A1", "já não é usada",
                                        "caixa queue retry 7"], ["O documento"]),
    ("invoice", "FS A/1", ["o documento FS A/1", "caixa queue retry 7"], ["série"]),
    ("invoice_status", "FS A/1", ["anulação de FS A/1", "já está anulado"], ["série"]),
    ("transport", "GT A/1", ["a guia GT A/1", "serviço telefónico"], ["série"]),
    ("transport_paper", "GT A/1", ["guia em papel GT A/1", "5.º dia útil"], ["série"]),
])
def test_a_refusal_names_the_duty_and_says_what_to_do(kind, label, says, must_not_say):
    text = messages.parked(kind, label, 7, REFUSAL)
    assert text.startswith("A AT recusou") and "(código 4003: Campos com erros)" in text
    assert all(s in text for s in says), text
    assert not any(s in text for s in must_not_say), text


def test_a_local_problem_is_not_called_a_refusal_by_at():
    err = e.Rejected("XSD", "O pedido não respeita o formato exigido pela AT (e-Fatura) e "
                            "não foi enviado: InvoiceNo.")
    text = messages.parked("invoice", "FS A/1", 3, err)
    assert not text.startswith("A AT recusou") and text.startswith("O pedido não respeita")
    assert "caixa queue retry 3" in text


def test_waiting_advice_depends_on_what_waits():
    err = e.unreachable("tempo limite esgotado")
    assert messages.retrying("invoice", err).endswith("não é preciso fazer nada.")
    assert "serviço telefónico" in messages.retrying("transport", err)
    assert "pré-impressos" in messages.retrying("series_register", err)
    assert all(messages.retrying(k, err).startswith("Sem resposta válida da AT (tempo limite")
               for k in ("invoice", "transport", "series_register"))
