"""Period archives of this till (pos.archive): made on request and when a month is closed;
checked by ``pos.archive.verify`` without the database."""

from __future__ import annotations

import base64
import json
import logging
import os
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select

from pos import signing
from pos.domain.closures import Closure, next_month
from pos.domain.errors import ValidationError
from pos.persistence.models import (
    AuditEvent,
    Company,
    DocumentEvent,
    DocumentRow,
    SealKey,
    SigningKey,
)
from pos.services import housekeeping

from .base import Base

log = logging.getLogger(__name__)
CLOSURE_KINDS = ("closure_z", "closure_day", "closure_month", "closure_year")


def _period(year: int, month: int | None) -> tuple[date, date, str]:
    if month is None:
        return date(year, 1, 1), date(year, 12, 31), f"{year:04d}"
    if not 1 <= month <= 12:
        raise ValidationError("Mês inválido.")
    y, m = next_month(year, month)
    return date(year, month, 1), date(y, m, 1) - timedelta(days=1), f"{year:04d}-{month:02d}"


class ArchiveMixin(Base):
    def archive_folder(self) -> Path:
        forced = os.environ.get("CAIXA_ARCHIVE_DIR")
        if forced:
            return Path(forced)
        if self.db.is_sqlite:
            return Path(self.db.url.removeprefix("sqlite:///")).parent / "archives"
        raise ValidationError("Indique onde guardar os arquivos (CAIXA_ARCHIVE_DIR ou --out): "
                              "esta base de dados está num servidor.")

    def archive_create(self, year: int, month: int | None = None,
                       out: str | Path | None = None, user: str = "admin") -> Path:
        """The signed bundle of a month (or a year) of this till: SAF-T, its chains, its
        closures and the public keys; journaled with the file's SHA-256."""
        start, end, label = _period(year, month)
        since, until = datetime.combine(start, time()), datetime.combine(end, time()) \
            + timedelta(days=1)
        target = Path(out) if out else self.archive_folder() / \
            f"caixa-{self.till.code}-{label}.zip"
        target.parent.mkdir(parents=True, exist_ok=True)
        sealer = self.keys.sealer()
        files: dict[str, bytes] = {}
        with tempfile.TemporaryDirectory() as tmp:
            saft = Path(tmp) / "saft.xml"
            self.export_saft(saft, year, month)
            files["saft.xml"] = saft.read_bytes()
        with self._read(snapshot=True) as uow:
            s = uow.session
            till = uow.till.id
            docs = s.execute(
                select(DocumentEvent, DocumentRow.uuid, DocumentRow.document_no)
                .join(DocumentRow, DocumentRow.id == DocumentEvent.document_id)
                .where(DocumentEvent.till_id == till, DocumentEvent.at >= since,
                       DocumentEvent.at < until).order_by(DocumentEvent.seq)).all()
            files["documents.jsonl"] = "".join(json.dumps({
                "seq": e.seq, "kind": e.kind, "document": doc_uuid, "document_no": number,
                "at": e.at.isoformat(), "user": e.user_login, "reason": e.reason,
                "value": e.value, "prev_hash": e.prev_hash, "hash": e.hash,
                "key_version": e.key_version, "signature": e.signature,
                "sealed": base64.b64encode(e.sealed).decode() if e.sealed else None,
            }, ensure_ascii=False) + "\n" for e, doc_uuid, number in docs).encode("utf-8")
            # From the period's start to the journal's head now: the period's closures (made
            # once it ended) are inside, sealed, with the head's seal over all of it.
            entries = s.scalars(select(AuditEvent).where(
                AuditEvent.till_id == till, AuditEvent.at >= since)
                .order_by(AuditEvent.seq)).all()
            files["journal.jsonl"] = "".join(json.dumps({
                "seq": e.seq, "at": e.at.isoformat(), "user": e.user_login, "kind": e.kind,
                "detail": e.detail, "prev_hash": e.prev_hash, "hash": e.hash,
                "key_version": e.key_version, "signature": e.signature,
            }, ensure_ascii=False) + "\n" for e in entries).encode("utf-8")
            closed = [c for c in (json.loads(e.detail.split("\n", 1)[1]) for e in entries
                                  if e.kind in CLOSURE_KINDS)
                      if since <= datetime.fromisoformat(c["start"]) + timedelta(seconds=1)
                      < until]
            files["closures.json"] = json.dumps(closed, ensure_ascii=False, indent=1).encode()
            for version, pem in s.execute(select(SigningKey.version, SigningKey.public_pem)):
                files[f"keys/signing-v{version}.pem"] = pem
            for version, pem in s.execute(select(SealKey.version, SealKey.public_pem)):
                files[f"keys/seal-v{version}.pem"] = pem
            company = s.get(Company, 1)
        fingerprint = signing.fingerprint(files[f"keys/seal-v{sealer.version}.pem"])
        now = self.clock.now()
        manifest = {"shop": self.shop_uuid(), "till": self.till.code,
                    "nif": company.nif if company else "",
                    "company": company.name if company else "", "period": label,
                    "start": start.isoformat(), "end": end.isoformat(),
                    "created": now.isoformat(), "seal_key": fingerprint,
                    "software": housekeeping.running_version()}
        from pos import archive  # zip and x509 machinery: loaded when archiving

        files["LEIA-ME.txt"] = archive.README.format(
            period=label, till=self.till.code, company=manifest["company"],
            nif=manifest["nif"], name=target.name).encode("utf-8")
        archive.write(target, files, manifest, sealer)
        digest = archive_digest(target)
        self._journal(user, "archive", f"{target.name} {label} sha256 {digest} "
                                       f"seal key fingerprint {fingerprint}")
        return target

    def _archive_closed(self, made: list[Closure]) -> None:
        """A month just closed: archive it (best effort; a failure is journaled)."""
        for closure in made:
            if closure.kind != "month":
                continue
            try:
                self.archive_create(closure.start.year, closure.start.month, user="sistema")
            except Exception as exc:   # noqa: BLE001 - the closure stands; the archive is redone
                log.warning("archive of %s failed: %s", closure.period, exc)
                self._journal("sistema", "archive_failed", f"{closure.period}: {exc}"[:500])


def archive_digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()
