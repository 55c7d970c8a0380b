"""A real shop's first run, written in one unit of work, and whether a shop can sell.

``create`` writes the whole ``ShopPlan`` (company, establishment, till, first administrator,
settings, printer, series, signing key) in the unit it is given: either all of it is
committed or nothing is, so a set-up abandoned or refused halfway leaves no shop. Series
to register with AT are created without their code and queued (``series_register``); the
shop sells in them once AT's code has come back (``status`` says what it is waiting for).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from pos.domain.errors import ValidationError
from pos.domain.setup import ShopPlan
from pos.persistence.models import Company, Series, SigningKey, User
from pos.persistence.uow import TillRef, UnitOfWork

from . import at_series, series_admin, shop_admin, staff, tills
from .keys import KeyService, PreparedKey


@dataclass(frozen=True)
class SetupStatus:
    configured: bool              # a company exists
    able_to_sell: bool            # this till can issue a sale now
    missing: tuple[str, ...]      # what stands in the way, one sentence each


def is_configured(uow: UnitOfWork) -> bool:
    return uow.session.get(Company, 1) is not None


def create(uow: UnitOfWork, plan: ShopPlan, now: datetime, keys: KeyService,
           key: PreparedKey) -> tuple[TillRef, int, list[int]]:
    """Write ``plan`` in ``uow`` (which must be committed by the caller, or rolled back);
    the till, the signing key's version and the queued series registrations."""
    s = uow.session
    if is_configured(uow):
        raise ValidationError("Esta base de dados já está configurada: a configuração "
                              "inicial só se faz uma vez.")
    c, e = plan.company, plan.establishment
    s.add(Company(id=1, nif=c.nif, name=c.name, business_name=c.business_name,
                  address=c.address, city=c.city, postal_code=c.postal_code, country="PT",
                  tax_region=c.tax_region, phone=c.phone, email=c.email))
    till = tills.create(uow, plan.till.code, plan.till.name, e.code, now,
                        name=e.name or c.business_name or c.name,
                        address=e.address or c.address, city=e.city or c.city,
                        postal_code=e.postal_code or c.postal_code)
    admin = plan.admin.login
    staff.add(uow, admin, plan.admin.name, "admin", plan.admin.pin, now, admin)
    uow.settings.put("certificate_number", c.certificate_number)
    shop_admin.set_payments(uow, plan.payments, now, admin)
    uow.settings.put(shop_admin.LANGUAGE_KEY, plan.language)
    if plan.printer is not None:
        shop_admin.set_printer(uow, plan.printer, now, admin)
    queued = []
    for item in plan.series.items:
        if item.validation_code is not None:
            series_admin.add(uow, item.doc_type, item.series_id, item.validation_code,
                             item.kind, now, admin)
        else:
            queued.append(at_series.request_registration(
                uow, item.doc_type, item.series_id, now, admin, kind=item.kind))
    version = keys.store_in(uow, key, admin)
    uow.audit.append(now, admin, "setup", f"shop {c.nif} created, till {till.code}, "
                                          f"region {c.tax_region}")
    return till, version, queued


def status(uow: UnitOfWork) -> SetupStatus:
    """Whether this till can sell now, and if not, why (each reason a sentence)."""
    if not is_configured(uow):
        return SetupStatus(False, False, ("A loja ainda não está configurada: execute "
                                          "'caixa init' ou o assistente.",))
    s = uow.session
    missing = []
    if not uow.has_till:
        missing.append("Esta base de dados tem várias caixas: indique qual (--till).")
        return SetupStatus(True, False, tuple(missing))
    if not s.scalar(select(SigningKey.version).where(SigningKey.active)):
        missing.append("Falta a chave de assinatura ('caixa keys generate').")
    if not s.scalar(select(User.id).where(User.active, User.role == "admin")):
        missing.append("Não há nenhum administrador ativo.")
    kind = "F" if uow.till_settings.training else "N"
    rows = s.scalars(select(Series).where(Series.till_id == uow.till.id, Series.kind == kind,
                                          Series.status == "A")).all()
    selling = [r for r in rows if r.doc_type in ("FS", "FR", "FT")]
    if not any(r.validation_code for r in selling):
        waiting = [f"{r.doc_type} {r.series_id}" for r in selling if not r.validation_code]
        if waiting:
            missing.append(f"As séries {', '.join(waiting)} esperam o código da AT: "
                           "envie-as à AT ('caixa queue drain') ou indique o código dado no "
                           "Portal ('caixa series add').")
        else:
            missing.append("Não há série de faturação (FS, FR ou FT) ativa com código da AT "
                           "nesta caixa.")
    if uow.integrity.blocked():
        missing.append("A emissão está bloqueada pela verificação de integridade "
                       "('caixa verify').")
    return SetupStatus(True, not missing, tuple(missing))
