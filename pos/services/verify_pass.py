"""The full verification's documents, in one ordered pass over the raw cursor, by id range.

``check_range`` reads the documents of an id range in id order with their lines, payments
and document-chain entries (each in its index's order: no join, no sort), straight from
SQLite's text: money compared as integer cents (``Decimal`` only for quantity × price), dates
formatted by slicing their stored text, each document's sealed content rebuilt as the bytes
it was sealed as. Per document it checks what ``integrity._verify_series`` and
``chains.verify_documents`` check — numbering, the legal RSA signature and its chain, totals
and line sums, the sealed copy, the chain entry's hash — and returns, instead of sentences,
compact *runs* (each series' and each document chain's stretch that holds together) for the
caller to stitch across ranges, plus what looked wrong.

It is a fast path only: a series or a chain that does not come out clean is checked again
by the precise code (``integrity._verify_series``, ``chains.verify_documents``,
``chains.check_entry``), which names what changed; so a report says exactly what it said
before, and the pass only has to be right when it says "clean". Ranges are independent (each
document carries its previous hash), so several processes can check them at once
(``integrity.verify``); the rows are append-only, and every range is bounded by the ids and
sequence numbers of the caller's snapshot.
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from pos.domain import seal
from pos.domain.money import round2
from pos.domain.series import document_number

_DOCS = ("SELECT {cols} FROM documents WHERE id >= ? AND id < ? ORDER BY id")
_LINES = ("SELECT {cols} FROM document_lines WHERE document_id >= ? AND document_id < ? "
          "ORDER BY document_id, line_no")
_PAYS = ("SELECT document_id, method, amount, tendered FROM document_payments WHERE "
         "document_id >= ? AND document_id < ? ORDER BY document_id, id")
_EVENTS = ("SELECT document_id, till_id, seq, kind, at, user_login, reason, value, sealed, "
           "prev_hash, hash, key_version FROM document_events WHERE document_id >= ? AND "
           "document_id < ? ORDER BY document_id, kind")
# The document columns the pass needs beyond the sealed ones.
_EXTRA = ("id", "till_id", "series_pk", "ref_document_id")
_DOC_COLS = _EXTRA + tuple(f for f in seal.DOCUMENT_FIELDS if f not in ("till", "ref_document"))
_LINE_COLS = ("document_id",) + seal.LINE_FIELDS


@dataclass
class SeriesRun:
    """A stretch of one series, in number order, that holds together."""

    first: int                       # its first number
    first_no: str                    # its first document's number (for a message)
    first_prev: str | None           # the previous hash of its first signed document
    last: int
    last_signed: str | None          # the hash of its last signed document
    count: int = 1


@dataclass
class ChainRun:
    """A stretch of one till's document chain, in sequence order, that holds together."""

    first: int
    first_prev: str
    last: int
    last_hash: str


@dataclass
class RangeResult:
    documents: int = 0
    series_runs: dict[int, list[SeriesRun]] = field(default_factory=dict)
    series_suspect: set[int] = field(default_factory=set)
    chain_runs: dict[int, list[ChainRun]] = field(default_factory=dict)
    tills_suspect: set[int] = field(default_factory=set)      # check the whole chain again
    entries_suspect: list[tuple[int, int]] = field(default_factory=list)   # (till, seq)
    unsealed: set[int] = field(default_factory=set)           # tills with a document unsealed


def cents(text: str) -> int | None:
    """'12.34' -> 1234; None when the text is not a plain amount of at most two decimals."""
    neg = text.startswith("-")
    whole, _, frac = (text[1:] if neg else text).partition(".")
    if not whole.isdigit() or len(frac) > 2 or (frac and not frac.isdigit()):
        return None
    value = int(whole) * 100 + int(frac.ljust(2, "0") or 0)
    return -value if neg else value


def _iso(text: str | None) -> str | None:
    """A stored date-time as ``datetime.isoformat`` gives it (the sealed form)."""
    if text is None:
        return None
    if len(text) == 26 and text.endswith(".000000"):
        return f"{text[:10]}T{text[11:19]}"
    if len(text) == 19:
        return f"{text[:10]}T{text[11:]}"
    return datetime.fromisoformat(text).isoformat()


def _entry_time(text: str) -> str:
    """signature.format_datetime of a stored date-time."""
    return f"{text[:10]}T{text[11:19]}"


