"""Print a committed document; never raise into the sale.

The sale is committed before anything is printed (ARCHITECTURE, the hot path). A printer
that is off, jammed or out of paper gives back a ``PrintResult`` with a sentence for the
cashier; the document is already safe in the database and can be printed again.

Only the first print of a document is the original; every later one is a marked copy
('2.ª via', '3.ª via', …), whatever asks for it (D8632 §2.2.15). The core decides: each print
is claimed through the ``PrintLog`` before anything is sent — the claim carries the number
the print shows, and is committed, so no copy can ever leave the printer unrecorded — and
finished after it: printed, failed (``NothingPrinted``: nothing reached the printer, the
number is free again and no reprint is recorded) or uncertain (an error once the job was
flowing: it may have come out).
"""

import logging
from dataclasses import dataclass
from typing import Protocol

from pos.domain.company import Issuer
from pos.domain.documents import Document
from pos.domain.errors import PosError

from .connections import Connection, printer_from_config
from .errors import NothingPrinted, PrinterError
from .layout import QR, Cut, Element, Feed, Separator, Text, copy_label
from .profile import Profile

log = logging.getLogger(__name__)

# The AT's own example payload (QRSPEC §5, fatura simplificada): a realistic test symbol.
TEST_QR = ("A:123456789*B:999999990*C:PT*D:FS*E:N*F:20190812*G:FS CDVF/12345*"
           "H:CDF7T5HD-12345*I1:PT*I7:0.65*I8:0.15*N:0.15*O:0.80*Q:YhGV*R:9999*S:NU;0.80")
PORTUGUESE_SAMPLE = "ç ã õ á é í ó ú à â ê ô € Ç Ã Õ Á É Ó Ú ª º"


class PrintLog(Protocol):
    """Implemented by the core (the application): records every print of a document."""

    def claim_print(self, document_no: str, user: str, reason: str = ""):
        """Claim the next print of ``document_no``: an object with ``id`` and ``number``
        (0: the original; n: the n-th copy after it, printed '(n+1).ª via'). Raise a
        PosError to refuse."""
        ...

    def finish_print(self, claim_id: int, outcome: str, detail: str = "") -> None:
        """'printed', 'failed' (nothing reached the printer) or 'uncertain'."""
        ...


@dataclass(frozen=True)
class PrintResult:
    ok: bool
    error: str | None = None      # one sentence for the cashier when not ok
    label: str = ""               # 'Original', 'Duplicado', '2.ª via'…
    copy: int = 0                 # the print's number (0: the original; n: a copy)
    bytes_sent: int = 0
    warnings: tuple[str, ...] = ()


def test_page(profile: Profile, description: str) -> list[Element]:
    cols = profile.columns
    out: list[Element] = [
        Text("Caixa - teste de impressão", "center", bold=True, height=2),
        Text(f"Perfil: {profile.name}"[:cols]),
        Text(f"Ligação: {description}"[:cols]),
        Text(f"Página de código: {profile.codepage}"[:cols]),
        Text(("1234567890" * 7)[:cols]),
        Separator(),
        Text("Português:"),
        Text(PORTUGUESE_SAMPLE[:cols]),
        Text("Negrito", bold=True),
        Text("Grande", width=2, height=2),
        Separator(),
    ]
    out += [Text(w[i:i + cols]) for w in profile.warnings for i in range(0, len(w), cols)]
    out += [Text(f"QR {'nativo' if profile.native_qr else 'imagem'} (>= "
                 f"{profile.qr_min_mm:g} mm):", "center"),
            Text("ATCUD:CDF7T5HD-12345", "center", bold=True), QR(TEST_QR), Feed(1), Cut()]
    return out


class PrintService:
    def __init__(self, profile: Profile, connection: Connection,
                 print_log: PrintLog | None = None):
        self.profile = profile.validate()
        self.connection = connection
        self.print_log = print_log

    @classmethod
    def from_config(cls, config: dict, print_log: PrintLog | None = None
                    ) -> "PrintService":
        profile, connection = printer_from_config(config)
        return cls(profile, connection, print_log)

    def render(self, doc: Document, issuer: Issuer, qr: str, copy: int = 0,
               reprint: bool = False, open_drawer: bool = False) -> bytes:
        from .escpos_render import render_receipt

        return render_receipt(doc, issuer, qr, self.profile, copy, reprint, open_drawer)

    def _send(self, data: bytes, label: str = "", copy: int = 0,
              warnings: tuple[str, ...] = ()) -> PrintResult:
        status = self.connection.send(data)
        if status.warning:
            warnings += (status.warning,)
        return PrintResult(True, None, label, copy, len(data), warnings)

    def _safely(self, what: str, action) -> PrintResult:
        try:
            return action()
        except PosError as exc:
            log.info("%s: %s", what, exc)      # expected: the caller shows the sentence
            return PrintResult(False, str(exc))
        except Exception as exc:   # the sale is committed: never let printing break it
            log.exception("%s failed", what)
            return PrintResult(False, f"Erro inesperado na impressão: {exc}.")

    def print_document(self, doc: Document, issuer: Issuer, qr: str, *, copy: bool = False,
                       user: str = "", reason: str = "", copies: int = 1,
                       open_drawer: bool = False) -> PrintResult:
        """Print a committed document: the original when it never came out (``copies`` 1–3:
        Original, Duplicado, Triplicado in one job, the drawer kick, if asked, after the
        last), else one marked copy — the print log decides, whatever ``copy`` says. A
        print that failed before anything reached the printer can simply be repeated.
        Without a print log only an original can be printed (``copy``: refused)."""
        def run() -> PrintResult:
            if not 1 <= copies <= 3:
                raise PrinterError("Número de exemplares: de 1 a 3.")
            if self.print_log is None:
                if copy:
                    raise PrinterError("Reimpressão indisponível: o registo de "
                                       "impressões não está ligado.")
                return self._send(self._job(doc, issuer, qr, 0, copies, open_drawer),
                                  copy_label(0))
            claim = self.print_log.claim_print(doc.document_no, user, reason)
            n = claim.number
            try:
                data = self._job(doc, issuer, qr, n, copies, open_drawer)
            except Exception as exc:         # nothing was sent: the number is free again
                self.print_log.finish_print(claim.id, "failed", str(exc))
                raise
            try:
                result = self._send(data, copy_label(n, n > 0), n)
            except NothingPrinted as exc:
                self.print_log.finish_print(claim.id, "failed", str(exc))
                raise
            except Exception as exc:
                self.print_log.finish_print(claim.id, "uncertain", str(exc))
                raise
            self.print_log.finish_print(claim.id, "printed", self.connection.description)
            return result
        return self._safely(f"print {doc.document_no}", run)

    def _job(self, doc: Document, issuer: Issuer, qr: str, number: int, copies: int,
             open_drawer: bool) -> bytes:
        """The bytes of a print numbered ``number``: the original set, or one copy."""
        if number > 0:
            return self.render(doc, issuer, qr, number, True, open_drawer)
        return b"".join(self.render(doc, issuer, qr, i, False, open_drawer and i == copies - 1)
                        for i in range(copies))

    def open_drawer(self) -> PrintResult:
        from .escpos_render import drawer_kick

        return self._safely("drawer", lambda: self._send(drawer_kick(self.profile)))

    def test_print(self, open_drawer: bool = False) -> PrintResult:
        from .escpos_render import render

        def run() -> PrintResult:
            data = render(test_page(self.profile, self.connection.description), self.profile,
                          open_drawer)
            return self._send(data, warnings=tuple(self.profile.warnings))
        return self._safely("test print", run)
