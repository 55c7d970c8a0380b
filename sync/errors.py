"""One family of errors for everything that talks to AT.

The outbox worker decides what to do from the class (or ``err.action``) alone:

================== ============ =====================================================
class              action       meaning
================== ============ =====================================================
TransportError     ``retry``    network, timeout, HTTP 5xx, reset, AT "try later"
AuthError          ``stop``     TLS refused, bad certificate, wrong password: every
                                further request would fail the same way, so stop
                                the queue until a manager fixes the configuration
ConfigurationError ``stop``     a file or setting on this till is missing or wrong
Rejected           ``park``     AT refused this one document (negative business code)
AlreadyRegistered  ``reconcile``AT already has it (e.g. after a timed-out send)
================== ============ =====================================================

``str(err)`` is a Portuguese sentence a manager can act on; ``err.detail`` carries the
technical cause (never the password) for the log.
"""

from __future__ import annotations

from pos.domain.at import PARK, RECONCILE, RETRY, STOP
from pos.domain.errors import PosError


class SyncError(PosError):
    """Base of every error raised by ``sync``: a ``PosError``, so every interface reports it
    like any other. ``str(err)`` is the message for a person."""

    action: str = STOP
    retryable: bool = False

    def __init__(
        self,
        message: str,
        *,
        code: int | str | None = None,
        at_message: str | None = None,
        detail: str | None = None,
        service: str | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.code = code
        self.at_message = at_message
        self.detail = detail
        self.service = service

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r})"


class TransportError(SyncError):
    """AT could not be reached or answered "try again later". Safe to retry with backoff."""

    action = RETRY
    retryable = True


class AuthError(SyncError):
    """AT refused who we are (certificate or credentials). Retrying cannot help."""

    action = STOP


class ConfigurationError(SyncError):
    """The AT settings on this till are incomplete or point at files that do not exist."""

    action = STOP


class Rejected(SyncError):
    """AT refused this document for a business reason; a manager must look at it."""

    action = PARK

    def __init__(self, code: int | str, message: str, **kw):
        super().__init__(message, code=code, **kw)


class AlreadyRegistered(SyncError):
    """AT already holds this document or series; reconcile instead of sending again."""

    action = RECONCILE

    def __init__(self, code: int | str, message: str, **kw):
        super().__init__(message, code=code, **kw)


# Messages are built here so the wording stays consistent across the three services.

def _sentence(text: str) -> str:
    return text.strip().rstrip(".")


def transport_message(what: str) -> str:
    return (f"Sem resposta válida da AT ({_sentence(what)}). O envio fica na fila e será "
            "repetido automaticamente; não é preciso fazer nada.")


def auth_message(what: str) -> str:
    return (f"A AT recusou a autenticação: {_sentence(what)}. Os envios ficam parados até "
            "corrigir em Configuração › AT (sub-utilizador, senha, certificados).")


def rejected_message(service: str, code: int | str, at_message: str) -> str:
    return f"A AT rejeitou o pedido ({service}, código {code}): {_sentence(at_message)}."


def already_message(service: str, code: int | str, at_message: str) -> str:
    return (f"A AT indica que já tem este registo ({service}, código {code}): "
            f"{_sentence(at_message)}. Confirme no Portal das Finanças; o registo será "
            "reconciliado, não reenviado.")
