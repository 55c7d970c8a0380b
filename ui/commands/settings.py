"""Shop settings commands: `caixa company show|edit|region`, `caixa payments`, `caixa
printer show|set|remove|test`, `caixa at show|login|certificates|clear` (AT credentials
kept by the shop; secrets from the terminal or an environment variable, never arguments)."""

from __future__ import annotations

import os

from .common import USER, app, dump_json


def _user(p) -> None:
    p.add_argument("--user", default=os.environ.get("CAIXA_USER") or "admin", type=USER,
                   help="quem faz a alteração (também CAIXA_USER)")


def register(sub) -> None:
    p = sub.add_parser("company", help="dados da empresa, região fiscal, língua")
    cs = p.add_subparsers(dest="company_command", metavar="AÇÃO", required=True)
    s = cs.add_parser("show")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_company_show)
    s = cs.add_parser("edit", help="muda os dados da empresa (o NIF só antes do 1.º "
                                   "documento)")
    for name in ("nif", "name", "business-name", "address", "city", "postal-code", "phone",
                 "email", "certificate-number", "language"):
        s.add_argument(f"--{name}")
    _user(s)
    s.set_defaults(func=cmd_company_edit)
    s = cs.add_parser("region", help="muda a região fiscal (PT, PT-AC, PT-MA): com as "
                                     "sessões de caixa fechadas; os documentos emitidos "
                                     "ficam como estão")
    s.add_argument("region")
    s.add_argument("--dry-run", action="store_true", help="só mostra o que muda")
    _user(s)
    s.set_defaults(func=cmd_company_region)

    p = sub.add_parser("payments", help="meios de pagamento das caixas")
    ps = p.add_subparsers(dest="payments_command", metavar="AÇÃO")
    p.set_defaults(func=cmd_payments_list, json=False)
    s = ps.add_parser("list")
    s.add_argument("--json", action="store_true")
    s.add_argument("--all", action="store_true", help="todos os que se podem escolher")
    s.set_defaults(func=cmd_payments_list)
    s = ps.add_parser("set", help="os meios oferecidos, pela ordem dos botões (NU obrigatório)")
    s.add_argument("codes", help="por exemplo NU,CD,MB")
    _user(s)
    s.set_defaults(func=cmd_payments_set)

    p = sub.add_parser("at", help="credenciais e certificados da AT guardados pela loja "
                                  "(segredos cifrados, nunca mostrados)")
    ats = p.add_subparsers(dest="at_command", metavar="AÇÃO", required=True)
    s = ats.add_parser("show")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_at_show)
    s = ats.add_parser("login", help="sub-utilizador NIF/N e senha (pedida no terminal)")
    s.add_argument("username")
    s.add_argument("--password-env", metavar="VARIÁVEL", help="lê a senha desta variável")
    s.add_argument("--environment", default="test", choices=("test", "production"))
    s.add_argument("--wsdl-dir", help="pasta com os três WSDL da AT")
    _user(s)
    s.set_defaults(func=cmd_at_login)
    s = ats.add_parser("certificates", help="certificado da chave pública da AT e/ou o "
                                            "certificado do cliente com a sua chave")
    s.add_argument("--at-cert", metavar="FICHEIRO", help="chave pública da AT (.cer/.pem)")
    s.add_argument("--client-cert", metavar="FICHEIRO")
    s.add_argument("--client-key", metavar="FICHEIRO")
    s.add_argument("--key-password-env", metavar="VARIÁVEL",
                   help="palavra-passe da chave, se cifrada")
    _user(s)
    s.set_defaults(func=cmd_at_certificates)
    s = ats.add_parser("clear", help="apaga as credenciais guardadas")
    _user(s)
    s.set_defaults(func=cmd_at_clear)

    p = sub.add_parser("printer", help="impressora de talões desta caixa")
    ps = p.add_subparsers(dest="printer_command", metavar="AÇÃO", required=True)
    s = ps.add_parser("show")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_printer_show)
    s = ps.add_parser("set", help="liga a impressora: tcp:ENDEREÇO[:PORTA], usb:VID:PID, "
                                  "serial:DISPOSITIVO, cups:NOME, win:NOME, file:CAMINHO")
    s.add_argument("connection")
    s.add_argument("--preset", default="generic-80")
    s.add_argument("--option", action="append", default=[], metavar="CHAVE=VALOR",
                   help="opção do perfil (qr_mode=native, columns=42…)")
    s.add_argument("--test", action="store_true", help="imprime logo uma página de teste")
    _user(s)
    s.set_defaults(func=cmd_printer_set)
    s = ps.add_parser("remove")
    _user(s)
    s.set_defaults(func=cmd_printer_remove)
    s = ps.add_parser("test", help="imprime uma página de teste na impressora desta caixa")
    s.add_argument("--drawer", action="store_true", help="abre também a gaveta")
    s.set_defaults(func=cmd_printer_test)


