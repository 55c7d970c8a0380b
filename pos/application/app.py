"""``Application``: the facade, assembled from one part per area (each under ~200 lines)."""

from .archive import ArchiveMixin
from .at import AtMixin
from .backup import BackupMixin
from .cash import CashMixin
from .clock import ClockMixin
from .integrity import IntegrityMixin
from .journal import JournalMixin
from .manual import ManualMixin
from .people import PeopleMixin
from .saft import SaftMixin
from .selling import SellingMixin
from .shop import ShopMixin
from .transport import TransportMixin


class Application(ShopMixin, SellingMixin, PeopleMixin, CashMixin, ManualMixin, AtMixin,
                  IntegrityMixin, JournalMixin, BackupMixin, ClockMixin, ArchiveMixin,
                  SaftMixin, TransportMixin):
    """See the package docstring; built by ``pos.bootstrap.open_app``."""
