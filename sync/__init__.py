"""Everything that leaves the till for AT.

- ``sync.config.ATConfig``: settings (``from_mapping`` + ``CAIXA_AT_*`` overrides);
  ``sync.config_file.load``: the TOML file (``[at]``, ``[queue]``, ``[series]``).
- ``sync.clients.ATClients``: ``.series``, ``.invoices`` (fatcorews), ``.transport`` (sgdtws).
- ``sync.errors``: ``SyncError`` and the retry / stop / park / reconcile classes.
- ``sync.wsse.ATWsse``: AT's encrypted WS-Security UsernameToken for zeep.
- ``sync.payloads``: signed documents to fatcorews / sgdtws request data (pure).
- ``sync.dispatch.send``: one outbox duty to one request and one outcome, reconciled.
- ``sync.worker.OutboxWorker``: the background thread that drains the outbox.
- ``sync.series_registry.ATSeriesRegistry``: the ``pos.services.at_series`` port over AT.
- ``sync.sandbox``: a local HTTPS imitation of AT for tests and demos (not AT).

Importing this package does nothing; network and files are touched only when called.
"""
