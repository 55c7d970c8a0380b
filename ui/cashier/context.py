"""What every page of the till needs: the services, the ports, the background helper and who
is signed in. Built once by ``ui/app.py``."""

from dataclasses import dataclass, field

from pos.domain.company import Issuer
from pos.services.cash import CashDesk, SessionInfo
from pos.services.desk import Desk, UserInfo
from pos.services.till import Till

from ..ports import AtPort, PrinterPort
from ..workers import Worker

# SAF-T payment codes offered at the till, in button order (CAIXA_PAYMENTS overrides).
DEFAULT_METHODS = ("NU", "CD", "MB", "CC", "TB", "CH", "OU")


@dataclass
class Context:
    till: Till
    desk: Desk
    cash: CashDesk
    printer: PrinterPort
    at: AtPort
    worker: Worker
    methods: tuple[str, ...] = DEFAULT_METHODS
    user: UserInfo | None = None
    session: SessionInfo | None = None
    training: bool = False
    till_name: str = ""
    _issuer: Issuer | None = field(default=None, repr=False)

    def issuer(self) -> Issuer:
        """The shop as printed; read once (it changes only in setup)."""
        if self._issuer is None:
            self._issuer = self.till.issuer()
        return self._issuer
