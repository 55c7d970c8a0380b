"""`caixa user list|add|edit|pin|unlock|roles|permit`: users, roles and what each may do.

PINs never go on the command line (they would stay in the shell's history and be visible
to other users in the process list): they are asked for on the terminal, or read from the
environment variable named by ``--pin-env``.
"""

from __future__ import annotations

import getpass
import os
import sys

from pos.domain.errors import ValidationError
from pos.domain.roles import ROLE_NAMES

from .common import app, dump_json


def register(sub, user_arg) -> None:
    p = sub.add_parser("user", help="utilizadores, perfis, PIN e permissões")
    us = p.add_subparsers(dest="user_command", metavar="AÇÃO", required=True)
    s = us.add_parser("list")
    s.add_argument("--all", action="store_true", help="também os desativados")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_list)
    s = us.add_parser("add", help="novo utilizador (o PIN é pedido no terminal)")
    s.add_argument("login")
    s.add_argument("name")
    s.add_argument("--role", default="cashier", help="cashier, supervisor, manager, admin")
    _pin_arg(s)
    user_arg(s)
    s.set_defaults(func=cmd_add)
    s = us.add_parser("edit", help="nome, perfil, ativo/desativado (o identificador fica)")
    s.add_argument("login")
    s.add_argument("--name")
    s.add_argument("--role")
    state = s.add_mutually_exclusive_group()
    state.add_argument("--active", action="store_true")
    state.add_argument("--inactive", action="store_true")
    user_arg(s)
    s.set_defaults(func=cmd_edit)
    s = us.add_parser("pin", help="muda o PIN de um utilizador")
    s.add_argument("login")
    _pin_arg(s)
    user_arg(s)
    s.set_defaults(func=cmd_pin)
    s = us.add_parser("unlock", help="desbloqueia depois de PIN errado repetido")
    s.add_argument("login")
    user_arg(s)
    s.set_defaults(func=cmd_unlock)
    s = us.add_parser("roles", help="o que cada perfil pode fazer")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_roles)
    s = us.add_parser("permit", help="muda o que um perfil pode fazer")
    s.add_argument("role")
    s.add_argument("action", help="discount, price_change, void, reprint, drawer, "
                                  "credit_note, cancel, back_office, users, settings")
    s.add_argument("allowed", choices=("yes", "no", "sim", "nao", "não"))
    s.add_argument("--limit", help="desconto máximo (%%) para 'discount'")
    user_arg(s)
    s.set_defaults(func=cmd_permit)


def _pin_arg(s) -> None:
    s.add_argument("--pin-env", metavar="VARIÁVEL",
                   help="lê o PIN desta variável de ambiente (sem terminal)")


def _pin(args) -> str:
    if args.pin_env:
        value = os.environ.get(args.pin_env, "")
        if not value:
            raise ValidationError(f"A variável {args.pin_env} (PIN) está vazia ou não existe.")
        return value
    if not sys.stdin.isatty():
        raise ValidationError("Indique o PIN no terminal, ou com --pin-env VARIÁVEL.")
    first = getpass.getpass("PIN: ")
    if getpass.getpass("Repita o PIN: ") != first:
        raise ValidationError("Os PIN não coincidem.")
    return first


def _row(m) -> str:
    state = "" if m.active else "  [desativado]"
    if m.locked_until is not None:
        state += f"  [bloqueado até {m.locked_until:%Y-%m-%d %H:%M}]"
    return f"{m.login:<20} {m.name[:40]:<40} {ROLE_NAMES.get(m.role, m.role)}{state}"


def cmd_list(args) -> int:
    people = app().staff(include_inactive=args.all)
    if args.json:
        print(dump_json(people))
        return 0
    for m in people:
        print(_row(m))
    return 0


def cmd_add(args) -> int:
    m = app().add_user(args.login, args.name, args.role, _pin(args), user=args.user)
    print(_row(m))
    return 0


def cmd_edit(args) -> int:
    active = True if args.active else (False if args.inactive else None)
    m = app().update_user(args.login, name=args.name, role=args.role, active=active,
                          user=args.user)
    print(_row(m))
    return 0


def cmd_pin(args) -> int:
    app().set_pin(args.login, _pin(args), user=args.user)
    print(f"PIN de {args.login} alterado.")
    return 0


def cmd_unlock(args) -> int:
    done = app().unlock_user(args.login, user=args.user)
    print(f"{args.login} desbloqueado." if done else f"{args.login} não estava bloqueado.")
    return 0


def cmd_roles(args) -> int:
    rights = app().role_rights()
    if args.json:
        print(dump_json(rights))
        return 0
    actions = [p.action for p in rights[0].permissions]
    print(f"{'':<14}" + "".join(f"{r.name[:12]:>14}" for r in rights))
    for action in actions:
        cells = []
        for r in rights:
            p = r.get(action)
            cells.append(f"{p.limit.normalize():f}%" if p.allowed and p.limit is not None
                          else "sim" if p.allowed else "-")
        print(f"{action:<14}" + "".join(f"{c:>14}" for c in cells))
    return 0


def cmd_permit(args) -> int:
    allowed = args.allowed in ("yes", "sim")
    p = app().set_permission(args.role, args.action, allowed, args.limit, user=args.user)
    print(f"{args.role}: {p.action} " + ("sim" if p.allowed else "não")
          + (f" (até {p.limit.normalize():f}%)" if p.limit is not None and p.allowed else ""))
    return 0
