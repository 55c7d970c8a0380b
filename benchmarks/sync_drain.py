"""AT queue drain against the sandbox: 1,000 pending outbox rows, documents/s.

Measurable once ``sync/`` has an outbox worker (something that reads ``OutboxRow`` and
sends). Until then the row says so; the check below is what decides.
"""

from .common import ROOT, Row


def outbox_worker() -> str | None:
    """The sync module that works the outbox, if one exists yet."""
    for path in sorted((ROOT / "sync").glob("*.py")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if "OutboxRow" in text and ("def drain" in text or "class Outbox" in text
                                    or "Worker" in text):
            return f"sync/{path.name}"
    return None


def rows() -> list[Row]:
    worker = outbox_worker()
    if worker is None:
        return [Row("AT queue drain against the sandbox", "1k pending", "not yet measurable",
                    verdict="pending",
                    note="sync/ has no outbox worker yet (nothing reads OutboxRow)")]
    return [Row("AT queue drain against the sandbox", "1k pending",
                f"not measured: {worker} appeared; add its drain benchmark here",
                verdict="pending")]
