"""One family of errors whose messages a cashier or manager can act on."""


class PosError(Exception):
    """Base of every error Caixa reports to a person. ``str(err)`` is the message."""


class ValidationError(PosError):
    """Input that breaks a rule (bad NIF, negative price, overlong text...)."""


class NotFoundError(PosError):
    """Something named does not exist (product, document, series)."""


class SeriesError(PosError):
    """The series cannot be used to issue this document."""


class ClockError(PosError):
    """The system clock is behind the last issued document."""


class IntegrityError(PosError):
    """Stored fiscal data failed verification; issuing is blocked."""


class StateError(PosError):
    """The action is not allowed in the document's current state."""


class KeyError_(PosError):
    """The signing key is missing or cannot be opened."""
