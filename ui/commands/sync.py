"""AT commands: the outbox queue, series with AT, and the AT sandbox.

``caixa queue [list|retry ID|drain|resume|resolve ID|saft-sent YYYY-MM]``,
``caixa series register|finalize|cancel|sync|plan`` (added to core's ``series`` command),
``caixa at-sandbox``. Heavy imports (zeep, the sandbox) happen inside the commands, so
``caixa`` still starts fast. Anything AT or the configuration refuses is a ``PosError``
(``sync.errors.SyncError`` is one): one sentence on stderr and exit code 2.
"""

import argparse

from pos.domain.errors import PosError
from pos.domain.text import shown

from .common import USER, app, day, dump_json, integer

OUTBOX_ID = integer(what="o número do envio")


class ATCommunicationError(PosError):
    """AT did not take what was sent (the report above says which)."""


def register(sub) -> None:
    p = sub.add_parser("queue", help="fila de envios para a AT (faturas, guias, séries)")
    p.set_defaults(func=cmd_queue_list, all=False, json=False)
    qs = p.add_subparsers(dest="queue_command", metavar="AÇÃO")
    q = qs.add_parser("list", help="estado da fila, prazos e envios por fazer (predefinido)")
    q.add_argument("--all", action="store_true", help="inclui os já enviados")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_queue_list)
    q = qs.add_parser("drain", help="envia agora tudo o que está devido")
    q.set_defaults(func=cmd_queue_drain)
    q = qs.add_parser("retry", help="volta a enviar um envio retido (recusado pela AT)")
    q.add_argument("id", type=OUTBOX_ID)
    q.add_argument("--user", default="admin", type=USER)
    q.set_defaults(func=cmd_queue_retry)
    q = qs.add_parser("resume", help="retoma os envios parados por erro de autenticação")
    q.add_argument("--user", default="admin", type=USER)
    q.set_defaults(func=cmd_queue_resume)
    q = qs.add_parser("resolve", help="guia que a AT já tinha: regista o código AT do Portal")
    q.add_argument("id", type=OUTBOX_ID)
    q.add_argument("--at-code", required=True)
    q.add_argument("--user", default="admin", type=USER)
    q.set_defaults(func=cmd_queue_resolve)
    q = qs.add_parser("saft-sent", help="o SAF-T do mês foi enviado (canal 'saft')")
    q.add_argument("month", help="AAAA-MM", type=_month)
    q.add_argument("--user", default="admin", type=USER)
    q.set_defaults(func=cmd_queue_saft)

    _series_commands(_series_subparsers(sub))

    from sync.sandbox.cli import parser as sandbox_parser
    p = sub.add_parser("at-sandbox", parents=[sandbox_parser(add_help=False)],
                       help="imitação local dos webservices da AT para testes (NÃO é a AT)")
    p.set_defaults(func=cmd_at_sandbox)


def _series_subparsers(sub):
    """core registers ``series list|add``; these AT actions join the same command."""
    parser = sub.choices.get("series") or sub.add_parser("series", help="séries documentais")
    for action in parser._actions:  # argparse keeps sub-parsers there, no public accessor
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest="series_command", required=True)


def _series_commands(ss) -> None:
    def target(s, kind=False):
        s.add_argument("--doc-type", required=True, type=str.upper)
        s.add_argument("--series", required=True)
        s.add_argument("--user", default="admin", type=USER)
        s.add_argument("--queue-only", action="store_true",
                       help="só põe na fila; o envio fica para o trabalhador da fila")
        if kind:
            s.add_argument("--kind", default="N", choices=["N", "R"], type=str.upper)
            s.add_argument("--first", type=integer(what="o primeiro número"), default=1,
                           help="primeiro número")
            s.add_argument("--start", type=day, default=None,
                           help="início previsto de utilização (AAAA-MM-DD; hoje)")

    s = ss.add_parser("register", help="regista uma série na AT (guarda o código de validação)")
    target(s, kind=True)
    s.set_defaults(func=cmd_series_register)
    s = ss.add_parser("finalize", help="finaliza uma série na AT com o último número usado")
    target(s)
    s.add_argument("--reason", default=None)
    s.set_defaults(func=cmd_series_finalize)
    s = ss.add_parser("cancel", help="anula na AT uma série sem documentos")
    target(s)
    s.set_defaults(func=cmd_series_cancel)
    s = ss.add_parser("sync", help="acerta códigos e estados com a lista de séries da AT")
    s.add_argument("--user", default="admin", type=USER)
    s.set_defaults(func=cmd_series_sync)
    s = ss.add_parser("plan", help="séries de que esta caixa vai precisar (ano e seguinte)")
    s.add_argument("--apply", action="store_true", help="regista/fecha-as já na AT")
    s.add_argument("--user", default="admin", type=USER)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_series_plan)


