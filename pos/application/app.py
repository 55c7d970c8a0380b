"""``Application``: the facade, assembled from one part per area (each under ~200 lines)."""

from .archive import ArchiveMixin
from .at import AtMixin
from .at_credentials import AtCredentialsMixin
from .backoffice import BackOfficeMixin
from .backup import BackupMixin
from .cash import CashMixin
from .catalogue_admin import CatalogueAdminMixin
from .catalogue_csv import CatalogueCsvMixin
from .clock import ClockMixin
from .counter import CounterMixin
from .customers_admin import CustomersAdminMixin
from .dashboard import DashboardMixin
from .integrity import IntegrityMixin
from .journal import JournalMixin
from .mail import MailMixin
from .manual import ManualMixin
from .people import PeopleMixin
from .prints import PrintsMixin
from .reporting import ReportingMixin
from .saft import SaftMixin
from .selling import SellingMixin
from .settings_admin import SettingsAdminMixin
from .setup import SetupMixin
from .shop import ShopMixin
from .staff import StaffMixin
from .store_central import StoreCentralMixin
from .store_till import StoreTillMixin
from .transport import TransportMixin


class Application(ShopMixin, SellingMixin, PeopleMixin, CashMixin, ManualMixin, AtMixin,
                  IntegrityMixin, JournalMixin, BackupMixin, ClockMixin, ArchiveMixin,
                  SaftMixin, TransportMixin, StaffMixin, CatalogueAdminMixin,
                  CustomersAdminMixin, SettingsAdminMixin, SetupMixin, CatalogueCsvMixin,
                  AtCredentialsMixin, CounterMixin, PrintsMixin, ReportingMixin,
                  DashboardMixin, BackOfficeMixin, StoreCentralMixin, StoreTillMixin,
                  MailMixin):
    """See the package docstring; built by ``pos.bootstrap.open_app``."""
