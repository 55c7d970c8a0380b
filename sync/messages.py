"""What the queue tells a manager about one duty: what happened, then what to do.

The same AT answer means different things for different duties: a guide the goods are
waiting for, a series the till cannot issue in until it is registered, an invoice that only
has to reach AT by day 5 of the next month. ``sync.errors`` says what happened (``reason``);
this module adds the advice for the kind of duty. Pure functions, no I/O.
"""

from __future__ import annotations

from . import errors as e

# What AT refused, naming the duty as a person would ("a anulação de FS A/3").
_REFUSED = {
    "invoice": "o documento {label}",
    "work": "o documento {label}",
    "invoice_status": "a anulação de {label}",
    "work_status": "a anulação de {label}",
    "transport": "a guia {label}",
    "transport_status": "a anulação da guia {label}",
    "transport_paper": "os dados completos da guia em papel {label}",
    "series_register": "o registo da {label}",
    "series_finalize": "a finalização da {label}",
    "series_cancel": "a anulação da {label}",
}

_RETRY = "caixa queue retry {id}"

# What a manager does about a refusal (parked: never resent on its own).
_PARKED_ADVICE = {
    "invoice": ("Fica retido e não é reenviado sozinho: corrija a causa indicada pela AT "
                "(dados da empresa, configuração) e reenvie com '" + _RETRY + "'."),
    "invoice_status": ("A anulação fica retida: nesta caixa o documento já está anulado. "
                       "Corrija a causa e reenvie com '" + _RETRY + "'."),
    "transport": ("Sem comunicação aceite a mercadoria não pode circular com esta guia: "
                  "corrija e reenvie com '" + _RETRY + "', ou comunique-a pelo serviço "
                  "telefónico da AT antes de o transporte começar."),
    "transport_status": ("A anulação fica retida: confirme no Portal das Finanças o estado "
                         "da guia e reenvie com '" + _RETRY + "'."),
    "transport_paper": ("Corrija e reenvie com '" + _RETRY + "', ou insira os dados da guia "
                        "no Portal das Finanças até ao 5.º dia útil após o telefonema."),
    "series_register": ("A série não pode ser usada enquanto não estiver registada: corrija e "
                        "reenvie com '" + _RETRY + "', ou registe outra com 'caixa series "
                        "register'. Entretanto use outra série registada ou os documentos "
                        "pré-impressos."),
    "series_close": ("Nesta caixa a série já não é usada. Confirme o estado dela no Portal "
                     "das Finanças e reenvie com '" + _RETRY + "'."),
}

# What a manager does while a duty waits for AT to answer (retried on its own).
_RETRY_ADVICE = {
    "invoice": "É repetido automaticamente; não é preciso fazer nada.",
    "transport": ("É repetido automaticamente. Se o transporte tiver de começar antes de a AT "
                  "responder, comunique a guia pelo serviço telefónico da AT."),
    "transport_paper": ("É repetido automaticamente; o prazo é o 5.º dia útil após o "
                        "telefonema (ou insira os dados no Portal das Finanças)."),
    "series_register": ("O registo fica na fila e é repetido automaticamente. Até lá a série "
                        "não pode ser usada: use outra série registada ou os documentos "
                        "pré-impressos."),
    "series_close": ("O pedido fica na fila e é repetido automaticamente; nesta caixa a série "
                     "já não é usada, não é preciso fazer nada."),
}


def _group(kind: str) -> str:
    if kind in ("work", "invoice"):
        return "invoice"
    if kind in ("work_status", "invoice_status"):
        return "invoice_status"
    if kind in ("series_finalize", "series_cancel"):
        return "series_close"
    return kind


def parked(kind: str, label: str, row_id: int, err: e.SyncError) -> str:
    """A refusal (or a duty this till cannot prepare): what happened and what to do."""
    advice = err.advice or _PARKED_ADVICE.get(_group(kind), _PARKED_ADVICE["invoice"]
                                              ).format(id=row_id)
    if err.at_message is not None and err.code not in (None, "LOCAL", "XSD"):
        what = _REFUSED.get(kind, "o envio {label}").format(label=label)
        return (f"A AT recusou {what} (código {err.code}: "
                f"{err.at_message.strip().rstrip('.')}). {advice}")
    return f"{err.reason} {advice}"


def retrying(kind: str, err: e.SyncError) -> str:
    """No usable answer yet: the duty is tried again; say whether anyone must act meanwhile."""
    return f"{err.reason} {_RETRY_ADVICE.get(_group(kind), _RETRY_ADVICE['invoice'])}"
