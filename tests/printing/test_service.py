"""PrintService: never raises into the sale; every print claimed first, only the first the
original, later ones marked as copies; a print that never came out is not a reprint."""

from datetime import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from pyzbar.pyzbar import decode

from pos.domain.errors import StateError
from printing.connections import NetworkConnection, PrinterStatus
from printing.errors import NothingPrinted, PrinterError
from printing.profile import PRESETS, Profile
from printing.service import TEST_QR, PrintService

from .escpos_parse import raster_images, text_of, tokens


class MemoryPrintLog:
    """In-memory stand-in for the core's PrintLog: numbers as pos.services.prints does (a
    failed print frees its number, anything else keeps it)."""

    def __init__(self, refuse: str | None = None):
        self.claims: list[tuple[str, str, str, int]] = []
        self.outcomes: dict[int, tuple[str, str]] = {}
        self.refuse = refuse

    def claim_print(self, document_no: str, user: str, reason: str = ""):
        if self.refuse:
            raise StateError(self.refuse)
        taken = [n for i, (doc, _u, _r, n) in enumerate(self.claims)
                 if doc == document_no and self.outcomes.get(i, ("",))[0] != "failed"]
        number = max(taken) + 1 if taken else 0
        self.claims.append((document_no, user, reason, number))
        return SimpleNamespace(id=len(self.claims) - 1, number=number)

    def finish_print(self, claim_id: int, outcome: str, detail: str = "") -> None:
        assert claim_id not in self.outcomes
        self.outcomes[claim_id] = (outcome, detail)


class MemoryConnection:
    description = "memória"

    def __init__(self, fail: Exception | None = None, status=PrinterStatus()):
        self.jobs: list[bytes] = []
        self.fail, self.state = fail, status

    def send(self, data: bytes) -> PrinterStatus:
        if self.fail:
            raise self.fail
        self.jobs.append(data)
        return self.state

    def status(self) -> PrinterStatus:
        return self.state


def args(shop, key="FS"):
    return shop.docs[key], shop.issuer, shop.qr[key]


def test_print_to_a_network_printer(shop, fake_printer):
    printer = fake_printer()
    service = PrintService(Profile(), NetworkConnection("127.0.0.1", printer.port))
    result = service.print_document(*args(shop, "FT"))
    printer.wait()
    assert result.ok and result.error is None and result.label == "Original"
    assert printer.jobs == [service.render(*args(shop, "FT"))]
    assert result.bytes_sent == len(printer.jobs[0])


def test_printer_down_returns_an_error_and_the_sale_stays(shop_db, closed_port):
    from pos.bootstrap import open_app
    from pos.services.ports import FixedClock

    t = open_app(str(shop_db), clock=FixedClock(datetime(2026, 3, 14, 11, 0)))
    try:
        before = len(t.documents())
        doc = t.sell_items([("PAS01", 2)], payments=(("NU", Decimal("5")),))
        issuer = t.issuer()
        service = PrintService(Profile(), NetworkConnection("127.0.0.1", closed_port))
        result = service.print_document(doc, issuer, t.qr(doc, issuer), open_drawer=True)
        assert not result.ok
        assert result.error == (f"A impressora em 127.0.0.1:{closed_port} recusou a ligação: "
                                "está ligada e é a porta certa (normalmente 9100)?")
        assert t.document(doc.document_no) == doc        # the sale is committed and intact
        assert len(t.documents()) == before + 1
        assert t.verify().ok
    finally:
        t.close()


def test_unexpected_failure_is_caught(shop):
    service = PrintService(Profile(), MemoryConnection(fail=RuntimeError("boom")))
    result = service.print_document(*args(shop))
    assert not result.ok and result.error == "Erro inesperado na impressão: boom."


def test_only_the_first_print_is_the_original(shop):
    log = MemoryPrintLog()
    conn = MemoryConnection()
    service = PrintService(Profile(), conn, log)
    first = service.print_document(*args(shop), user="caixa1")
    second = service.print_document(*args(shop), user="gerente", reason="Cliente")
    third = service.print_document(*args(shop), copy=True, user="gerente", reason="Perdeu")
    assert [(r.ok, r.copy, r.label) for r in (first, second, third)] == [
        (True, 0, "Original"), (True, 1, "2.ª via"), (True, 2, "3.ª via")]
    assert [c[1:] for c in log.claims] == [("caixa1", "", 0), ("gerente", "Cliente", 1),
                                           ("gerente", "Perdeu", 2)]
    assert [o for o, _ in log.outcomes.values()] == ["printed"] * 3
    assert "Original" in text_of(conn.jobs[0])
    assert "2.ª via" in text_of(conn.jobs[1]) and "Original" not in text_of(conn.jobs[1])
    assert "3.ª via".encode("cp858") in conn.jobs[2]


