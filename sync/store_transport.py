"""The store's transport: a PostgreSQL client speaking to the central database as the till's
own role (TLS as the till's URL asks; the password from the till's secret file).

Three exchanges, each one short transaction:

- ``push``: INSERT the records (``ON CONFLICT (key) DO NOTHING``: a record already held is
  not inserted again), then read back what the store holds under those keys. Row-level
  security lets the till insert and see its own records only.
- ``pull``: the newest state of each master data row changed after the till's cursor.
- ``report``: the till's queue health, on its own row of ``store_tills``.
- ``publish_anchor`` / ``anchor``: the till's anchor (pos.domain.anchor) kept at the store,
  which never lets it move back (``caixa_store_anchor``).

psycopg is the only dependency (the ``postgres`` extra); it is imported on first use.
"""

from __future__ import annotations

from pos.domain.errors import PosError
from pos.domain.store import MasterChange, Receipt, StoreConnection, StoreHealth, StoreItem

PUSH = ("INSERT INTO store_inbox (key, till_id, entry, payload, till_seq, recorded_at) "
        "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (key) DO NOTHING")
RECEIPTS = "SELECT key, hash, applied, problem FROM store_inbox WHERE key = ANY(%s)"
PULL = ("SELECT seq, tbl, key, row FROM (SELECT DISTINCT ON (tbl, key) seq, tbl, key, row "
        "FROM master_changes WHERE seq > %s ORDER BY tbl, key, seq DESC) latest ORDER BY seq")
ANCHOR_PUT = "SELECT caixa_store_anchor(%s, %s)"
ANCHOR_GET = "SELECT shop, state FROM store_anchors"      # row-level security: its own
REPORT = ("UPDATE store_tills SET reported_at = localtimestamp, pending = %s, "
          "oldest_pending = %s, parked = %s, at_pending = %s, at_parked = %s, cursor = %s, "
          "last_error = %s WHERE till_id = %s")


class StoreUnavailable(PosError):
    """The central database cannot be used now (network, server down, credentials): the
    records stay in the till's outbox and are sent on a later pass."""


class StoreTransport:
    def __init__(self, connection: StoreConnection, *, connect_timeout: int = 5):
        self.connection = connection
        self.connect_timeout = connect_timeout
        self._conn = None

    # ---- the connection --------------------------------------------------------------
    def _db(self):
        if self._conn is not None and not self._conn.closed:
            return self._conn
        try:
            import psycopg
        except ImportError:
            raise StoreUnavailable("Falta o cliente PostgreSQL (instale caixa[postgres]) "
                                   "para comunicar com a loja.") from None
        c = self.connection
        try:
            # autocommit: each exchange is one explicit transaction (conn.transaction()).
            # Keepalives and a TCP user timeout: a server that vanishes from the network
            # (no reset) fails the pass in seconds instead of hanging the link forever.
            self._conn = psycopg.connect(
                c.url, password=c.password, connect_timeout=self.connect_timeout,
                autocommit=True, application_name=f"caixa-till-{c.code}"[:63],
                keepalives=1, keepalives_idle=10, keepalives_interval=5, keepalives_count=3,
                tcp_user_timeout=30_000)
        except psycopg.Error as exc:
            raise StoreUnavailable(_sentence(exc)) from None
        return self._conn

    def _exchange(self, work):
        """Run ``work(cursor)`` in one transaction; any failure leaves nothing half done
        and closes the connection (the next pass opens a new one)."""
        import psycopg
        conn = self._db()
        try:
            with conn.transaction(), conn.cursor() as cur:
                return work(cur)
        except psycopg.Error as exc:
            self.close()
            raise StoreUnavailable(_sentence(exc)) from None

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:       # noqa: S110 - a broken connection closes badly
                pass
            self._conn = None

    # ---- the exchanges ---------------------------------------------------------------
    def push(self, items: list[StoreItem]) -> dict[str, Receipt]:
        till = self.connection.till_id

        def work(cur):
            cur.executemany(PUSH, [(i.key, till, i.entry, i.payload, i.row_id, i.recorded_at)
                                   for i in items])
            cur.execute(RECEIPTS, ([i.key for i in items],))
            return {k: Receipt(k, h, bool(a), p) for k, h, a, p in cur.fetchall()}
        return self._exchange(work)

    def pull(self, cursor: int) -> list[MasterChange]:
        def work(cur):
            cur.execute(PULL, (cursor,))
            return [MasterChange(int(s), t, k, r) for s, t, k, r in cur.fetchall()]
        return self._exchange(work)

    def publish_anchor(self, shop: str, state: str) -> bool:
        """Keep the till's anchor at the store; False when the store refused it as behind
        the one it holds."""
        def work(cur):
            cur.execute(ANCHOR_PUT, (shop, state))
            return bool(cur.fetchone()[0])
        return self._exchange(work)

    def anchor(self) -> tuple[str, str] | None:
        """(shop, state JSON) of the till's anchor as the store holds it."""
        def work(cur):
            cur.execute(ANCHOR_GET)
            row = cur.fetchone()
            return None if row is None else (row[0], row[1])
        return self._exchange(work)

    def report(self, health: StoreHealth) -> None:
        till = self.connection.till_id

        def work(cur):
            cur.execute(REPORT, (health.pending, health.oldest_pending, health.parked,
                                 health.at_pending, health.at_parked, health.cursor,
                                 health.last_error, till))
        self._exchange(work)


def _sentence(exc) -> str:
    """One sentence for a manager (never the password)."""
    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    text = first.lower()
    if "password authentication failed" in text or "no pg_hba.conf entry" in text:
        return f"A loja recusou esta caixa ({first}): ligue-a de novo (caixa store attach)."
    if "permission denied" in text or "row-level security" in text:
        return f"A loja não deixa esta caixa fazer isto ({first}): corra 'caixa store init' " \
               "na base central."
    return f"A base central da loja não responde: {first}"
