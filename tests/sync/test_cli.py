"""``caixa queue``, ``caixa series`` (AT actions) and ``caixa at-sandbox``, run in-process
(fixtures ``caixa`` and ``configured``: conftest.py)."""

from __future__ import annotations

import json


def test_queue_list_drain_and_json(configured, live_app, sandbox):
    live_app.sell_items([("PAO01", 1)], "FS")
    live_app.sell_items([("PAO02", 1)], "FS")
    code, out, _ = configured("queue")
    assert code == 0 and "2 por enviar" in out and "FS L2026/1" in out
    code, out, _ = configured("queue", "drain")
    assert code == 0 and "Enviados 2, a repetir 0, retidos 0." in out
    code, out, _ = configured("queue", "list", "--all", "--json")
    data = json.loads(out)
    assert data["status"]["done"] == 2 and [r["status"] for r in data["rows"]] == ["done"] * 2
    assert sandbox.accepted_count("invoices", "FS L2026/2") == 1


def test_wrong_password_is_one_clear_error_and_stops_the_queue(configured, live_app, sandbox,
                                                              monkeypatch):
    live_app.sell_items([("PAO01", 1)], "FS")
    monkeypatch.setenv("CAIXA_AT_PASSWORD", "errada")
    code, out, err = configured("queue", "drain")
    assert code == 2 and "autenticação" in err and "Traceback" not in err
    code, out, err = configured("queue", "drain")             # not retried while stopped
    assert code == 2 and "queue resume" in err and len(sandbox.received) == 1
    code, out, _ = configured("queue")
    assert "!! Envios para a AT parados" in out
    monkeypatch.delenv("CAIXA_AT_PASSWORD")
    assert configured("queue", "resume")[0] == 0
    assert "Enviados 1" in configured("queue", "drain")[1]


def test_parked_retry_and_resolve(configured, live_app, live_clock, sandbox):
    from datetime import timedelta

    from pos.domain.documents import cart_line
    from pos.services.issuing import IssueRequest

    live_app.sell_items([("PAO01", 1)], "FS")
    sandbox.inject("reject", service="invoices", code=-7, message="Valores anómalos")
    code, out, _ = configured("queue", "drain")
    assert code == 0 and "RETIDO" in out and "Valores anómalos" in out
    assert "1 retidos" in configured("queue")[1]
    assert configured("queue", "retry", "1")[0] == 0
    assert "Enviados 1" in configured("queue", "drain")[1]
    code, _, err = configured("queue", "retry", "1")
    assert code == 2 and "não está retido" in err

    live_app.sell(IssueRequest("GT", (cart_line(live_app.product("MER01"), 1),),
                               movement_start=live_clock.now() + timedelta(hours=5)))
    code, out, _ = configured("queue", "resolve", "2", "--at-code", "FROMPORTAL1")
    assert code == 0 and "FROMPORTAL1" in out
    assert live_app.document("GT L2026/1").at_doc_code == "FROMPORTAL1"


def test_missing_configuration_is_reported_without_stopping(caixa, live_app):
    live_app.sell_items([("PAO01", 1)], "FS")
    code, _, err = caixa("queue", "drain")
    assert code == 2 and "não está configurada" in err
    assert "parados" not in caixa("queue")[1]


def test_saft_channel(caixa, live_app, tmp_path, monkeypatch):
    path = tmp_path / "saft.toml"
    path.write_text('[queue]\ninvoice_channel = "saft"\n')
    monkeypatch.setenv("CAIXA_CONFIG", str(path))
    doc = live_app.sell_items([("PAO01", 1)], "FS")
    code, out, _ = caixa("queue")
    assert "SAF-T mensal" in out
    month = f"{doc.invoice_date:%Y-%m}"
    code, out, _ = caixa("queue", "saft-sent", month)
    assert code == 0 and out.startswith("1 envio(s)")
    assert caixa("queue", "saft-sent", "2026-13")[0] == 2


def test_series_register_plan_finalize_cancel_sync(configured, live_app, sandbox):
    code, out, _ = configured("series", "register", "--doc-type", "FT", "--series", "CX7N2026")
    assert code == 0 and "Enviados 1" in out
    at = sandbox.services["series"].series[("599999993", "FT", "CX7N2026")]
    code, out, _ = configured("series", "list")
    assert f"CX7N2026             tipo N estado A código {at['codValidacaoSerie']}" in out
    code, out, _ = configured("series", "plan")
    assert code == 0 and "A REGISTAR" in out and "--apply" in out
    code, out, _ = configured("series", "plan", "--apply")
    assert code == 0 and "retidos 0" in out
    assert "Nada a fazer" in configured("series", "plan", "--apply")[1]
    live_app.sell_items([("PAO01", 1)], "FT", series_id="CX7N2026")
    assert configured("series", "finalize", "--doc-type", "FT", "--series", "CX7N2026")[0] == 0
    assert at["estado"] == "F"
    code, _, err = configured("series", "cancel", "--doc-type", "FT", "--series", "CX7N2026")
    assert code == 2 and "já tem documentos" in err
    code, out, _ = configured("series", "sync")
    assert code == 0 and out.strip().endswith("nada a mudar.")