# ---- wiring ---------------------------------------------------------------------------------

def _config():
    from sync.link import default_config
    return default_config()


def _print_report(report) -> int:
    for row_id, label, o in report.outcomes:
        word = {"done": "enviado", "retry": "nova tentativa", "park": "RETIDO",
                "stop": "PARADO"}[o.action]
        extra = f" código AT {o.at_doc_code}" if o.at_doc_code else ""
        print(f"  [{row_id}] {label}: {word}{extra}" + (f" — {o.message}" if o.action != "done"
                                                       else ""))
    print(f"Enviados {report.done}, a repetir {report.retried}, retidos {report.parked}.")
    if report.stopped:
        raise ATCommunicationError(f"Envios parados: {report.stopped}")
    return 0


# ---- queue ----------------------------------------------------------------------------------

def _month(value: str) -> tuple[int, int]:
    """'2026-03' → (2026, 3); an argparse type, so a bad month is one sentence, exit 2."""
    head, sep, tail = value.strip().partition("-")
    if sep and len(head) == 4 and len(tail) == 2 and (head + tail).isascii() \
            and (head + tail).isdigit() and 2000 <= int(head) and 1 <= int(tail) <= 12:
        return int(head), int(tail)
    raise argparse.ArgumentTypeError(f"Mês inválido: {shown(value)} (use AAAA-MM, de 2000 em "
                                     "diante).")


_month.__name__ = "mês"


def cmd_queue_list(args) -> int:
    cfg = _config()
    t = app(at=True)
    status = t.queue_status()
    rows = t.queue_rows(include_done=args.all)
    series_warnings = t.series_warnings(cfg.doc_types, cfg.series_warn_days)
    if args.json:
        print(dump_json({"status": status, "oldest_age_seconds": (
            status.oldest_age.total_seconds() if status.oldest_age else None),
            "series_warnings": series_warnings, "rows": rows}))
        return 0
    age = status.oldest_age
    sending = ""
    if status.sending:
        sending = f", {status.sending} a enviar" + (
            f" ({status.interrupted} interrompido(s): retomados no próximo envio)"
            if status.interrupted else "")
    print(f"Fila AT ({'SAF-T mensal' if status.channel == 'saft' else 'webservice'}): "
          f"{status.pending} por enviar{sending}, {status.parked} retidos, "
          f"{status.done} enviados"
          + (f"; mais antigo há {_duration(age)}" if age else "")
          + (f"; próxima tentativa {status.next_attempt:%Y-%m-%d %H:%M:%S}"
             if status.next_attempt and status.pending else ""))
    if status.last_error:
        print(f"Último erro: {status.last_error}")
    for w in status.warnings:
        print(f"{'!!' if w.level == 'urgent' else ' !'} {w.text}")
    for text in series_warnings:
        print(f" ! {text}")
    for r in rows:
        print(f"{r.id:>6} {r.kind:<16} {r.status:<8} {r.subject:<24} tent. {r.attempts:<3}"
              + (f" prazo {r.deadline:%Y-%m-%d %H:%M}" if r.deadline else "")
              + (f"\n       {_holding(r)}" if r.status == "sending" else "")
              + (f"\n       {r.last_error}" if r.last_error and r.status != "done" else ""))
    return 0


def _holding(r) -> str:
    if r.holder_gone:
        return (f"interrompido: {r.holder} já não está a enviar; retomado no próximo envio "
                "(caixa queue drain)")
    return f"a ser enviado por {r.holder} (reserva até {r.next_attempt_at:%H:%M:%S})"