def cmd_company_show(args) -> int:
    a = app()
    c, lang = a.company(), a.language()
    if args.json:
        print(dump_json({**c.__dict__, "language": lang,
                         "establishments": a.establishments()}))
        return 0
    print(f"{c.name} ({c.business_name})" if c.business_name else c.name)
    print(f"NIF {c.nif}   região fiscal {c.tax_region}   certificado n.º "
          f"{c.certificate_number}/AT   língua {lang}")
    print(f"{c.address}, {c.postal_code} {c.city}")
    if c.phone or c.email:
        print("  ".join(x for x in (c.phone, c.email) if x))
    for e in a.establishments():
        print(f"Estabelecimento {e.code}: {e.name}  caixas {', '.join(e.tills) or '-'}")
    return 0


def cmd_company_edit(args) -> int:
    a = app()
    if args.language:
        a.set_language(args.language, user=args.user)
    c = a.update_company(nif=args.nif, name=args.name, business_name=args.business_name,
                         address=args.address, city=args.city, postal_code=args.postal_code,
                         phone=args.phone, email=args.email,
                         certificate_number=args.certificate_number, user=args.user)
    print(f"{c.name}, NIF {c.nif}: dados gravados.")
    return 0


def cmd_company_region(args) -> int:
    a = app()
    change = a.region_change_preview(args.region) if args.dry_run else \
        a.set_tax_region(args.region, user=args.user)
    verb = "passaria" if args.dry_run else "passou"
    print(f"Região fiscal {change.old} → {change.new}: a empresa {verb} a faturar com as "
          "taxas de IVA:")
    for code, old, new in change.rates:
        print(f"  {code}: {old.normalize():f}% → {new.normalize():f}%")
    print(f"{change.products} produto(s) mudam de taxa; os preços (com IVA) ficam iguais. "
          "Documentos já emitidos não mudam; notas de crédito sobre eles mantêm a taxa "
          "original.")
    return 0


def cmd_payments_list(args) -> int:
    a = app()
    methods = a.all_payment_methods() if getattr(args, "all", False) else a.payment_methods()
    if args.json:
        print(dump_json(methods))
        return 0
    for m in methods:
        print(f"{m.code}  {m.name}")
    return 0


def cmd_payments_set(args) -> int:
    methods = app().set_payment_methods(args.codes, user=args.user)
    print("Meios de pagamento: " + ", ".join(f"{m.code} ({m.name})" for m in methods))
    return 0


def cmd_printer_show(args) -> int:
    p = app().printer_settings()
    if args.json:
        print(dump_json(p.config() if p else None))
        return 0
    if p is None:
        print("Esta caixa não tem impressora configurada (caixa printer set …).")
        return 0
    options = " ".join(f"{k}={v}" for k, v in p.options)
    print(f"{p.connection}  perfil {p.preset}" + (f"  {options}" if options else ""))
    return 0