def test_series_register_offline_is_queued(configured, sandbox):
    sandbox.stop()
    code, out, _ = configured("series", "register", "--doc-type", "FS", "--series", "OFF1")
    assert code == 0 and "pré-impressos" in out and "fica na fila" in out


def test_at_sandbox_command_says_it_is_not_at(caixa, tmp_path, wsdl_dir, pki):
    import shutil
    shutil.copytree(pki.directory, tmp_path / "sb" / "pki")
    code, out, _ = caixa("at-sandbox", "--dir", str(tmp_path / "sb"), "--wsdl-dir",
                         str(wsdl_dir), "--port", "0", "--exit-after", "0")
    assert code == 0 and "THIS IS NOT AT" in out and "CAIXA_AT_SERIES_URL" in out


def test_an_at_rejection_is_one_sentence_and_exit_2(configured, sandbox):
    sandbox.inject("reject", service="series", operation="consultarSeries", code=4020,
                   message="Pedido inválido")
    code, out, err = configured("series", "sync")
    assert code == 2 and out == "" and "Traceback" not in err
    assert err.startswith("caixa: A AT recusou o pedido (") and err.count("\n") == 1
    assert "código 4020" in err and "Pedido inválido" in err


def test_a_refused_request_made_on_the_spot_does_not_say_a_document_is_held(configured,
                                                                          sandbox):
    # ``series sync`` asks AT directly: nothing is queued, so nothing waits for a manager.
    sandbox.inject("reject", service="series", operation="consultarSeries", code=4020,
                   message="Pedido inválido")
    code, _, err = configured("series", "sync")
    assert code == 2 and "Pedido inválido" in err
    assert "retido" not in err and "reenviar" not in err


def test_with_two_tills_the_queue_commands_act_for_the_chosen_one(caixa, live_app, other_till,
                                                                  monkeypatch):
    live_app.sell_items([("PAO01", 1)], "FS")
    theirs = other_till.sell_items([("PAO01", 1)], "FS")
    code, _, err = caixa("queue")
    assert code == 2 and "várias caixas" in err and "Traceback" not in err
    monkeypatch.setenv("CAIXA_TILL", "CX2")
    code, out, _ = caixa("queue")
    assert code == 0 and "1 por enviar" in out and theirs.document_no in out
    assert "L2026" not in out
    monkeypatch.delenv("CAIXA_TILL")
    code, out, err = caixa("--till", "CX2", "queue")      # what the error above tells you
    assert code == 0 and theirs.document_no in out and "L2026" not in out, err
def test_series_register_refused_by_at_exits_2_and_says_what_to_do(configured, sandbox):
    sandbox.inject("reject", service="series", code=4003,
                   message="Não foi possível registar a Série. [numInicialSeq]")
    code, out, err = configured("series", "register", "--doc-type", "PF", "--series", "BAD1")
    assert code == 2 and "Traceback" not in err
    assert "A AT recusou o registo da série PF BAD1 (código 4003" in err
    assert "caixa queue retry 1" in err and "pré-impressos" in err
    assert "O documento" not in err + out and "na fila de envios" not in err + out
    code, out, _ = configured("queue")
    assert "registo recusado pela AT" in out and "1 retidos" in out
    assert "à espera de registo" not in out and "na fila de envios" not in out
    assert configured("queue", "retry", "1")[0] == 0
    code, out, _ = configured("queue", "drain")
    assert code == 0 and "Enviados 1" in out
    assert sandbox.services["series"].series[("599999993", "PF", "BAD1")]["estado"] == "A"


def test_http_500_with_a_plain_text_body_reads_as_ats_server_failing(configured, live_app,
                                                                      sandbox):
    live_app.sell_items([("PAO01", 1)], "FS")
    sandbox.inject("http500", service="invoices", body=b"Internal Server Error",
                   content_type="text/xml")
    code, out, err = configured("queue", "drain")
    assert code == 0 and "nova tentativa" in out
    assert "O servidor da AT (e-Fatura) falhou (HTTP 500)" in out
    assert "AttributeError" not in out + err and "inesperado" not in out
