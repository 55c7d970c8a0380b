"""The AT link: the ``AtLink`` port of the application, over the outbox worker.

The composition roots hand ``OutboxLink`` to ``pos.bootstrap.open_app``; the application
then tells it about new duties (``kick``) and asks it to send now (``drain``), and the till's
status bar asks whether AT answered lately (``online``).

Everything heavy happens on first use, off the screen's thread: reading ``caixa.toml``,
importing the SOAP stack, starting the sending thread (``background=True``: the till). Without
an ``[at]`` configuration, duties simply wait in the outbox and ``problem`` says why.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from pos.domain.at import DrainReport
from pos.domain.errors import PosError

if TYPE_CHECKING:
    from pos.application import Application
    from pos.services.outbox import QueuePolicy

    from .config_file import CaixaConfig

log = logging.getLogger(__name__)


def default_config():
    from pos.bootstrap import data_dir

    from .config_file import load
    return load(data_dir=data_dir())


class OutboxLink:
    def __init__(self, app: Application, *, background: bool = False,
                 config_loader: Callable[[], CaixaConfig] | None = None,
                 clients_factory: Callable | None = None):
        self.app, self.background = app, background
        self.config_loader = config_loader or default_config
        self.clients_factory = clients_factory   # tests: a fixed endpoint
        self.config = None
        self.worker = None
        self._problem = ""            # why nothing is sent (configuration)
        self.last_report: DrainReport | None = None   # set by the worker thread
        self._lock = threading.Lock()
        self._started = False
        self._stored = None           # the temporary folder of stored credentials

    # ---- lazy start ------------------------------------------------------------------
    def _start(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
            try:
                self.config = self.config_loader()
            except PosError as exc:     # a broken caixa.toml: queue kept, problem shown
                self._problem = str(exc)
                log.info("AT configuration refused: %s", exc)
                return
            try:
                self.worker = self._worker()
            except PosError as exc:     # not configured: keep queueing
                self._problem = str(exc)
                log.info("AT sending not started: %s", exc)
                return
            if self.background:
                self.worker.start()

    def _worker(self):
        from .worker import OutboxWorker

        cfg = self.config
        if self.clients_factory is not None:
            factory = self.clients_factory
        else:
            from .clients import ATClients

            at = self._at_config(cfg)  # configuration problems: reported, queue not stopped
            ATClients(at).close()      # ... and so are missing certificate or WSDL files

            def factory():
                return ATClients(at)
        return OutboxWorker(self.app, factory, policy=cfg.queue,
                            interval=cfg.interval_seconds, batch=cfg.batch,
                            on_report=self._report)

    def _at_config(self, cfg):
        """The file's ``[at]`` (and CAIXA_AT_*), over the credentials the shop keeps in its
        database when it has them (sync.stored_credentials)."""
        from .stored_credentials import StoredCredentials

        at_connection = getattr(self.app, "at_connection", None)
        stored = at_connection() if at_connection is not None else None
        if stored is None:
            return cfg.at_config()
        self._stored = self._stored or StoredCredentials()
        return self._stored.config(stored, dict(cfg.at))

    def reload(self) -> None:
        """The shop's AT credentials changed: read the configuration again on next use."""
        with self._lock:
            if self.worker is not None:
                self.worker.stop(timeout=5)
                self.worker = None
            self._started, self._problem, self.config = False, "", None

    def _report(self, report: DrainReport) -> None:
        self.last_report = report

    # ---- the port --------------------------------------------------------------------
    def policy(self) -> QueuePolicy | None:
        self._start()
        return self.config.queue if self.config is not None else None

    def online(self) -> bool | None:
        self._start()
        r = self.last_report
        if self.worker is None or r is None:
            return None
        return not (r.stopped or (r.retry_after is not None and not r.done))

    def problem(self) -> str:
        self._start()
        return self._problem

    def kick(self) -> None:
        self._start()
        if self.worker is not None and self.background:
            self.worker.wake()

    def drain(self, kinds: tuple[str, ...] | None = None) -> DrainReport:
        """Send what is due now, in the calling thread."""
        self._start()
        if self.worker is None:
            from pos.domain.errors import ValidationError
            raise ValidationError(self._problem or "A comunicação com a AT não está "
                                                   "configurada.")
        stop = self.app.queue_stopped()
        if stop is not None:
            from .errors import ConfigurationError
            raise ConfigurationError(f"Envios parados desde {stop.at:%Y-%m-%d %H:%M}: "
                                     f"{stop.message} Depois de corrigir: caixa queue "
                                     "resume.")
        report = self.worker.drain_once(kinds=kinds)
        self.last_report = report
        return report

    def close(self) -> None:
        if self.worker is not None:
            self.worker.stop(timeout=5)
        if self._stored is not None:
            self._stored.close()
