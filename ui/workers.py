"""The one background-work helper of the desktop app.

The UI thread only draws and reacts; every use case of the application facade, and anything
that can block on a device or the network, goes through ``Worker.submit`` and comes back to
the UI thread with its result or its error.

Thread pools, all created here, and why:

- ``counter``: one thread for what the cashier does at the counter: sign-in and approvals
  (PIN hashing, ~80 ms), look-ups, scans, searches, issuing, the cash session. One thread
  keeps results in the order the cashier acted (a scan never overtakes the one before it;
  the cart fills in scan order) and never runs two of the cashier's writes side by side.
  Each job takes milliseconds.
- ``printer``: one thread. A receipt printer takes one job at a time and receipts must come
  out in the order of the sales; more threads would only queue inside the driver.
- ``background``: two threads for the AT status and other slow reads. A call may block for
  its full network timeout (or the AT sender's first start); two threads keep one slow call
  from delaying the next, and none of them from delaying the counter.
- ``long``: one thread for the back office's long work (SAF-T export, full verification,
  importing a catalogue of 50,000 products). One at a time: each reads (or writes) the
  whole database, two side by side would only share the disk and the two cores; and a
  separate lane keeps minutes of work from holding up the AT status or the counter.

Long work reports how far it got: ``submit(..., on_progress=slot)`` hands the job a
``progress(stage, done, total)`` callable (the facade's convention). The job may call it as
often as it likes: the newest figures are kept and one queued signal at a time tells the
UI thread, which shows the newest when it gets there (never a flood of stale ones, never
the last one lost). It answers False once ``cancel(job_id)`` was asked, so the job stops
with nothing written.
"""

import itertools
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from pos.domain.errors import PosError

log = logging.getLogger(__name__)

LANES = {"counter": 1, "printer": 1, "background": 2, "long": 1}


class _Progress:
    """The ``progress(stage, done, total)`` a long job is given; called on its thread."""

    def __init__(self, worker: "Worker", job_id: int):
        self.worker, self.job_id = worker, job_id
        self.cancelled = threading.Event()
        self._lock = threading.Lock()
        self._newest: tuple[str, int, int] | None = None
        self._told = False                 # a signal is on its way to the UI thread

    def __call__(self, stage: str, done: int, total: int) -> bool:
        with self._lock:
            self._newest = (str(stage), int(done), int(total))
            tell, self._told = not self._told, True
        if tell:
            self.worker._progress.emit(self.job_id)
        return not self.cancelled.is_set()

    def take(self) -> tuple[str, int, int] | None:
        """The newest figures (on the UI thread); the next call signals again."""
        with self._lock:
            self._told = False
            return self._newest


class _Job(QRunnable):
    def __init__(self, worker: "Worker", job_id: int, fn: Callable, args, kwargs):
        super().__init__()
        self.worker, self.job_id = worker, job_id
        self.fn, self.args, self.kwargs = fn, args, kwargs

    def run(self) -> None:
        ok, value = self.worker.call(self.fn, self.args, self.kwargs)
        self.worker._finished.emit(self.job_id, ok, value)


class Worker(QObject):
    """Runs callables off the UI thread and calls back on the UI thread."""

    _finished = Signal(int, bool, object)
    _progress = Signal(int)               # a long job has new figures (from pool threads)
    failed = Signal(str, object)          # (job name, exception) when no on_error was given
    busy_changed = Signal(int)            # number of jobs not yet delivered

    def __init__(self, synchronous: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self.synchronous = synchronous
        self._pools: dict[str, QThreadPool] = {}
        if not synchronous:
            for name, threads in LANES.items():
                pool = QThreadPool(self)
                pool.setMaxThreadCount(threads)
                pool.setObjectName(f"caixa-{name}")
                self._pools[name] = pool
        # job id -> (name, lane, on_done, on_error)
        self._callbacks: dict[int, tuple[str, str, Callable | None, Callable | None]] = {}
        self._ids = itertools.count(1)
        self._reporters: dict[int, tuple[_Progress, Callable]] = {}
        # Explicitly queued: the signal is emitted from pool threads and must run the
        # callbacks here, in the thread this object lives in (the UI thread).
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self._report, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def call(fn: Callable, args, kwargs) -> tuple[bool, object]:
        name = getattr(fn, "__name__", repr(fn))
        try:
            return True, fn(*args, **kwargs)
        except PosError as exc:       # a refusal with a sentence: the screen shows it
            log.info("%s refused: %s", name, exc)
            return False, exc
        except Exception as exc:      # a bug: keep the traceback, never kill the thread
            log.error("background job %s failed", name, exc_info=exc)
            return False, exc

    def submit(self, fn: Callable, *args, lane: str = "background",
               on_done: Callable | None = None, on_error: Callable | None = None,
               name: str = "", on_progress: Callable | None = None, **kwargs) -> int:
        """Run ``fn(*args, **kwargs)`` in ``lane``; ``on_done(result)`` or ``on_error(exc)``
        are called later on the UI thread. Returns the job id. With ``on_progress``, ``fn``
        also gets ``progress=`` and ``on_progress(stage, done, total)`` hears it on the UI
        thread (see the module docstring)."""
        if lane not in LANES:
            raise KeyError(f"no lane {lane!r}")
        job_id = next(self._ids)
        if on_progress is not None:
            reporter = _Progress(self, job_id)
            self._reporters[job_id] = (reporter, on_progress)
            kwargs["progress"] = reporter
        self._callbacks[job_id] = (name or getattr(fn, "__name__", "job"), lane, on_done,
                                   on_error)
        self.busy_changed.emit(len(self._callbacks))
        if self.synchronous:
            ok, value = self.call(fn, args, kwargs)
            self._deliver(job_id, ok, value)
        else:
            self._pools[lane].start(_Job(self, job_id, fn, args, kwargs))
        return job_id

    def cancel(self, job_id: int) -> bool:
        """Ask a long job to stop: its next ``progress`` call answers False (the facade then
        refuses with nothing written). False when the job takes no progress or is over."""
        entry = self._reporters.get(job_id)
        if entry is None:
            return False
        entry[0].cancelled.set()
        return True

    @Slot(int)
    def _report(self, job_id: int) -> None:
        entry = self._reporters.get(job_id)
        figures = entry[0].take() if entry is not None else None
        if figures is not None:
            entry[1](*figures)

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, ok: bool, value: object) -> None:
        self._reporters.pop(job_id, None)
        name, _lane, on_done, on_error = self._callbacks.pop(
            job_id, ("job", "background", None, None))
        try:
            if ok and on_done is not None:
                on_done(value)
            elif not ok:
                if on_error is not None:
                    on_error(value)
                else:
                    self.failed.emit(name, value)
        finally:
            self.busy_changed.emit(len(self._callbacks))

    def pending(self, lane: str | None = None) -> int:
        """Jobs submitted and not yet delivered (in ``lane``, or in all lanes)."""
        return sum(1 for job in self._callbacks.values() if lane is None or job[1] == lane)

    def idle(self, lane: str | None = None) -> bool:
        return self.pending(lane) == 0

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Drop queued jobs and wait for running ones (call at exit and in test teardown)."""
        done = True
        for pool in self._pools.values():
            pool.clear()
            done = pool.waitForDone(timeout_ms) and done
        return done
