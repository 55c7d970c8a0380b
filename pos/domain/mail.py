"""Outgoing e-mail: the shop's SMTP settings and the rules an address must follow.

A document is e-mailed through the outbox (kind ``email``): the cashier's request is a row
written in one transaction and the sender (sync.mail_sender) delivers it later, so nobody
waits for the network. Everything here is plain values and checks, one sentence each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ValidationError
from .text import first_refused

EMAIL_KIND = "email"              # the outbox kind of a document owed by e-mail
SECURITY = {"starttls": "STARTTLS (porta 587)", "tls": "TLS implícito (porta 465)",
            "none": "sem cifra (só numa rede local de confiança)"}
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
MAX_ADDRESS = 254                 # RFC 5321's limit on a forward path
_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$")
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")


def _shown(value: str) -> str:
    return value if len(value) <= 60 else value[:57] + "..."


def host_name(value: object, what: str = "servidor de e-mail") -> str:
    """A DNS name or an IPv4 address (no scheme, no port, no spaces)."""
    text = str(value or "").strip().lower()
    if not text:
        raise ValidationError(f"Indique o {what} (por exemplo smtp.exemplo.pt).")
    labels = text.rstrip(".").split(".")
    if len(text) > 253 or first_refused(text) is not None or \
            not all(_LABEL.match(label) for label in labels):
        raise ValidationError(f"Endereço do {what} inválido: {_shown(text)!r} (só o nome, "
                              "por exemplo smtp.exemplo.pt, sem http:// nem porta).")
    return text


def address(value: object) -> str:
    """An e-mail address one can deliver to: local@domain.tld, ASCII, no display name."""
    text = str(value or "").strip()
    if not text:
        raise ValidationError("Indique o endereço de e-mail.")
    local, at, domain = text.rpartition("@")
    ok = (at and len(text) <= MAX_ADDRESS and _LOCAL.match(local)
          and not local.startswith(".") and not local.endswith(".") and ".." not in local
          and "." in domain)
    if ok:
        try:
            host_name(domain)
        except ValidationError:
            ok = False
    if not ok:
        raise ValidationError(f"Endereço de e-mail inválido: {_shown(text)!r} (por exemplo "
                              "cliente@exemplo.pt).")
    return f"{local}@{domain.lower()}"


def masked(address_: str) -> str:
    """An address as the sealed journal keeps it: enough to recognise, not to reuse (the
    journal can never be erased; a customer's address must not live there whole)."""
    local, _, domain = address_.partition("@")
    return f"{local[:1]}***@{domain}"


def port(value: object) -> int:
    text = str(value if value is not None else "").strip()
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 65535:
        raise ValidationError(f"Porta do servidor de e-mail inválida: {_shown(text)!r} (um "
                              "número de 1 a 65535, normalmente 587, 465 ou 25).")
    return int(text)


def security(value: object) -> str:
    text = str(value or "").strip().lower()
    if text not in SECURITY:
        raise ValidationError(f"Segurança da ligação desconhecida: {_shown(text)!r} (use "
                              "starttls, tls ou none).")
    return text


def display_name(value: object) -> str:
    text = str(value or "").strip()
    if len(text) > 100 or first_refused(text) is not None or any(c in text for c in '"<>'):
        raise ValidationError("O nome do remetente tem de ter até 100 caracteres, sem aspas "
                              "nem < >.")
    return text


@dataclass(frozen=True)
class MailSettings:
    """What the back office shows: never the password."""

    host: str = ""
    port: int = 587
    security: str = "starttls"
    user: str = ""
    sender: str = ""
    sender_name: str = ""
    password_set: bool = False

    @property
    def configured(self) -> bool:
        return bool(self.host and self.sender)


@dataclass(frozen=True, repr=False)
class MailConnection:
    """For the sender only (sync.mail_sender): the settings with the password."""

    settings: MailSettings
    password: str = ""

    def __repr__(self) -> str:
        return f"MailConnection({self.settings.host}:{self.settings.port}, secrets hidden)"


def subject(doc_label: str, shop: str) -> str:
    return f"{doc_label} — {shop}"


def body(doc_label: str, shop: str, total: str, day: str) -> str:
    return (f"Bom dia,\n\nSegue em anexo, em PDF, o documento {doc_label} de {day}, no valor "
            f"de {total} €, emitido por {shop}.\n\nObrigado pela preferência.\n{shop}\n")
