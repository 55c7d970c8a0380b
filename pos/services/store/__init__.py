"""A store with many tills: each till sells on its own SQLite file, a central PostgreSQL
holds the whole shop.

- registry.py: what is replicated (one entry per kind of record) and the master data.
- local.py: the till's triggers that owe each record to the store, and the backfill.
- outgoing.py: the next records a till sends, and what the store answered.
- master.py: master data coming down (and seeding a new store).
- central.py, central_sql.py: the central database's set-up, joining tills, its view.

The transport (a PostgreSQL client with the till's own role) lives in ``sync`` behind the
``StoreLink`` port (pos/services/ports.py), like the AT sender.
"""