def test_a_print_that_never_reached_the_printer_frees_its_number(shop):
    log = MemoryPrintLog()
    down = MemoryConnection(fail=NothingPrinted("A impressora recusou a ligação."))
    result = PrintService(Profile(), down, log).print_document(*args(shop), copy=True)
    assert (result.ok, result.error) == (False, "A impressora recusou a ligação.")
    assert log.outcomes == {0: ("failed", "A impressora recusou a ligação.")}
    up = MemoryConnection()
    again = PrintService(Profile(), up, log).print_document(*args(shop))
    assert (again.copy, again.label) == (0, "Original")     # nothing came out before


def test_a_print_broken_while_sending_counts_as_printed(shop):
    log = MemoryPrintLog()
    broken = MemoryConnection(fail=PrinterError("A ligação à impressora caiu."))
    assert not PrintService(Profile(), broken, log).print_document(*args(shop)).ok
    assert log.outcomes == {0: ("uncertain", "A ligação à impressora caiu.")}
    again = PrintService(Profile(), MemoryConnection(), log).print_document(*args(shop))
    assert (again.copy, again.label) == (1, "2.ª via")      # it may have come out


def test_reprint_refused_or_unrecorded_prints_nothing(shop):
    conn = MemoryConnection()
    refused = PrintService(Profile(), conn, MemoryPrintLog(refuse="Sem permissão."))
    result = refused.print_document(*args(shop), copy=True)
    assert (result.ok, result.error) == (False, "Sem permissão.")
    unlogged = PrintService(Profile(), conn).print_document(*args(shop), copy=True)
    assert not unlogged.ok and "registo de impressões" in unlogged.error
    assert conn.jobs == []


def test_original_and_duplicate_in_one_job_with_the_drawer_last(shop):
    conn = MemoryConnection()
    result = PrintService(Profile(), conn).print_document(*args(shop, "FT"), copies=2,
                                                          open_drawer=True)
    assert result.ok
    [job] = conn.jobs
    toks = tokens(job)
    assert toks.count(("ESC @",)) == 2
    assert [t for t in toks if t[0] == "ESC p"] == [("ESC p", 0, 50, 50)]
    assert toks[-1] == ("ESC p", 0, 50, 50)
    text = text_of(job)
    assert text.index("Original") < text.index("Duplicado")
    assert not PrintService(Profile(), conn).print_document(*args(shop), copies=4).ok


def test_low_paper_warning_is_passed_on(shop):
    conn = MemoryConnection(status=PrinterStatus(paper="low"))
    result = PrintService(Profile(), conn).print_document(*args(shop))
    assert result.ok and result.warnings == ("O papel da impressora está a acabar.",)


def test_open_drawer(shop):
    conn = MemoryConnection()
    assert PrintService(Profile(drawer_pin=5), conn).open_drawer().ok
    assert tokens(conn.jobs[0])[-1] == ("ESC p", 1, 50, 50)


@pytest.mark.parametrize("profile", [Profile(), PRESETS["generic-58"]], ids=lambda p: p.name)
def test_test_print(profile):
    conn = MemoryConnection()
    result = PrintService(profile, conn).test_print()
    assert result.ok
    text = text_of(conn.jobs[0])
    assert "ç ã õ á é í ó ú à â ê ô €" in text and "memória" in text
    assert decode(raster_images(conn.jobs[0])[0])[0].data.decode() == TEST_QR
    if not profile.cutter:
        assert any("guilhotina" in w for w in result.warnings)


def test_from_config(tmp_path):
    service = PrintService.from_config({"connection": f"file:{tmp_path / 'x.bin'}",
                                        "profile": {"preset": "generic-58"}})
    assert service.profile.columns == 32
    assert service.test_print().ok and (tmp_path / "x.bin").stat().st_size > 1000
