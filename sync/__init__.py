"""Everything that leaves the till for AT.

- ``sync.config.ATConfig``: settings (``from_mapping`` + ``CAIXA_AT_*`` overrides).
- ``sync.clients.ATClients``: ``.series``, ``.invoices`` (fatcorews), ``.transport`` (sgdtws).
- ``sync.errors``: ``SyncError`` and the retry / stop / park / reconcile classes.
- ``sync.wsse.ATWsse``: AT's encrypted WS-Security UsernameToken for zeep.
- ``sync.sandbox``: a local HTTPS imitation of AT for tests and demos (not AT).

Importing this package does nothing; network and files are touched only when called.
"""
