"""E-mail commands: ``caixa mail show|set|clear|test|document|send|queue|retry``.

The SMTP password is read from the terminal or an environment variable (never an
argument: it would show in the process list) and kept encrypted. ``caixa mail document``
only queues (as the till does); ``caixa mail send`` delivers what is due now, in this
process; a till delivers in the background.
"""

from __future__ import annotations

import os
import sys

from .common import USER, app, dump_json, integer


def _user(p) -> None:
    p.add_argument("--user", default=os.environ.get("CAIXA_USER") or "admin", type=USER,
                   help="quem faz a alteração (também CAIXA_USER)")


def register(sub) -> None:
    p = sub.add_parser("mail", help="envio de documentos por e-mail (servidor SMTP da loja, "
                                    "fila de envios)")
    ms = p.add_subparsers(dest="mail_command", metavar="AÇÃO", required=True)
    s = ms.add_parser("show", help="as definições de envio (a senha nunca é mostrada)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_show)
    s = ms.add_parser("set", help="servidor SMTP, porta, segurança, utilizador e remetente")
    s.add_argument("--host", required=True, help="por exemplo smtp.exemplo.pt")
    s.add_argument("--port", default=None, help="predefinida: 587 (starttls), 465 (tls), "
                                                "25 (none)")
    s.add_argument("--security", default="starttls", help="starttls, tls ou none")
    s.add_argument("--smtp-user", default="", help="utilizador no servidor (se pedir login)")
    s.add_argument("--password-env", metavar="VARIÁVEL",
                   help="lê a senha do servidor desta variável (sem ela, mantém a guardada)")
    s.add_argument("--ask-password", action="store_true", help="pede a senha no terminal")
    s.add_argument("--sender", required=True, help="endereço do remetente")
    s.add_argument("--sender-name", default="", help="nome do remetente (a loja)")
    _user(s)
    s.set_defaults(func=cmd_set)
    s = ms.add_parser("clear", help="apaga as definições de envio")
    _user(s)
    s.set_defaults(func=cmd_clear)
    s = ms.add_parser("test", help="envia já uma mensagem de teste")
    s.add_argument("to", help="endereço de destino")
    s.set_defaults(func=cmd_test)
    s = ms.add_parser("document", help="põe um documento na fila de envio por e-mail")
    s.add_argument("number", help='por exemplo "FS DEMO2026/1"')
    s.add_argument("to", help="endereço do cliente")
    _user(s)
    s.set_defaults(func=cmd_document)
    s = ms.add_parser("send", help="envia agora os e-mails em fila")
    s.set_defaults(func=cmd_send)
    s = ms.add_parser("queue", help="e-mails por enviar, recusados (e enviados com --all)")
    s.add_argument("--all", action="store_true")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_queue)
    s = ms.add_parser("retry", help="volta a tentar um e-mail recusado")
    s.add_argument("id", type=integer(what="o número do envio"))
    _user(s)
    s.set_defaults(func=cmd_retry)


def _app(sender: bool = False):
    a = app()
    if sender:
        from sync.mail_sender import MailLink

        a.mail_link = MailLink(a)
    return a


def cmd_show(args) -> int:
    s = _app().mail_settings()
    if args.json:
        print(dump_json({**s.__dict__, "configured": s.configured}))
        return 0
    if not s.configured:
        print("Envio de e-mail por configurar (caixa mail set --host ... --sender ...).")
        return 0
    print(f"Servidor: {s.host}:{s.port} ({s.security})  utilizador {s.user or '-'}  senha "
          f"{'guardada (cifrada)' if s.password_set else 'sem senha'}")
    print(f"Remetente: {s.sender_name + ' ' if s.sender_name else ''}<{s.sender}>")
    return 0


def _password(args) -> str | None:
    from pos.domain.errors import ValidationError

    if args.password_env:
        value = os.environ.get(args.password_env)
        if value is None:
            raise ValidationError(f"A variável {args.password_env} não existe.")
        return value
    if args.ask_password:
        import getpass

        if not sys.stdin.isatty():
            raise ValidationError("Indique a senha no terminal ou com --password-env.")
        return getpass.getpass("Senha do servidor de e-mail: ")
    return None


def cmd_set(args) -> int:
    s = _app().set_mail_settings(host=args.host, port=args.port, security=args.security,
                                 smtp_user=args.smtp_user, sender=args.sender,
                                 sender_name=args.sender_name, password=_password(args),
                                 user=args.user)
    print(f"Envio de e-mail por {s.host}:{s.port} ({s.security}), remetente {s.sender}.")
    return 0


def cmd_clear(args) -> int:
    _app().clear_mail_settings(user=args.user)
    print("Definições de envio de e-mail apagadas.")
    return 0


def cmd_test(args) -> int:
    reply = _app(sender=True).send_test_email(args.to)
    print(f"Mensagem de teste aceite pelo servidor ({reply}).")
    return 0


def cmd_document(args) -> int:
    row = _app().email_document(args.number, args.to, user=args.user)
    print(f"{args.number}: na fila de envio por e-mail (n.º {row}); 'caixa mail send' envia "
          "já.")
    return 0


def cmd_send(args) -> int:
    r = _app(sender=True).drain_mail()
    print(f"E-mails: {r.done} enviado(s), {r.retried} a repetir mais tarde, {r.parked} "
          "recusado(s).")
    for _row, label, outcome in r.outcomes:
        if outcome.action != "done":
            print(f"  {label}: {outcome.message}")
    return 0


def cmd_queue(args) -> int:
    rows = _app().mail_queue(include_done=args.all)
    if args.json:
        print(dump_json(rows))
        return 0
    if not rows:
        print("Nenhum e-mail em fila.")
    for r in rows:
        print(f"{r.id:>6} {r.status:<8} {r.document_no:<24} {r.to:<32} tent. {r.attempts}"
              + (f"  {r.last_error}" if r.last_error and r.status != "done" else ""))
    return 0


def cmd_retry(args) -> int:
    _app().mail_retry(args.id, user=args.user)
    print(f"O e-mail {args.id} volta a ser enviado ('caixa mail send' envia já).")
    return 0
