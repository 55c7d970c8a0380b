"""Integrity: the start-up check, the full verification, the anchors outside the database,
and the administrator's acknowledgement that lets issuing go on after a report."""

from __future__ import annotations

import logging

from sqlalchemy import select

from pos.domain.anchor import AnchorState
from pos.domain.errors import IntegrityError, KeyError_, StateError, ValidationError
from pos.persistence.models import Series, TillRow
from pos.persistence.uow import UnitOfWork, till_ref
from pos.services import (
    anchors,
    checkpoints,
    housekeeping,
    integrity,
    manual_recovery,
    sealing,
)
from pos.services.integrity import Problem
from pos.services.store import central

from .base import Base

log = logging.getLogger(__name__)

ROLLBACK_REASON = ("Base de dados atrás da sua âncora externa: séries fechadas para que "
                   "nenhum número seja emitido duas vezes (Despacho 8632/2014 §2.5)")


class IntegrityMixin(Base):
    # ---- after an upgrade ------------------------------------------------------------
    def seal_upgrade(self) -> None:
        """Seal what migration 0006 chained (once per till, at the first start after it).
        Without the key store's passphrase it waits for a process that has it."""
        with self._read() as uow:
            tills = [till_ref(uow.session, code) for code in uow.session.scalars(
                select(TillRow.code).order_by(TillRow.id))]
            if self.is_store():
                # A store's tills seal their own chains, in their own files: the central
                # database only ever writes the office's.
                tills = [t for t in tills if t is not None and t.code == central.OFFICE]
            waiting = []
            for ref in tills:
                with UnitOfWork(self.db, ref, write=False) as tu:
                    if sealing.needs_upgrade_seal(tu):
                        waiting.append(ref)
        if not waiting:
            return
        self._upgrading = True       # the passphrase's move is journaled after the upgrade
        try:
            self.keys.ensure_seal_key()
            sealer = self.keys.sealer()
            seal_fp = self.keys.seal_verifiers()[sealer.version].fingerprint
            shop = self.keys.shop_uuid(create=True)
            fingerprints, verifiers = self.keys.signing_fingerprints(), self.keys.verifiers()
        except KeyError_ as exc:
            log.warning("upgrade not sealed yet: %s", exc)
            return
        finally:
            self._upgrading = False
        for ref in waiting:
            with UnitOfWork(self.db, ref, write=True, sealer=self.keys.sealer) as uow:
                if sealing.needs_upgrade_seal(uow):
                    sealing.seal_upgrade(uow, self.clock.now(), shop, seal_fp, fingerprints,
                                         verifiers)
        if self.keys.custody_note and self.till is not None:
            self._journal_custody()

    # ---- the checks ------------------------------------------------------------------
    def verify(self, progress: integrity.Progress | None = None,
               processes: int | None = None) -> integrity.Report:
        """Every chain, seal, signature, number and total of the database, in one snapshot,
        and this till against its anchors; the findings are sealed in the journal and
        issuing is blocked on the tills whose data was altered until acknowledged.
        ``progress('verifying', done, total)`` hears how many documents are checked (a
        screen's progress bar; from worker processes' results: call it back on the screen's
        thread); ``processes``: how many worker processes check the documents (default: one
        per core for a large file)."""
        verifiers, seals = self.keys.verifiers(), self.keys.seal_verifiers()
        fingerprints = self.keys.signing_fingerprints()
        till_seals = self.store_seal_verifiers() if self.is_store() else None
        anchored = self._read_anchors()
        reached = None
        with self._read(snapshot=True) as uow:
            report = integrity.verify(uow, verifiers, seals, fingerprints, till_seals,
                                      progress, processes)
            if self.till is not None:
                report.problems += self._anchor_problems(uow, anchored)
                if self.db.file is not None:
                    reached = checkpoints.current(uow, self.clock.now())
                    if not checkpoints.worth_writing(checkpoints.read(uow, seals), reached):
                        reached = None
        if self.till is None:
            return report
        self._restore_guards(report.problems)
        mine = report.problems
        if self.is_store():
            # The tills' data are the tills' to settle (their own start-up checks them);
            # the office seals and is blocked by findings in its own data only.
            mine = [p for p in mine if p.till_id in (None, self.till.id)]
        blocking = self._settle(mine, report)
        if reached is not None and not any(p.till_id in (self.till.id, None)
                                           for p in report.problems) and not blocking:
            with self._write() as uow:
                checkpoints.write(uow, reached)     # the next start-up check starts there
        return report

    def advance_checkpoint(self) -> None:
        """Check what this till issued since its checkpoint and move the checkpoint on, so
        that the next start-up check has next to nothing to read (at exit; never fails)."""
        if self.till is None or self.db.file is None or not self._checked or self._findings:
            return
        try:
            verifiers, seals = self.keys.verifiers(), self.keys.seal_verifiers()
            fingerprints = self.keys.signing_fingerprints()
            with self._read(snapshot=True) as uow:
                outcome = checkpoints.check(uow, verifiers, seals, fingerprints,
                                            self.clock.now())
            if outcome.mode == "incremental" and not outcome.problems:
                with self._write() as uow:
                    checkpoints.write(uow, outcome.reached)
        except Exception as exc:   # noqa: BLE001 - the next start checks from further back
            log.warning("integrity checkpoint not advanced: %s", exc)

    def quick_check(self) -> None:
        """What runs before the till sells: this till's series heads, chain heads, keys,
        guards (put back when missing) and anchors, in one snapshot. Blocks issuing — and
        raises — while anything found is not acknowledged by an administrator."""
        if self.till is None:
            return
        verifiers, seals = self.keys.verifiers(), self.keys.seal_verifiers()
        fingerprints = self.keys.signing_fingerprints()
        anchored = self._read_anchors()
        reached = None
        with self._read(snapshot=True) as uow:
            if self.db.file is not None:
                # From the till's sealed checkpoint: what came after it (pos.services
                # .checkpoints); the full verification when there is none or it cannot vouch.
                outcome = checkpoints.check(uow, verifiers, seals, fingerprints,
                                            self.clock.now())
                problems = outcome.problems
                self.last_check = outcome
                if outcome.mode == "full" or outcome.documents >= checkpoints.WRITE_AFTER:
                    reached = outcome.reached   # else exit (or a later start) moves it on
            else:
                problems = integrity.quick_check(uow, verifiers, seals, fingerprints)
            problems += self._anchor_problems(uow, anchored)
            first_anchor = not problems and not anchors.anchored_before(uow) \
                and not self._anchor_found
        self._restore_guards(problems)
        report = integrity.Report(problems=problems)
        blocking = self._settle(problems, report)
        if not blocking:
            with self._write() as uow:
                if first_anchor:
                    uow.audit.append(self.clock.now(), "sistema", "anchor",
                                     f"anchored in {self.anchors.log.folder} and the "
                                     f"{self.anchors.vault.vault.description}")
                made = housekeeping.at_start(uow, self.clock.now())
                if reached is not None and not problems:
                    checkpoints.write(uow, reached)
            self._archive_closed(made)
        self._checked = True
        if blocking:
            found = [f"- {p}" for p in report.blocking]
            earlier = blocking - {p.key for p in report.blocking}
            if earlier:
                with self._read() as uow:
                    found += [f"- {s}" for s in integrity.report_summaries(uow, earlier)]
            raise IntegrityError("Dados fiscais alterados; a emissão está bloqueada até um "
                                 "administrador confirmar ('caixa verify --acknowledge'):\n"
                                 + "\n".join(found))
        self._checkpoint()

    def ensure_checked(self) -> None:
        """The start-up check, once per process, before anything is issued."""
        if not self._checked:
            self.quick_check()
        elif self._findings:
            with self._read() as uow:
                found = integrity.report_summaries(uow, self._findings)
            raise IntegrityError(integrity_blocked_text() + "".join(f"\n- {f}" for f in found))

    def _read_anchors(self) -> list[tuple[str, AnchorState | None]]:
        """Every anchor of this till, read *before* the snapshot they are compared with:
        another process of the till commits, then anchors; read the other way round, its
        anchor could be ahead of the snapshot and look like a database gone back."""
        shop = self.shop_uuid()
        if shop is None or self.till is None:
            return []
        return self.anchors.read_all(shop, self.till.code)

    def _anchor_problems(self, uow: UnitOfWork,
                         anchored: list[tuple[str, AnchorState | None]]) -> list[Problem]:
        """This till against every anchor kept outside its database (``_read_anchors``)."""
        self._anchor_found = False
        shop = self.shop_uuid()
        if shop is None:
            return []
        _mine, behind, found = self.anchors.compare(uow, shop, anchored)
        self._anchor_found = found
        till = uow.till
        out = [Problem("", None, what, till.id, "rollback" if numbers else "anchor")
               for what, numbers in behind]
        if not found and anchors.anchored_before(uow):
            out.append(Problem("", None, "a âncora externa desta caixa não está neste "
                                         "computador (apagada, ou a base de dados veio de "
                                         "outro): confirme que nenhum documento foi emitido "
                                         "depois destes dados", till.id, "rollback"))
        elif found:
            missing = self.anchors.missing(shop, till.code)
            if missing and missing[0].startswith(self.anchors.log.description):
                out.append(Problem("", None, f"o {missing[0]} foi apagado", till.id))
        return out

    def _restore_guards(self, problems: list[Problem]) -> None:
        if any(p.kind == "guard" for p in problems):
            with self._write() as uow:
                integrity.restore_guards(uow)

    def _settle(self, problems: list[Problem], report: integrity.Report) -> set[str]:
        """Seal new findings in the journal, derive what blocks this till, tell the other
        processes (integrity_state) and remember it in this one."""
        now = self.clock.now()
        with self._write() as uow:
            if problems:
                integrity.record_report(uow, problems, now)
            blocking = integrity.unacknowledged(uow, problems)
            report.acknowledged = integrity.acknowledged(uow)
            if blocking:
                integrity.block(uow, report.text(), now, {p.till_id for p in problems
                                                          if p.key in blocking})
            elif uow.integrity.blocked():
                uow.integrity.acknowledge("sistema", now)   # nothing found any more
            self._record_elsewhere(uow, problems, now)
        self._findings = blocking
        return blocking

    def _record_elsewhere(self, uow: UnitOfWork, problems: list[Problem], now) -> None:
        """Findings in another till's data are sealed in that till's journal too (its own
        start-up then blocks on them)."""
        others = {p.till_id for p in problems if p.till_id not in (None, uow.till.id)}
        if self.is_store():
            others = set()      # a store's tills' journals are theirs: only they write them
        for till_id in others:
            code = uow.session.scalar(select(TillRow.code).where(TillRow.id == till_id))
            ref = till_ref(uow.session, code) if code else None
            if ref is None:
                continue
            with UnitOfWork(self.db, ref, write=True, sealer=self.keys.sealer) as other:
                integrity.record_report(other, [p for p in problems if p.till_id == till_id],
                                        now)

    # ---- acknowledgement -------------------------------------------------------------
    def acknowledge_integrity(self, user: str, pin: str) -> bool:
        """An administrator (PIN) confirms every finding that blocks this till: sealed in the
        journal; issuing may go on. When the database was behind its anchor, the Despacho
        8632 §2.5 path follows at once: the till's series are closed with the last numbers
        the anchor knows (new series are then added; lost documents are re-entered from their
        duplicates) and the anchor is re-based on the database as it is. False when nothing
        was blocked."""
        who = self.authenticate(user, pin, ("admin",), "acknowledge integrity report")
        verifiers, seals = self.keys.verifiers(), self.keys.seal_verifiers()
        fingerprints = self.keys.signing_fingerprints()
        read = self._read_anchors()
        anchored = [state for _w, state in read if state is not None]
        with self._read(snapshot=True) as uow:
            problems = integrity.quick_check(uow, verifiers, seals, fingerprints)
            problems += self._anchor_problems(uow, read)
        now = self.clock.now()
        with self._write() as uow:
            if problems:
                integrity.record_report(uow, problems, now)
            keys = integrity.unacknowledged(uow, problems) | self._findings
            if not keys:
                return False
            earlier = keys - {p.key for p in problems}
            text = "; ".join([str(p) for p in problems if p.key in keys]
                             + integrity.report_summaries(uow, earlier))
            integrity.acknowledge(uow, who.login, now, keys, text)
            kinds = {p.kind for p in problems if p.key in keys}
            if "rollback" in kinds:
                self._after_rollback(uow, anchored, who.login, now)
            elif "anchor" in kinds:
                uow.audit.append(now, who.login, "anchor_rebased",
                                 "anchor re-based on the database after an acknowledged "
                                 "report")
        self._findings = set()
        self._checked = True
        self._checkpoint()
        return True

    def _after_rollback(self, uow: UnitOfWork, anchored: list, user: str, now) -> None:
        """§2.5.1: close this till's series at the highest number any anchor recorded; the
        anchor then starts again from the database (journaled)."""
        last: dict[tuple[str, str], int] = {}
        for state in anchored:
            for label, (number, _h) in state.series.items():
                doc_type, series_id = label.split(" ", 1)
                key = (doc_type, series_id)
                last[key] = max(last.get(key, 0), number)
        mine = {(s.doc_type, s.series_id): s for s in uow.session.scalars(
            select(Series).where(Series.till_id == uow.till.id))}
        wanted = {k: max(n, mine[k].last_number) for k, n in last.items()
                  if k in mine and mine[k].kind in ("N", "R") and mine[k].status == "A"}
        try:
            closed = manual_recovery.close_series_for_data_loss(uow, ROLLBACK_REASON, now, user,
                                                                wanted)
        except StateError:
            closed = []      # training series only: nothing to close with AT
        names = ", ".join(f"{c.doc_type} {c.series_id} last {c.last_number}" for c in closed)
        uow.audit.append(now, user, "anchor_rebased",
                         "anchor re-based on the database after an acknowledged rollback; "
                         f"series closed: {names or 'none'}")

    def authenticate(self, login: str, pin: str, roles: tuple[str, ...], action: str):
        """A person's PIN for ``action`` (of one of ``roles``); a wrong PIN is journaled."""
        from pos.services import users

        try:
            with self._write() as uow:
                who = users.authenticate(uow, login, pin)
                if who.role not in roles:
                    raise ValidationError(f"{who.name} não pode: é preciso um "
                                          f"{' ou '.join(ROLE_NAMES[r] for r in roles)}.")
                return who
        except ValidationError as exc:
            if "PIN" in str(exc):
                self._journal(login, "pin_failed", action)
            raise


ROLE_NAMES = {"admin": "administrador", "manager": "gerente", "cashier": "operador"}


def integrity_blocked_text() -> str:
    return ("A verificação de integridade encontrou alterações nos dados fiscais. A emissão está "
            "bloqueada até um administrador confirmar o relatório ('caixa verify').")
