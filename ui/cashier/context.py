"""What every page of the till needs: the application facade, the background helper, the
facts read once at start-up and who is signed in. Built once by ``ui/app.py``.

Pages call the facade only through ``worker`` (``Page.run``): never on the UI thread."""

from dataclasses import dataclass, field

from pos.application import Application
from pos.application.people import UserInfo
from pos.domain.company import Issuer
from pos.services.cash import SessionInfo

from ..workers import Worker

# SAF-T payment codes offered at the till, in button order (CAIXA_PAYMENTS overrides).
DEFAULT_METHODS = ("NU", "CD", "MB", "CC", "TB", "CH", "OU")


@dataclass
class Context:
    app: Application
    worker: Worker
    issuer: Issuer                # the shop as printed (changes only in set-up)
    training: bool = False
    till_name: str = ""
    methods: tuple[str, ...] = DEFAULT_METHODS
    user: UserInfo | None = None
    session: SessionInfo | None = None
    names: dict[str, str] = field(default_factory=dict)     # login -> name, for people

    def name(self, login: str) -> str:
        return self.names.get(login, login)

    @property
    def login(self) -> str:
        return self.user.login if self.user is not None else ""
