"""The sealed form of what a till records: every byte of a document, its status changes and
the journal, as canonical bytes chained per till.

Beyond the legal RSA hash (date, time, number, total and the previous hash), each till keeps
two chains of its own, signed with its Ed25519 seal key (``pos.signing``):

- the **document chain** (``document_events``): an ``issued`` entry per document with its
  full content (header, customer, every line, payments, references), then an entry for each
  change of state (``cancelled``; ``at_code``, the code AT gives a transport document). The
  document row itself is never updated;
- the **journal** (``audit_events``): every sensitive action, closures included.

An entry's hash commits to its sequence number, the previous entry's hash and its canonical
content, so checking the links and the head's signature authenticates the whole chain; a
copy of the ``issued`` content is kept with the entry so that a change is *named* (which
field, what it was) and not only noticed.

Format 1 is frozen: what was sealed with it must verify for ten years (DL 28/2019 art. 26).
A new layout gets a new number and this module keeps reading the old one.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal

FORMAT = 1

# The columns of a document as sealed (format 1), in order. Local row ids are left out (the
# central store gives rows its own); a referenced document is named by its UUID.
DOCUMENT_FIELDS = (
    "uuid", "till", "doc_type", "series_id", "series_kind", "number", "document_no", "atcud",
    "invoice_date", "system_entry_date", "customer_nif", "customer_name", "customer_address",
    "customer_city", "customer_postal_code", "customer_country", "tax_region", "net_total",
    "tax_payable", "gross_total", "previous_hash", "hash", "hash_control", "key_version",
    "source_billing", "user_login", "manual_ref", "ref_document", "extra", "movement_start",
)
LINE_FIELDS = (
    "line_no", "product_code", "description", "product_type", "quantity", "unit",
    "unit_price", "discount", "gross_amount", "net_amount", "tax_amount", "tax_code",
    "tax_percentage", "exemption_code", "exemption_reason", "ref_document_no", "ref_line_no",
    "ref_reason",
)
PAYMENT_FIELDS = ("method", "amount", "tendered")
EVENT_FIELDS = ("document", "document_no", "at", "user_login", "reason", "value")

# Stored as exact text by pos.persistence.types.Dec: sealed exactly as that text.
_DECIMALS = frozenset({"net_total", "tax_payable", "gross_total", "quantity", "unit_price",
                       "discount", "gross_amount", "net_amount", "tax_amount",
                       "tax_percentage", "amount", "tendered"})

ISSUED, CANCELLED, AT_CODE = "issued", "cancelled", "at_code"
EVENT_KINDS = (ISSUED, CANCELLED, AT_CODE)


def _value(name: str, value):
    if value is None:
        return None
    if name in _DECIMALS:
        return format(Decimal(value), "f")
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (str, int)):
        return value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    raise TypeError(f"cannot seal {name}={value!r}")


def _row(fields: tuple[str, ...], values: Mapping) -> list:
    # ``_value`` for every field, with its common cases inline (it runs on every sale and,
    # in ``verify``, on every document): the same result for every value.
    out = []
    for f in fields:
        v = values.get(f)
        t = type(v)
        if v is None:
            out.append(None)
        elif f in _DECIMALS:
            out.append(format(v if t is Decimal else Decimal(v), "f"))
        elif t is str or t is int:
            out.append(v)
        else:
            out.append(_value(f, v))
    return out


def _dump(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def document_content(doc: Mapping, lines: Iterable[Mapping], payments: Iterable[Mapping]
                     ) -> bytes:
    """The canonical bytes of a whole document. ``doc`` holds the DOCUMENT_FIELDS (``till``
    is the till's code, ``ref_document`` the referenced document's UUID); ``lines`` and
    ``payments`` their fields, lines in line order, payments in the order they were made."""
    body = [FORMAT, ISSUED, _row(DOCUMENT_FIELDS, doc),
            [_row(LINE_FIELDS, ln) for ln in sorted(lines, key=lambda x: x["line_no"])],
            [_row(PAYMENT_FIELDS, p) for p in payments]]
    return _dump(body)


def rows_content(doc: list, lines: list[list], payments: list[list]) -> bytes:
    """``document_content`` of rows already in their sealed form: each a list of its fields'
    values in DOCUMENT_FIELDS / LINE_FIELDS / PAYMENT_FIELDS order, as sealed (what
    ``verify`` rebuilds straight from the database's text; lines in line order)."""
    return _dump([FORMAT, ISSUED, doc, lines, payments])


def event_content(kind: str, till: str, values: Mapping) -> bytes:
    """A change of a document's state (cancelled, AT's code), as sealed."""
    if kind not in EVENT_KINDS or kind == ISSUED:
        raise ValueError(f"unknown document event {kind}")
    return _dump([FORMAT, kind, till, _row(EVENT_FIELDS, values)])


def journal_content(till: str, at: datetime, user: str, kind: str, detail: str) -> bytes:
    """A journal entry, as sealed."""
    return _dump([FORMAT, "journal", till, at.isoformat(), user, kind, detail])


def legacy_journal_hash(prev: str, at: datetime, user: str, kind: str, detail: str) -> str:
    """The unkeyed hash of journal entries written before migration 0006 (kept to check
    them: the ``upgrade`` entry seals their head)."""
    text = "|".join((prev, at.strftime("%Y-%m-%dT%H:%M:%S"), user, kind, detail))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chain_hash(seq: int, prev: str, content: bytes) -> str:
    """The hash of entry ``seq`` of a chain: it commits to its place, everything before it
    (``prev``, the previous entry's hash; '' for the first) and its content."""
    return hashlib.sha256(f"{seq}|{prev}|".encode("ascii") + content).hexdigest()


def pack(content: bytes) -> bytes:
    """The sealed copy as stored (a 4-line sale: ~900 bytes of JSON, ~300 compressed)."""
    return zlib.compress(content, 6)


def unpack(stored: bytes) -> bytes:
    try:
        return zlib.decompress(stored)
    except zlib.error:
        return b""


# ---- naming what changed -----------------------------------------------------------------

def _fields_of(content: bytes):
    try:
        body = json.loads(content)
        if body[0] != FORMAT or body[1] != ISSUED:
            return None
        return body[2], body[3], body[4]
    except (ValueError, IndexError, TypeError):
        return None


def _show(value) -> str:
    text = "nada" if value is None else repr(value)
    return text if len(text) <= 60 else text[:57] + "…'"


def _compare(prefix: str, fields: tuple[str, ...], sealed: list, now: list) -> list[str]:
    out = []
    for name, was, is_ in zip(fields, sealed, now, strict=False):
        if was != is_:
            out.append(f"{prefix}{name} alterado: {_show(is_)} (selado: {_show(was)})")
    return out


def differences(sealed: bytes, current: bytes) -> list[str]:
    """What differs between the sealed content of a document and its rows now, field by
    field, in Portuguese ("customer_nif alterado: '123456789' (selado: '999999990')")."""
    old, new = _fields_of(sealed), _fields_of(current)
    if old is None or new is None:
        return ["cópia selada ilegível"]
    out = _compare("", DOCUMENT_FIELDS, old[0], new[0])
    for what, fields, was, is_ in (("linha", LINE_FIELDS, old[1], new[1]),
                                   ("pagamento", PAYMENT_FIELDS, old[2], new[2])):
        for i in range(max(len(was), len(is_))):
            label = f"{what} {was[i][0] if what == 'linha' and i < len(was) else i + 1}"
            if i >= len(is_):
                out.append(f"{label} removida" if what == "linha" else f"{label} removido")
            elif i >= len(was):
                out.append(f"{what} {i + 1} acrescentada" if what == "linha"
                           else f"{what} {i + 1} acrescentado")
            else:
                out += _compare(f"{label}: ", fields, was[i], is_[i])
    return out or ["conteúdo alterado"]