class _Money:
    """Amounts with a memory: the same texts (prices, totals, quantity × price) repeat across
    a shop's documents."""

    def __init__(self):
        self._products: dict[tuple[str, str], int | None] = {}
        self._cents: dict[str, int | None] = {}

    def cents(self, text: str) -> int | None:
        got = self._cents.get(text, False)
        if got is False:
            got = cents(text)
            if len(self._cents) > 200_000:
                self._cents.clear()
            self._cents[text] = got
        return got

    def product(self, qty: str, price: str) -> int | None:
        key = (qty, price)
        got = self._products.get(key, False)
        if got is False:
            try:
                got = cents(format(round2(Decimal(qty) * Decimal(price)), "f"))
            except ArithmeticError:
                got = None
            if len(self._products) > 200_000:
                self._products.clear()
            self._products[key] = got
        return got


def _line_ok(money: _Money, ln) -> tuple[bool, int, int, int]:
    """(the line adds up, gross, net, tax in cents) for a line row of _LINE_COLS."""
    c = money.cents
    g, n, t, d = c(ln[9]), c(ln[10]), c(ln[11]), c(ln[8])
    product = money.product(ln[5], ln[7])
    if None in (g, n, t, d, product):
        return False, 0, 0, 0
    return product - d == g and n + t == g, g, n, t


def check_range(path: str | sqlite3.Connection, lo: int, hi: int, heads: dict[int, int],
                tills: dict[int, str], series: dict[int, str], pems: dict[int, bytes],
                unsigned_end: dict[int, int]) -> RangeResult:
    """Check documents with ``lo <= id < hi`` (and chain entries naming them with a sequence
    number up to ``heads[till]``). ``series``: pk -> series_id; ``pems``: signing key
    version -> public PEM; ``unsigned_end``: per till, the last entry migration 0006 chained
    unsigned."""
    from pos.signing import Verifier

    own = not isinstance(path, sqlite3.Connection)
    con = sqlite3.connect(path) if own else path
    try:
        verifiers = {v: Verifier(pem) for v, pem in pems.items()}
        return _check(con, lo, hi, heads, tills, series, verifiers, unsigned_end)
    finally:
        if own:
            con.close()


def _check(con, lo, hi, heads, tills, series, verifiers, unsigned_end) -> RangeResult:
    out = RangeResult()
    money = _Money()
    lines = con.execute(_LINES.format(cols=", ".join(_LINE_COLS)), (lo, hi))
    pays = con.execute(_PAYS, (lo, hi))
    events = con.execute(_EVENTS, (lo, hi))
    line = next(lines, None)
    pay = next(pays, None)
    event = next(events, None)
    runs: dict[int, SeriesRun] = {}
    chain: dict[int, list[tuple]] = {}
    docs = con.execute(_DOCS.format(cols=", ".join(_DOC_COLS)), (lo, hi))
    for doc in docs:
        doc_id, till_id, series_pk, ref_id = doc[0], doc[1], doc[2], doc[3]
        sealed_doc = list(doc[4:])
        my_lines = []
        while line is not None and line[0] < doc_id:
            line = next(lines, None)
        while line is not None and line[0] == doc_id:
            my_lines.append(line)
            line = next(lines, None)
        my_pays = []
        while pay is not None and pay[0] < doc_id:
            pay = next(pays, None)
        while pay is not None and pay[0] == doc_id:
            my_pays.append(pay)
            pay = next(pays, None)
        my_events = []
        while event is not None and event[0] < doc_id:
            _orphan(out, event, heads)      # an entry whose document is gone
            event = next(events, None)
        while event is not None and event[0] == doc_id:
            if event[2] <= heads.get(event[1], 0):
                my_events.append(event)
            event = next(events, None)
        if series_pk in series:
            out.documents += 1
        try:
            if series_pk in series:
                _legal(out, runs, doc, series[series_pk], verifiers, my_lines, money)
            _sealed(con, out, chain, doc, sealed_doc, ref_id, till_id, tills, my_lines,
                    my_pays, my_events, unsigned_end)
        except (ValueError, TypeError, ArithmeticError, IndexError):
            # A value this pass cannot read (a date 'garbage', a total 'abc' written by
            # hand): its series and its till's chain go to the precise checks, which read
            # every value raw and name the unreadable one as an alteration (raw_values).
            if series_pk in series:
                out.series_suspect.add(series_pk)
            out.tills_suspect.add(till_id)
    while event is not None:
        _orphan(out, event, heads)
        event = next(events, None)
    for pk, run in runs.items():
        out.series_runs.setdefault(pk, []).append(run)
    for till_id, entries in chain.items():
        out.chain_runs[till_id] = _chain_runs(entries)
    return out


def _orphan(out: RangeResult, event, heads: dict[int, int]) -> None:
    if event[2] <= heads.get(event[1], 0):
        out.tills_suspect.add(event[1])