def _options(pairs: list[str]) -> dict:
    from pos.domain.errors import ValidationError

    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise ValidationError(f"Opção inválida: {pair!r} (use CHAVE=VALOR).")
        out[key.strip()] = value.strip()
    return out


def cmd_printer_set(args) -> int:
    a = app()
    p = a.set_printer(args.connection, args.preset, _options(args.option), user=args.user)
    print(f"Impressora desta caixa: {p.connection}, perfil {p.preset}.")
    return _test(a, False) if args.test else 0


def cmd_printer_remove(args) -> int:
    app().remove_printer(user=args.user)
    print("Impressora removida desta caixa.")
    return 0


def cmd_printer_test(args) -> int:
    return _test(app(), args.drawer)


def _test(a, drawer: bool) -> int:
    from pos.domain.errors import ValidationError
    from printing.service import PrintService

    p = a.printer_settings()
    if p is None:
        raise ValidationError("Esta caixa não tem impressora configurada (caixa printer "
                              "set …).")
    result = PrintService.from_config(p.config()).test_print(drawer)
    if not result.ok:
        raise ValidationError(f"A página de teste não foi impressa: {result.error}")
    print("Página de teste impressa." + "".join(f"\n{w}" for w in result.warnings))
    return 0


# ---- AT credentials -----------------------------------------------------------------------
def _secret(env_name: str | None, prompt: str) -> str:
    import getpass
    import sys

    from pos.domain.errors import ValidationError

    if env_name:
        value = os.environ.get(env_name, "")
        if not value:
            raise ValidationError(f"A variável {env_name} está vazia ou não existe.")
        return value
    if not sys.stdin.isatty():
        raise ValidationError(f"Indique {prompt} no terminal ou por uma variável de ambiente.")
    return getpass.getpass(f"{prompt[0].upper() + prompt[1:]}: ")


def _read(path: str | None) -> bytes | None:
    from pathlib import Path

    from pos.domain.errors import ValidationError

    if not path:
        return None
    try:
        return Path(path).expanduser().read_bytes()
    except OSError as exc:
        raise ValidationError(f"Não foi possível ler {path}: {exc.strerror or exc}.") from None


def cmd_at_show(args) -> int:
    info = app().at_credentials()
    if args.json:
        print(dump_json({**info.__dict__, "complete": info.complete}))
        return 0
    print(f"Sub-utilizador: {info.username or '-'}  ambiente {info.environment}  senha "
          f"{'guardada (cifrada)' if info.password_set else 'em falta'}")
    print(f"WSDL: {info.wsdl_dir or '-'}")
    for label, cert in (("Chave pública da AT", info.at_public_cert),
                        ("Certificado do cliente", info.client_cert)):
        print(f"{label}: " + (f"{cert.subject}, válido até {cert.not_after:%Y-%m-%d}"
                              if cert else "em falta"))
    print(f"Chave do certificado do cliente: "
          f"{'guardada (cifrada)' if info.client_key_set else 'em falta'}")
    print("Completo." if info.complete else "Incompleto: a caixa usa o [at] de caixa.toml, "
          "se o houver.")
    return 0


def cmd_at_login(args) -> int:
    password = _secret(args.password_env, "a senha do sub-utilizador AT")
    app().set_at_credentials(args.username, password, args.environment, args.wsdl_dir,
                             user=args.user)
    print(f"Credenciais AT de {args.username} guardadas (senha cifrada).")
    return 0


def cmd_at_certificates(args) -> int:
    password = os.environ.get(args.key_password_env, "").encode() \
        if args.key_password_env else None
    app().set_at_certificates(_read(args.at_cert), _read(args.client_cert),
                              _read(args.client_key), password or None, user=args.user)
    print("Certificados guardados (a chave privada cifrada).")
    return 0


def cmd_at_clear(args) -> int:
    app().clear_at_credentials(user=args.user)
    print("Credenciais AT apagadas.")
    return 0
