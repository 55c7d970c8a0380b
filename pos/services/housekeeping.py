"""What the start-up check journals besides findings: a new version of the program, a
changed VAT table, and the periods that ended since the till last ran."""

from __future__ import annotations

import hashlib
from datetime import datetime
from importlib import metadata

from pos.domain import taxes
from pos.persistence.uow import UnitOfWork

from . import closures


def running_version() -> str:
    try:
        return metadata.version("caixa")
    except metadata.PackageNotFoundError:     # a frozen bundle without metadata
        return "desconhecida"


def tax_table() -> tuple[str, str]:
    """(digest, words) of the VAT rates and exemption reasons this program applies."""
    rates = sorted((r.region, r.code, str(r.percentage), r.valid_from.isoformat(),
                    r.valid_to.isoformat() if r.valid_to else "") for r in taxes.RATES)
    text = ";".join(",".join(r) for r in rates) + "|" + ";".join(
        f"{k}={v[0]}" for k, v in sorted(taxes.EXEMPTIONS.items()))
    words = ", ".join(f"{region} {code} {pct}%" + (f" até {to}" if to else "")
                      for region, code, pct, _since, to in rates)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16], words


def at_start(uow: UnitOfWork, now: datetime) -> list:
    """Journal a new version, a changed VAT table; close the periods that ended; the
    closures made."""
    version = running_version()
    last = uow.audit.last("software_update")
    was = last.detail.split(" -> ")[-1].split()[0] if last is not None else None
    if was != version:
        uow.audit.append(now, "sistema", "software_update",
                         f"{was or '(primeira execução selada)'} -> {version}")
    digest, words = tax_table()
    last = uow.audit.last("tax_table")
    if last is None or not last.detail.startswith(digest):
        uow.audit.append(now, "sistema", "tax_table", f"{digest} {words}"[:2000])
    return closures.close_periods(uow, now)