def _legal(out: RangeResult, runs: dict[int, SeriesRun], doc, series_id: str, verifiers,
           my_lines, money: _Money) -> None:
    """The legal chain of the document's series (integrity._verify_series), as runs."""
    pk = doc[2]
    (_id, _till, _pk, _ref, _uuid, doc_type, _sid, _kind, number, doc_no, _atcud, inv_date,
     entry, *_rest) = doc
    net, tax, gross, previous, digest, key_version = (
        doc[20], doc[21], doc[22], doc[23], doc[24], doc[26])
    suspect = False
    run = runs.get(pk)
    if run is None:
        run = runs[pk] = SeriesRun(number, doc_no, None, number, None, 0)
    elif number != run.last + 1:
        suspect = True
    run.last = number
    run.count += 1
    if doc_no != document_number(doc_type, series_id, number):
        suspect = True
    if digest:
        if run.last_signed is None and run.first_prev is None:
            run.first_prev = previous
        elif previous != run.last_signed and run.last_signed is not None:
            suspect = True
        verifier = verifiers.get(key_version)
        g = money.cents(gross)
        total = f"{g // 100}.{g % 100:02d}" if g is not None and g >= 0 else None
        if verifier is None or total is None or not verifier.verify(
                f"{inv_date};{_entry_time(entry)};{doc_no};{total};{previous or ''}", digest):
            suspect = True
        run.last_signed = digest
    n, t, g = money.cents(net), money.cents(tax), money.cents(gross)
    if None in (n, t, g) or n + t != g or not my_lines:
        suspect = True
    else:
        sums = [0, 0, 0]
        for ln in my_lines:
            ok, lg, lnet, ltax = _line_ok(money, ln)
            if not ok:
                suspect = True
                break
            sums[0] += lg
            sums[1] += lnet
            sums[2] += ltax
        if sums != [g, n, t]:
            suspect = True
    if suspect:
        out.series_suspect.add(pk)


def _sealed(con, out: RangeResult, chain: dict, doc, sealed_doc: list, ref_id, till_id: int,
            tills: dict[int, str], my_lines, my_pays, my_events, unsigned_end) -> None:
    """The document's entries in its till's chain (chains.check_entry and the links)."""
    issued = False
    for ev in my_events:
        ev_till, seq, kind, prev, digest, key_version = ev[1], ev[2], ev[3], ev[9], ev[10], ev[11]
        code = tills.get(ev_till)
        ok = code is not None and till_id == ev_till
        if kind == seal.ISSUED:
            issued = True
        if ok and kind == seal.ISSUED:
            values = sealed_doc[:]
            values.insert(1, code)                               # "till"
            values[9] = _iso(values[9])                          # system_entry_date
            values[28] = _iso(values[28])                        # movement_start
            ref = None
            if ref_id is not None:
                row = con.execute("SELECT uuid FROM documents WHERE id = ?", (ref_id,)
                                  ).fetchone()
                ref = row[0] if row else None
            values.insert(27, ref)                               # "ref_document"
            content = seal.rows_content(
                values, [list(ln[1:]) for ln in my_lines], [list(p[1:]) for p in my_pays])
            try:
                copy = zlib.decompress(ev[8] or b"")
            except zlib.error:
                copy = b""
            ok = copy == content and _hash(seq, prev, content) == digest
        elif ok:
            content = seal.event_content(kind, code, dict(
                document=sealed_doc[0], document_no=sealed_doc[5], at=_iso(ev[4]),
                user_login=ev[5], reason=ev[6], value=ev[7]))
            ok = _hash(seq, prev, content) == digest
        if not ok:
            out.entries_suspect.append((ev_till, seq))
        if key_version is None and seq > unsigned_end.get(ev_till, 0):
            out.tills_suspect.add(ev_till)
        chain.setdefault(ev_till, []).append((seq, prev, digest))
    if not issued:
        out.unsealed.add(till_id)


def _hash(seq: int, prev: str, content: bytes) -> str:
    return hashlib.sha256(b"%d|%s|" % (seq, prev.encode("ascii")) + content).hexdigest()


def _chain_runs(entries: list[tuple]) -> list[ChainRun]:
    entries.sort()
    runs: list[ChainRun] = []
    for seq, prev, digest in entries:
        last = runs[-1] if runs else None
        if last is not None and seq == last.last + 1 and prev == last.last_hash:
            last.last, last.last_hash = seq, digest
        else:
            runs.append(ChainRun(seq, prev, seq, digest))
    return runs