def _duration(delta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h {minutes % 60:02d} min"
    return f"{minutes // 1440} dias"


def cmd_queue_drain(args) -> int:
    t = app(at=True)
    try:
        report = t.drain_queue()
    finally:
        t.close()
    if report.retried:
        print("A AT não respondeu; o resto da fila fica para a próxima tentativa.")
    return _print_report(report)


def cmd_queue_retry(args) -> int:
    app().queue_retry(args.id, args.user)
    print(f"Envio {args.id} volta à fila (caixa queue drain para enviar já).")
    return 0


def cmd_queue_resume(args) -> int:
    resumed = app().queue_resume(args.user)
    print("Envios retomados." if resumed else "Os envios não estavam parados.")
    return 0


def cmd_queue_resolve(args) -> int:
    app().queue_resolve(args.id, args.at_code, args.user)
    print(f"Envio {args.id} fechado com o código AT {args.at_code.strip()}.")
    return 0


def cmd_queue_saft(args) -> int:
    year, month = args.month
    n = app().queue_confirm_saft(year, month, args.user)
    print(f"{n} envio(s) de {year}-{month:02d} dados como comunicados no SAF-T.")
    return 0


# ---- series ---------------------------------------------------------------------------------

def _queue_series(args, request) -> int:
    """Queue the series duty, then (unless --queue-only) send series duties right away."""
    from pos.services.outbox import SERIES_KINDS

    t = app(at=not args.queue_only)
    try:
        if not args.queue_only:
            t.require_at()        # configuration problems are reported before queueing
        row_id = request(t)
        if args.queue_only:
            print(f"Na fila de envios (n.º {row_id}).")
            return 0
        report = t.drain_queue(SERIES_KINDS)
    finally:
        t.close()
    mine = [o for rid, _, o in report.outcomes if rid == row_id]
    if not mine:
        print(f"Não enviado agora (n.º {row_id}); fica na fila e é enviado assim que possível.")
    _print_report(report)
    return _refused_exit(report, [row_id])


def _refused_exit(report, row_ids) -> int:
    """A series command did not do what it was asked when AT refused its own duty: say so
    on stderr and exit 2, like every other refusal (``caixa queue drain`` lists refusals
    as part of its normal report instead)."""
    refused = [o for rid, _, o in report.outcomes if rid in row_ids and o.action == "park"]
    if refused:
        raise ATCommunicationError(" ".join(o.message for o in refused))
    return 0


def cmd_series_register(args) -> int:
    return _queue_series(args, lambda t: t.request_series_registration(
        args.doc_type, args.series, args.user, kind=args.kind, first_number=args.first,
        start_date=args.start))


def cmd_series_finalize(args) -> int:
    return _queue_series(args, lambda t: t.request_series_finalize(
        args.doc_type, args.series, args.user, args.reason))


def cmd_series_cancel(args) -> int:
    return _queue_series(args, lambda t: t.request_series_cancel(
        args.doc_type, args.series, args.user))


def cmd_series_sync(args) -> int:
    from sync.clients import ATClients
    from sync.series_registry import ATSeriesRegistry

    cfg = _config()
    t = app()
    with ATClients(cfg.at_config()) as clients:
        remotes = ATSeriesRegistry(clients).query()
    changes = t.apply_series_sync(remotes, args.user)
    print("\n".join(changes) if changes else f"{len(remotes)} série(s) na AT; nada a mudar.")
    return 0


def cmd_series_plan(args) -> int:
    from pos.services.outbox import SERIES_KINDS

    cfg = _config()
    t = app(at=args.apply)
    items = t.series_plan(cfg.doc_types, cfg.recovery_doc_types, cfg.series_warn_days)
    if args.json and not args.apply:
        print(dump_json(items))
        return 0
    words = {"ok": "registada", "waiting": "à espera", "register": "A REGISTAR",
             "finalize": "A FINALIZAR", "cancel": "A ANULAR"}
    for i in items:
        print(f"{i.year} {i.doc_type} {i.kind} {i.series_id:<14} {words[i.action]}"
              + (f" (início {i.start_date})" if i.start_date else "")
              + (f" — {i.note}" if i.note else ""))
    todo = [i for i in items if i.action in ("register", "finalize", "cancel")]
    if not args.apply:
        print(f"{len(todo)} ação(ões) por fazer" + (": caixa series plan --apply" if todo
                                                    else "."))
        return 0
    if not todo:
        print("Nada a fazer.")
        return 0
    try:
        t.require_at()            # configuration problems are reported before queueing
        row_ids = t.apply_series_plan(todo, args.user)
        report = t.drain_queue(SERIES_KINDS)
    finally:
        t.close()
    _print_report(report)
    return _refused_exit(report, row_ids)


def cmd_at_sandbox(args) -> int:
    from sync.sandbox.cli import run
    return run(args)
