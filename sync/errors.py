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
    like any other. ``str(err)`` is the message for a person.

    ``reason`` is the first part of that message, what happened, without the advice: the
    outbox (``sync.messages``) adds the advice that fits the duty (a guide, a series...).
    ``advice`` is set when the raiser knows better than a generic line what to do.
    """

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
        reason: str | None = None,
        advice: str | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.code = code
        self.at_message = at_message
        self.detail = detail
        self.service = service
        self.reason = reason or message
        self.advice = advice

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


# Errors are built here so the wording stays consistent across the three services. Each
# message is "what happened" (``reason``) followed by a generic "what to do"; the outbox
# replaces the second part with advice for the kind of duty (sync.messages).

def _sentence(text: str) -> str:
    return text.strip().rstrip(".")


def unreachable(what: str, **kw) -> TransportError:
    """No usable answer (network, timeout, unreadable reply)."""
    reason = f"Sem resposta válida da AT ({_sentence(what)})."
    return TransportError(f"{reason} O envio fica na fila e é repetido automaticamente; não "
                          "é preciso fazer nada.", reason=reason, **kw)


def server_failed(label: str, status: int | str | None, what: str = "", **kw) -> TransportError:
    """AT's own server failed (HTTP 5xx, an error page, ``S:Server`` fault, -99)."""
    how = f"HTTP {status}" if isinstance(status, int) else (status or "erro interno")
    reason = (f"O servidor da AT ({label}) falhou ({how}"
              + (f": {_sentence(what)}" if what else "") + "). A falha é da AT, não desta "
              "caixa.")
    return TransportError(f"{reason} O envio fica na fila e é repetido automaticamente mais "
                          "tarde; não é preciso fazer nada.", reason=reason, **kw)


def auth_failed(what: str, **kw) -> AuthError:
    message = (f"A AT recusou a autenticação: {_sentence(what)}. Os envios ficam parados até "
               "corrigir em Configuração › AT (sub-utilizador, senha, certificados).")
    return AuthError(message, **kw)


def rejected(label: str, code: int | str, at_message: str, **kw) -> Rejected:
    # What happened only: whether anything waits for a manager depends on the caller (a
    # queued duty gets its advice from sync.messages; a request made on the spot, none).
    reason = f"A AT recusou o pedido ({label}, código {code}): {_sentence(at_message)}."
    return Rejected(code, reason, at_message=at_message, reason=reason, **kw)


def already(label: str, code: int | str, at_message: str, **kw) -> AlreadyRegistered:
    reason = (f"A AT indica que já tem este registo ({label}, código {code}): "
              f"{_sentence(at_message)}.")
    return AlreadyRegistered(code, f"{reason} Confirme no Portal das Finanças; o registo é "
                                   "reconciliado, não reenviado.", at_message=at_message,
                             reason=reason, **kw)
