"""What every area of the back office shares: the application facade, the background
helper, and who signed in (with what their role may do)."""

from dataclasses import dataclass, field

from pos.application import Application

from ..workers import Worker


@dataclass
class Office:
    app: Application
    worker: Worker
    user: object | None = None                  # UserInfo of the person signed in
    rights: frozenset[str] = field(default_factory=frozenset)
    lang: str = "pt"

    @property
    def login(self) -> str:
        return self.user.login if self.user is not None else ""

    def may(self, action: str) -> bool:
        """Whether the person signed in may ``action`` (``pos.domain.roles.ACTIONS``); the
        screens grey out the rest, the facade refuses it anyway."""
        return action in self.rights
