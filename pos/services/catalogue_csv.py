"""The catalogue as a CSV file: a preview with every row's problem, an import that writes all
of it or (when the manager chooses) only the good rows, and an export that reads back in.

The file: a header row naming the columns (English or Portuguese, any order, any case),
separated by ';' (a spreadsheet in Portugal), ',' or a tab; UTF-8 (a BOM is fine) or
Windows-1252. Required: code, name, price, vat; optional: exemption, unit, type, barcode,
category, active. A product already in the catalogue is changed: a column left out keeps
its value, an empty cell empties it. Prices take '.' or ',' as the decimal mark.

The work is split so that 50,000 rows never hold the database long: each row is read and
checked on its own first (no database: ``parse``), then the rows are weighed against the
catalogue (``resolve``: which are new, changed, unchanged or refused — a sold product's
description, a barcode already taken), and the write is a few bulk statements. ``progress``
(stage, done, total) is called along the way; returning False stops with nothing written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import bindparam, exists, func, insert, select, update

from pos.domain import products as rules
from pos.domain.errors import PosError, ValidationError
from pos.domain.products import ProductData
from pos.persistence.models import LineRow, Product
from pos.persistence.uow import UnitOfWork

from .products_admin import SOLD_NAME, SOLD_TYPE, ensure_category, sold_filter

Progress = Callable[[str, int, int], object]
MAX_BYTES = 64 * 1024 * 1024
MAX_ROWS = 500_000
EVERY = 1000                      # rows between two progress calls
COLUMNS = ("code", "name", "price", "vat", "exemption", "unit", "type", "barcode",
           "category", "active")
ALIASES = {"codigo": "code", "código": "code", "ref": "code", "referencia": "code",
           "referência": "code", "descricao": "name", "descrição": "name", "nome": "name",
           "description": "name", "preco": "price", "preço": "price", "pvp": "price",
           "iva": "vat", "tax": "vat", "tax_code": "vat", "isencao": "exemption",
           "isenção": "exemption", "exemption_code": "exemption", "unidade": "unit",
           "tipo": "type", "product_type": "type", "ean": "barcode",
           "codigo_barras": "barcode", "código_barras": "barcode", "categoria": "category",
           "ativo": "active", "activo": "active"}
REQUIRED = ("code", "name", "price", "vat")
YES, NO = {"1", "sim", "s", "yes", "y", "true", "verdadeiro"}, {"0", "não", "nao", "n",
                                                                 "no", "false", "falso"}


@dataclass(frozen=True)
class RowProblem:
    line: int                     # line of the file (the header is line 1)
    code: str
    message: str


@dataclass(frozen=True)
class PreviewRow:
    line: int
    action: str                   # new | changed | unchanged | refused
    code: str
    name: str
    price: str
    vat: str


@dataclass(frozen=True)
class ImportPreview:
    rows: int
    new: int
    changed: int
    unchanged: int
    problems: tuple[RowProblem, ...]
    sample: tuple[PreviewRow, ...]    # the first rows as they would be imported
    columns: tuple[str, ...]
    delimiter: str
    encoding: str

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ImportResult:
    new: int
    changed: int
    unchanged: int
    skipped: tuple[RowProblem, ...]   # refused rows left out (only when asked for)


@dataclass
class _Row:
    line: int
    code: str
    given: dict                   # the columns present, as typed
    data: ProductData | None = None
    problem: str | None = None
    checked: tuple | None = None  # (catalogue row, data, problem) of the last check


@dataclass
class Parsed:
    rows: list[_Row]
    columns: tuple[str, ...]
    delimiter: str
    encoding: str


def _tick(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None and progress(stage, done, total) is False:
        raise ValidationError("Importação cancelada: nada foi gravado.")


def _decode(raw: bytes) -> tuple[str, str]:
    try:
        return raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="strict"), "Windows-1252"


def read_file(path: str | Path) -> bytes:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ValidationError(f"{p.name} tem {size // 1_000_000} MB: o máximo são "
                                  f"{MAX_BYTES // 1_000_000} MB por ficheiro.")
        return p.read_bytes()
    except OSError as exc:
        raise ValidationError(f"Não foi possível ler {p}: {exc.strerror or exc}.") from None


def _header(first: str) -> tuple[str, list[str]]:
    delimiter = ";" if ";" in first else ("\t" if "\t" in first else ",")
    names = next(csv.reader([first], delimiter=delimiter))
    columns = []
    for raw in names:
        key = raw.strip().lower().replace(" ", "_")
        key = ALIASES.get(key, key)
        if key not in COLUMNS:
            raise ValidationError(f"Coluna desconhecida no cabeçalho: {raw.strip()!r} (use "
                                  f"{', '.join(COLUMNS)}).")
        if key in columns:
            raise ValidationError(f"A coluna {key} aparece duas vezes no cabeçalho.")
        columns.append(key)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise ValidationError(f"Faltam colunas no cabeçalho: {', '.join(missing)} (a primeira "
                              "linha do ficheiro nomeia as colunas).")
    return delimiter, columns


def _active(value: str) -> bool:
    word = value.strip().lower()
    if word in YES or word == "":
        return True
    if word in NO:
        return False
    raise ValidationError(f"Ativo inválido: {value!r} (use sim ou não).")


def parse(raw: bytes, progress: Progress | None = None) -> Parsed:
    """Every row read and checked on its own (no database)."""
    try:
        text, encoding = _decode(raw)
    except UnicodeDecodeError:
        raise ValidationError("O ficheiro não é texto (UTF-8 ou Windows-1252).") from None
    if "\x00" in text:
        raise ValidationError("O ficheiro não é texto CSV (tem bytes nulos).")
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise ValidationError("O ficheiro está vazio: a primeira linha nomeia as colunas.")
    delimiter, columns = _header(lines[0])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    next(reader)
    rows: list[_Row] = []
    total = max(len(lines) - 1, 0)
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise ValidationError(f"O ficheiro tem mais de {MAX_ROWS} produtos: divida-o.")
        if len(cells) != len(columns):
            rows.append(_Row(line, cells[0].strip() if cells else "", {},
                             problem=f"tem {len(cells)} colunas e o cabeçalho "
                                     f"{len(columns)}."))
            continue
        given = dict(zip(columns, cells, strict=True))
        rows.append(_Row(line, given["code"].strip(), given))
        if len(rows) % EVERY == 0:
            _tick(progress, "reading", len(rows), total)
    _tick(progress, "reading", len(rows), len(rows))
    return Parsed(rows, tuple(columns), delimiter, encoding)


def _merge(row: _Row, old: ProductData | None) -> ProductData:
    g = row.given
    base = old or ProductData(row.code, "", Decimal(0), "NOR")

    def pick(column, current):
        return g[column] if column in g else current
    active = _active(g["active"]) if "active" in g else base.active
    tax = pick("vat", base.tax_code)
    exemption = g.get("exemption") if "exemption" in g else (
        base.exemption_code if str(tax).strip().upper() == base.tax_code else None)
    return rules.product_data(row.code, pick("name", base.name), pick("price", base.price),
                              tax, exemption, pick("unit", base.unit) or "UN",
                              pick("type", base.product_type) or "P",
                              pick("barcode", base.barcode), pick("category", base.category),
                              active)


def _catalogue(uow: UnitOfWork) -> dict[str, ProductData]:
    """The catalogue as values, read as plain rows (50,000 ORM objects cost seconds)."""
    cols = (Product.code, Product.name, Product.price, Product.tax_code,
            Product.exemption_code, Product.unit, Product.product_type, Product.barcode,
            Product.category, Product.active)
    return {r[0]: ProductData(*r) for r in uow.session.execute(select(*cols))}


def _sold_among(uow: UnitOfWork, codes: list[str]) -> set[str]:
    """Which of ``codes`` were sold outside training (by the product-code index)."""
    sold: set[str] = set()
    for start in range(0, len(codes), 500):
        chunk = codes[start:start + 500]
        sold.update(uow.session.scalars(select(Product.code).where(
            Product.code.in_(chunk),
            exists().where(LineRow.product_code == Product.code, sold_filter()))))
    return sold


def resolve(uow: UnitOfWork, parsed: Parsed, progress: Progress | None = None
            ) -> tuple[list[_Row], list[_Row], list[_Row], list[RowProblem]]:
    """(new, changed, unchanged, problems) against the catalogue as it is in ``uow``.

    A row checked before against the same catalogue row keeps its result: the import
    checks everything in a read unit first and again, cheaply, under the write lock. The
    history is only asked about products whose description or type the file changes."""
    total = len(parsed.rows)
    _tick(progress, "checking", 0, total)
    existing = _catalogue(uow)
    _tick(progress, "checking", 0, total)
    for i, row in enumerate(parsed.rows, 1):
        if i % EVERY == 0:
            _tick(progress, "checking", i, total)
        if not row.given:                 # refused while reading (its columns)
            continue
        old = existing.get(row.code)
        if row.checked is None or row.checked[0] != old:
            row.problem, row.data = None, None
            try:
                row.data = _merge(row, old)
            except PosError as exc:
                row.problem = str(exc)
            row.checked = (old, row.data, row.problem)
        else:
            row.data, row.problem = row.checked[1], row.checked[2]
    renamed = [r.code for r in parsed.rows if r.data is not None and r.code in existing
               and (r.data.name, r.data.product_type) != (existing[r.code].name,
                                                          existing[r.code].product_type)]
    sold = _sold_among(uow, renamed) if renamed else set()
    seen: dict[str, int] = {}
    new, changed, unchanged, problems = [], [], [], []
    for row in parsed.rows:
        old = existing.get(row.code)
        problem = row.problem
        if problem is None:
            if row.code in seen:
                problem = f"o código {row.code} já vem na linha {seen[row.code]}."
            elif row.code in sold:
                problem = (SOLD_NAME if row.data.name != old.name else SOLD_TYPE).format(
                    code=row.code)
        seen.setdefault(row.code, row.line)
        if problem is not None:
            problems.append(RowProblem(row.line, row.code, problem))
        elif old is None:
            new.append(row)
        elif row.data != old:
            changed.append(row)
        else:
            unchanged.append(row)
    _check_barcodes(existing, new + changed, problems)
    _tick(progress, "checking", total, total)
    bad = {p.line for p in problems}
    return ([r for r in new if r.line not in bad], [r for r in changed if r.line not in bad],
            unchanged, sorted(problems, key=lambda p: p.line))


def _check_barcodes(existing: dict, rows: list[_Row], problems: list[RowProblem]) -> None:
    """A barcode names one product once the import is done (in the file and the catalogue)."""
    owner = {d.barcode: code for code, d in existing.items() if d.barcode}
    for row in rows:                      # barcodes the file takes away free them
        old = existing.get(row.code)
        if old is not None and old.barcode and owner.get(old.barcode) == row.code:
            del owner[old.barcode]
    for row in rows:
        code = row.data.barcode
        if code is None:
            continue
        if code in owner and owner[code] != row.code:
            problems.append(RowProblem(row.line, row.code, f"o código de barras {code} já é "
                                                           f"do produto {owner[code]}."))
        else:
            owner[code] = row.code


def preview(uow: UnitOfWork, parsed: Parsed, progress: Progress | None = None,
            sample: int = 20) -> ImportPreview:
    new, changed, unchanged, problems = resolve(uow, parsed, progress)
    action = {r.line: "new" for r in new} | {r.line: "changed" for r in changed} | \
        {r.line: "unchanged" for r in unchanged} | {p.line: "refused" for p in problems}
    shown = []
    for row in parsed.rows[:sample]:
        d, g = row.data, row.given
        shown.append(PreviewRow(row.line, action.get(row.line, "refused"), row.code,
                                d.name if d else g.get("name", ""),
                                str(d.price) if d else g.get("price", ""),
                                d.tax_code if d else g.get("vat", "")))
    return ImportPreview(len(parsed.rows), len(new), len(changed), len(unchanged),
                         tuple(problems), tuple(shown), parsed.columns, parsed.delimiter,
                         parsed.encoding)


def write(uow: UnitOfWork, parsed: Parsed, only_valid: bool, now, by: str,
          progress: Progress | None = None) -> ImportResult:
    """Resolve again inside the write unit (cheap after a first ``resolve`` in a read unit:
    only rows whose product changed meanwhile are checked again), then write in bulk, all
    or nothing."""
    def alive(stage, done, total):       # the re-check keeps a progress bar moving
        return _tick(progress, "writing", 0, total)
    new, changed, unchanged, problems = resolve(uow, parsed, alive if progress else None)
    if problems and not only_valid:
        first = problems[0]
        raise ValidationError(f"Nada foi importado: {len(problems)} linha(s) com problemas; "
                              f"a primeira, linha {first.line} ({first.code}): "
                              f"{first.message}")
    for name in sorted({r.data.category for r in new + changed if r.data.category}):
        ensure_category(uow, name, now)
    fields_ = ("name", "price", "tax_code", "exemption_code", "unit", "product_type",
               "barcode", "category", "active")
    table = Product.__table__
    # Core statements: the ORM's bookkeeping would cost more than the rows themselves.
    add = insert(table)
    change = update(table).where(table.c.code == bindparam("key")).values(
        {f: bindparam(f) for f in fields_})
    done, total = 0, len(new) + len(changed)
    conn = uow.session.connection()
    for rows, stmt, key in ((new, add, "code"), (changed, change, "key")):
        for start in range(0, len(rows), 5000):
            chunk = rows[start:start + 5000]
            conn.execute(stmt, [{key: r.code, **{f: getattr(r.data, f) for f in fields_}}
                                for r in chunk])
            done += len(chunk)
            _tick(progress, "writing", done, total)
    uow.audit.append(now, by, "products_imported",
                     f"{len(new)} new, {len(changed)} changed, {len(unchanged)} unchanged, "
                     f"{len(problems)} refused rows left out")
    return ImportResult(len(new), len(changed), len(unchanged), tuple(problems))


def export(uow: UnitOfWork, path: str | Path, include_inactive: bool = True,
           progress: Progress | None = None) -> int:
    """The catalogue as CSV (';', decimal comma, UTF-8 with BOM: a spreadsheet in Portugal
    opens it as it is, and ``parse`` reads it back)."""
    q = select(Product).order_by(Product.code)
    if not include_inactive:
        q = q.where(Product.active)
    total = uow.session.scalar(select(func.count()).select_from(q.subquery())) \
        if progress else 0
    target = Path(path)
    tmp = target.with_name(f".{target.name}.partial")
    count = 0
    try:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh, delimiter=";", lineterminator="\r\n")
            w.writerow(COLUMNS)
            for p in uow.session.scalars(q.execution_options(yield_per=2000)):
                w.writerow((p.code, p.name, format(p.price, "f").replace(".", ","),
                            p.tax_code, p.exemption_code or "", p.unit, p.product_type,
                            p.barcode or "", p.category, "sim" if p.active else "não"))
                count += 1
                if count % EVERY == 0:
                    _tick(progress, "writing", count, total)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError(f"Não foi possível escrever {target}: "
                              f"{exc.strerror or exc}.") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _tick(progress, "writing", count, count)
    return count
