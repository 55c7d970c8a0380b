"""The manager's back office: a window of areas (dashboard, catalogue, customers, users,
documents, series and AT, manual documents, reports, SAF-T, settings, integrity) over the
application facade, opened by ``caixa backoffice`` or from the till by a manager's PIN; and
the first-run wizard that sets up a real shop (``wizard``)."""
