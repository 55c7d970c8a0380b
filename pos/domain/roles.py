"""Roles, what each may do, and the rules for PINs and lock-out.

What a role may do is data: the defaults below, overlaid by the shop's own choices (table
``role_permissions``), and checked by the till and the back office through the facade
(``Application.may`` / ``Application.authorize``). The administrator's rights are fixed: a
shop can never lock every person out of its own back office.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .errors import ValidationError
from .money import to_decimal

ROLES = ("cashier", "supervisor", "manager", "admin")
ROLE_NAMES = {"cashier": "Operador de caixa", "supervisor": "Supervisor",
              "manager": "Gerente", "admin": "Administrador"}

# action -> what it means, as a manager reads it
ACTIONS: dict[str, str] = {
    "discount": "Dar descontos (até ao limite em %)",
    "price_change": "Alterar o preço de um artigo na venda",
    "void": "Anular linhas ou a venda em curso",
    "reprint": "Reimprimir documentos (2.ª via)",
    "drawer": "Abrir a gaveta sem venda",
    "credit_note": "Emitir notas de crédito (devoluções)",
    "cancel": "Anular documentos emitidos",
    "back_office": "Entrar no back office (catálogo, clientes, relatórios)",
    "users": "Gerir utilizadores, perfis e PINs",
    "settings": "Mudar a empresa, a região fiscal, as séries, a AT, as chaves e as impressoras",
}
LIMITED = ("discount",)          # actions that carry a limit (a percentage)

MAX_WRONG_PINS = 5               # wrong PINs in a row before the lock-out
LOCK_MINUTES = 15                # how long the lock-out lasts (a manager may lift it sooner)


@dataclass(frozen=True)
class Permission:
    action: str
    allowed: bool
    limit: Decimal | None = None      # discount: the largest % the role gives unasked

    @property
    def description(self) -> str:
        return ACTIONS[self.action]


def _p(action: str, allowed: bool, limit: str | None = None) -> Permission:
    return Permission(action, allowed, Decimal(limit) if limit is not None else None)


DEFAULTS: dict[str, dict[str, Permission]] = {
    "cashier": {p.action: p for p in (
        _p("discount", True, "5"), _p("price_change", False), _p("void", True),
        _p("reprint", True), _p("drawer", False), _p("credit_note", False),
        _p("cancel", False), _p("back_office", False), _p("users", False),
        _p("settings", False))},
    "supervisor": {p.action: p for p in (
        _p("discount", True, "20"), _p("price_change", True), _p("void", True),
        _p("reprint", True), _p("drawer", True), _p("credit_note", True),
        _p("cancel", False), _p("back_office", False), _p("users", False),
        _p("settings", False))},
    "manager": {p.action: p for p in (
        _p("discount", True, "100"), _p("price_change", True), _p("void", True),
        _p("reprint", True), _p("drawer", True), _p("credit_note", True),
        _p("cancel", True), _p("back_office", True), _p("users", False),
        _p("settings", False))},
    "admin": {a: _p(a, True, "100" if a in LIMITED else None) for a in ACTIONS},
}


def role(value: str) -> str:
    value = (value or "").strip().lower()
    aliases = {"administrator": "admin", "administrador": "admin", "gerente": "manager",
               "operador": "cashier", "caixa": "cashier"}
    value = aliases.get(value, value)
    if value not in ROLES:
        raise ValidationError(f"Perfil desconhecido: {value!r} (use cashier, supervisor, "
                              "manager ou admin).")
    return value


def action(value: str) -> str:
    if value not in ACTIONS:
        raise ValidationError(f"Ação desconhecida: {value!r} (use {', '.join(ACTIONS)}).")
    return value


def permission(action_: str, allowed: bool, limit: object = None) -> Permission:
    """A permission as a manager sets it: a discount's limit is a % from 0 to 100."""
    action(action_)
    if action_ in LIMITED:
        value = Decimal("0") if limit is None else to_decimal(limit, "limite")
        if not Decimal(0) <= value <= Decimal(100) or value != value.quantize(Decimal("0.01")):
            raise ValidationError("O limite de desconto é uma percentagem de 0 a 100 "
                                  "(até 2 casas decimais).")
        return Permission(action_, allowed and value > 0, value if allowed else Decimal(0))
    if limit is not None:
        raise ValidationError(f"A ação {action_} não tem limite.")
    return Permission(action_, bool(allowed))


def allows(p: Permission, amount: Decimal | None = None) -> bool:
    """Whether ``p`` covers the action (for a discount: ``amount`` % of the line)."""
    if not p.allowed:
        return False
    if p.limit is not None and amount is not None:
        return amount <= p.limit
    return True


def check_new_pin(pin: str) -> str:
    """A PIN a person chooses: 4 to 8 digits, not one repeated digit nor a run (1234)."""
    pin = (pin or "").strip()
    if not pin.isascii() or not pin.isdigit() or not 4 <= len(pin) <= 8:
        raise ValidationError("O PIN tem de ter 4 a 8 algarismos.")
    steps = {int(b) - int(a) for a, b in zip(pin, pin[1:], strict=False)}
    if len(set(pin)) == 1 or steps in ({1}, {-1}):
        raise ValidationError("Esse PIN é fácil de adivinhar (algarismos repetidos ou "
                              "seguidos): escolha outro.")
    return pin
