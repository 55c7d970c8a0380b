"""`caixa init` for a real shop: from a set-up file (``--from shop.toml``), or asked step by
step in the terminal. Both go through the facade's set-up steps and its one commit, so a
refused or interrupted set-up leaves no shop."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from pos.domain.errors import PosError, ValidationError
from pos.domain.setup import KeyChoice, ShopPlan

from .common import app


def run(args) -> int:
    a = app(require_setup=False, at=True)
    try:
        if a.is_configured():
            raise ValidationError("Esta base de dados já está configurada: a configuração "
                                  "inicial só se faz uma vez.")
        if args.from_file:
            plan = a.setup_plan_from_file(args.from_file)
        elif sys.stdin.isatty():
            plan = ask(a)
        else:
            raise ValidationError("Indique o ficheiro de configuração (caixa init --from "
                                  "loja.toml; exemplo em docs/shop.example.toml) ou use "
                                  "'caixa init --demo' para a loja de demonstração.")
        result = a.setup_commit(plan)
        report(a, plan, result)
    finally:
        a.close()
    return 0


def report(a, plan: ShopPlan, result) -> None:
    from pos.services.outbox import SERIES_KINDS

    c = plan.company
    print(f"Loja {c.name} (NIF {c.nif}, região {c.tax_region}) criada em "
          f"{a.db.url.removeprefix('sqlite:///')}: caixa {result.till.code}, administrador "
          f"{plan.admin.login}.")
    print(f"Chave de assinatura versão {result.key_version}. Entregue a chave pública à AT "
          "(Modelo 24): caixa keys public > chave-publica.txt")
    status = result.status
    if result.queued:
        try:
            drained = a.drain_queue(SERIES_KINDS)
            print(f"Séries registadas na AT: {drained.done}; a repetir: {drained.retried}; "
                  f"recusadas: {drained.parked}" + (f" ({drained.stopped})"
                                                    if drained.stopped else "") + ".")
        except PosError as exc:
            print(f"As séries ficaram na fila para a AT: {exc}")
        status = a.setup_status()
    if status.able_to_sell:
        print("Pronta a vender.")
    else:
        print("Ainda não vende: " + " ".join(status.missing))


# ---- asked in the terminal ------------------------------------------------------------
def _ask(prompt: str, check, default: str = "", secret: bool = False):
    """Ask until ``check`` accepts the answer; its sentence explains each refusal."""
    while True:
        shown = f"{prompt} [{default}]: " if default else f"{prompt}: "
        try:
            answer = getpass.getpass(shown) if secret else input(shown)
        except EOFError:
            raise ValidationError("Configuração interrompida: nada foi gravado.") from None
        answer = answer.strip() or default
        try:
            return check(answer)
        except PosError as exc:
            print(f"  {exc}")


def ask(a) -> ShopPlan:
    print("Configuração de uma loja nova (Ctrl+C a qualquer momento: nada é gravado).")
    from pos.domain import fields
    from pos.domain import setup as steps

    nif = _ask("NIF da empresa", lambda v: a.setup_company(
        v, "Empresa", "Morada", "Localidade", "1000-001").nif)
    name = _ask("Nome da empresa", lambda v: fields.text(v, "O nome da empresa", 100,
                                                         min_len=2))
    address = _ask("Morada", lambda v: fields.text(v, "A morada da empresa", 200))
    city = _ask("Localidade", lambda v: fields.text(v, "A localidade da empresa", 50))
    postal = _ask("Código postal (1234-567)", fields.postal_code)
    region = _ask("Região fiscal (PT, PT-AC, PT-MA)", steps.tax_region, "PT")
    cert = _ask("N.º do certificado do programa (AT)", steps.certificate_number, "0000")
    company = a.setup_company(nif, name, address, city, postal, region, cert)
    till = _ask("Código da caixa", lambda v: a.setup_till(v, f"Caixa {v}"), "CX1")
    login = _ask("Administrador: identificador", lambda v: a.setup_admin(v, "Nome", "4826")
                 .login, "admin")
    name = _ask("Administrador: nome", lambda v: a.setup_admin(login, v, "4826").name)
    pin = _ask("Administrador: PIN (4 a 8 algarismos)",
               lambda v: a.setup_admin(login, name, v).pin, secret=True)
    _ask("Repita o PIN", lambda v: _same(v, pin), secret=True)
    admin = a.setup_admin(login, name, pin)
    key = _ask("Chave de assinatura: Enter para gerar uma nova, ou o ficheiro PEM a importar",
               lambda v: KeyChoice() if v == "gerar" else _import(a, v), "gerar")
    payments = _ask("Meios de pagamento (NU, CD, MB, CC, TB, CH, OU)",
                    a.setup_payments, "NU,CD,MB")
    printer = _ask("Impressora (tcp:ENDEREÇO, usb:VID:PID, … ; Enter: nenhuma)",
                   lambda v: None if v == "nenhuma" else a.setup_printer(v), "nenhuma")
    series_id = _ask("Identificador das séries", lambda v: v, f"{till.code}-"
                     f"{a.clock.now().year}")
    items = []
    for doc_type in ("FS", "FR", "FT", "NC"):
        code = _ask(f"Código de validação AT da série {doc_type} {series_id} (Enter: registar "
                    "por webservice)", lambda v, t=doc_type: _item(a, t, series_id, v), "")
        items.append(code)
    series = a.setup_series(items)
    return ShopPlan(company, admin, series, till=till, key=key, payments=payments,
                    printer=printer)


def _same(value: str, pin: str) -> str:
    if value != pin:
        raise ValidationError("Os PIN não coincidem.")
    return value


def _import(a, path: str) -> KeyChoice:
    try:
        pem = Path(path).expanduser().read_bytes()
    except OSError as exc:
        raise ValidationError(f"Não foi possível ler {path}: {exc.strerror or exc}.") from None
    password = getpass.getpass("Palavra-passe da chave (Enter se não tem): ").encode() or None
    return a.setup_key(pem, password)


def _item(a, doc_type: str, series_id: str, code: str):
    from pos.domain import setup as steps

    item = steps.series_item(doc_type, series_id, code or None)
    if item.validation_code is None:
        a.require_at()
    return item
