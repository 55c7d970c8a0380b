"""Period archives: a signed bundle an inspector can check on a machine without the shop's
database (DL 28/2019 art. 26: kept ten years).

The bundle is an ordinary ZIP file (any tool opens it) holding, for one till and period:

- ``saft.xml``: the shop's SAF-T (PT) of the period;
- ``documents.jsonl``: the till's document chain over the period — each document's full
  sealed content, its cancellation and AT code;
- ``journal.jsonl``: the till's journal over the period (closures included);
- ``closures.json``: the period's closures (Z, day, month, year) with their grand totals;
- ``keys/``: the public keys — signing (RSA, the ones declared to AT) and seal (Ed25519);
- ``manifest.json``: every file's SHA-256, the period, the shop, the seal key's fingerprint;
- ``LEIA-ME.txt``: how to check it.

The ZIP's comment holds an Ed25519 signature of every byte before it, so a change to any
single byte of the file is caught; then every file is checked against the manifest, every
chain entry against its hash and seal, every signed document against its RSA signature
(with the keys in the bundle), and the SAF-T against the sealed documents. The seal key's
fingerprint is printed: compare it with the one the shop's journal and reports show (or pass
``--expect-key``), since a forger could make a bundle with a key of his own.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree as ET

from pos import signing
from pos.domain import seal
from pos.domain.errors import ValidationError
from pos.domain.signature import signature_message

FORMAT = 1
PREFIX = b"caixa-archive-signature:v1:"
SIG_LEN = 88                       # base64 of a 64-byte Ed25519 signature
EOCD = b"PK\x05\x06"
SAFT_NS = "{urn:OECD:StandardAuditFile-Tax:PT_1.04_01}"
README = """Arquivo do Caixa — {period}, caixa {till}, {company} (NIF {nif}).

Verificar (sem a base de dados da loja):  caixa archive verify {name}
Compare a impressão digital da chave de selagem mostrada com a que a loja indica
(diário e relatórios: 'caixa journal', 'caixa archive verify --expect-key ...').

O ficheiro inteiro está assinado (Ed25519, no comentário do ZIP); manifest.json tem o
SHA-256 de cada ficheiro; documents.jsonl e journal.jsonl são as cadeias seladas da caixa
no período; keys/ tem as chaves públicas de assinatura (RSA, declaradas à AT) e de selagem.
"""


@dataclass
class ArchiveReport:
    path: Path
    manifest: dict = field(default_factory=dict)
    seal_key: str = ""
    documents: int = 0
    journal: int = 0
    closures: int = 0
    saft_documents: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def text(self) -> str:
        m = self.manifest
        head = (f"{self.path.name}: caixa {m.get('till', '?')}, período {m.get('period', '?')}"
                f", chave de selagem {self.seal_key or '?'}\n"
                f"{self.documents} registos de documentos, {self.journal} do diário, "
                f"{self.closures} fechos, {self.saft_documents} documentos no SAF-T "
                "conferidos")
        if self.ok:
            return head + "\nSem problemas: o arquivo está íntegro."
        return head + f"\n{len(self.problems)} problema(s):\n" + "\n".join(
            f"- {p}" for p in self.problems)


# ---- writing --------------------------------------------------------------------------

def write(path: Path, files: dict[str, bytes], manifest: dict, sealer) -> None:
    """The bundle at ``path``: ``files`` plus the manifest, signed as a whole."""
    manifest = {**manifest, "format": FORMAT, "files": {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in sorted(files.items())}}
    stamp = datetime.fromisoformat(manifest["created"]).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in [("manifest.json", json.dumps(manifest, ensure_ascii=False,
                                                        indent=1).encode("utf-8")),
                           *sorted(files.items())]:
            zf.writestr(zipfile.ZipInfo(name, date_time=stamp), data)
        zf.comment = PREFIX + b"0" * SIG_LEN
    data = buffer.getvalue()
    signed = data[:-(len(PREFIX) + SIG_LEN)]
    signature = sealer.seal(signed).encode("ascii")
    path.write_bytes(signed + PREFIX + signature)


# ---- checking -------------------------------------------------------------------------

def _split(data: bytes) -> tuple[bytes, bytes]:
    """(signed bytes, signature) — a ValidationError when the file's end is not ours."""
    at = data.rfind(EOCD)
    if at < 0 or len(data) < at + 22:
        raise ValidationError("não é um arquivo ZIP (fim do ficheiro alterado ou cortado)")
    length = int.from_bytes(data[at + 20:at + 22], "little")
    comment = data[at + 22:]
    if len(comment) != length or not comment.startswith(PREFIX) \
            or len(comment) != len(PREFIX) + SIG_LEN:
        raise ValidationError("assinatura do arquivo ausente ou alterada")
    return data[:at + 22], comment[len(PREFIX):].decode("ascii", "replace")


def verify(path: str | Path, expect_key: str | None = None) -> ArchiveReport:
    """Every check in the module's docstring; the problems found, in words."""
    path = Path(path)
    report = ArchiveReport(path)
    try:
        _verify(path, expect_key, report)
    except Exception as exc:  # noqa: BLE001 - a damaged file is a finding, never a crash
        report.problems.append(f"arquivo danificado: {exc}")
    return report


def _verify(path: Path, expect_key: str | None, report: ArchiveReport) -> None:
    try:
        data = path.read_bytes()
        signed, signature = _split(data)
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
        report.manifest = manifest = json.loads(zf.read("manifest.json"))
    except (OSError, ValidationError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        report.problems.append(f"arquivo ilegível: {exc}")
        return
    seal_pems = {n: zf.read(n) for n in names if n.startswith("keys/seal-")}
    report.seal_key = manifest.get("seal_key", "")
    verifier = None
    for pem in seal_pems.values():
        try:
            candidate = signing.SealVerifier(pem)
        except (ValueError, Exception):   # noqa: BLE001 - a damaged key is a finding below
            continue
        if candidate.fingerprint == report.seal_key:
            verifier = candidate
    if verifier is None:
        report.problems.append("a chave de selagem indicada no manifesto não está no arquivo")
    elif not verifier.verify(signed, signature):
        report.problems.append("assinatura do arquivo inválida: algum byte do ficheiro foi "
                               "alterado")
    if expect_key and report.seal_key != expect_key:
        report.problems.append(f"a chave de selagem do arquivo ({report.seal_key}) não é a "
                               f"esperada ({expect_key})")
    listed = manifest.get("files", {})
    for name, meta in sorted(listed.items()):
        if name not in names:
            report.problems.append(f"{name}: em falta")
            continue
        content = zf.read(name)
        if hashlib.sha256(content).hexdigest() != meta.get("sha256"):
            report.problems.append(f"{name}: conteúdo alterado (SHA-256 não corresponde)")
    for name in sorted(names - set(listed) - {"manifest.json"}):
        report.problems.append(f"{name}: ficheiro a mais, fora do manifesto")
    seals = {int(n.split("-v")[1].split(".")[0]): p for n, p in seal_pems.items()}
    signs = {int(n.split("-v")[1].split(".")[0]): zf.read(n)
             for n in names if n.startswith("keys/signing-")}
    till = manifest.get("till", "")
    docs = _read_lines(zf, "documents.jsonl", report)
    journal = _read_lines(zf, "journal.jsonl", report)
    report.documents, report.journal = len(docs), len(journal)
    seal_verifiers = _verifiers(seals, signing.SealVerifier, report)
    sealed_docs = _check_documents(docs, till, seal_verifiers, report)
    _check_journal(journal, till, seal_verifiers, report)
    _check_rsa(sealed_docs, _verifiers(signs, signing.Verifier, report), report)
    if "saft.xml" in names:
        _check_saft(zf.read("saft.xml"), sealed_docs, manifest, report)
    try:
        report.closures = len(json.loads(zf.read("closures.json")))
    except (KeyError, ValueError):
        report.problems.append("closures.json ilegível")


def _read_lines(zf: zipfile.ZipFile, name: str, report: ArchiveReport) -> list[dict]:
    try:
        return [json.loads(line) for line in zf.read(name).decode("utf-8").splitlines()
                if line.strip()]
    except (KeyError, ValueError, UnicodeDecodeError):
        report.problems.append(f"{name} ilegível")
        return []


def _verifiers(pems: dict[int, bytes], kind, report: ArchiveReport) -> dict:
    out = {}
    for version, pem in pems.items():
        try:
            out[version] = kind(pem)
        except (ValueError, Exception):   # noqa: BLE001 - a damaged key is reported
            report.problems.append(f"chave pública versão {version} ilegível")
    return out


def _chain(entries: list[dict], what: str, content_of, verifiers: dict,
           report: ArchiveReport) -> None:
    prev = entries[0]["prev_hash"] if entries else ""
    expected = entries[0]["seq"] if entries else 0
    unsigned_tail = False
    for e in entries:
        where = f"{what}, registo {e['seq']}"
        if e["seq"] != expected or e["prev_hash"] != prev:
            report.problems.append(f"{where}: não segue o registo anterior")
        digest = content_of(e)
        if digest != e["hash"]:
            report.problems.append(f"{where}: conteúdo alterado (não corresponde ao selo)")
        if e.get("key_version") is None:
            unsigned_tail = True
        else:
            unsigned_tail = False
            verifier = verifiers.get(e["key_version"])
            if verifier is None or not verifier.verify_hash(e["hash"], e.get("signature")):
                report.problems.append(f"{where}: selo inválido")
        expected, prev = e["seq"] + 1, e["hash"]
    if unsigned_tail:
        report.problems.append(f"{what}: os últimos registos não estão selados")


def _check_documents(entries: list[dict], till: str, verifiers: dict,
                     report: ArchiveReport) -> dict[str, list]:
    """Check the document chain; the sealed fields of each document, by number."""
    sealed_docs: dict[str, list] = {}

    def content_of(e: dict) -> str:
        if e["kind"] == seal.ISSUED:
            content = seal.unpack(base64.b64decode(e.get("sealed") or ""))
            try:
                fields = json.loads(content)[2]
                sealed_docs[fields[seal.DOCUMENT_FIELDS.index("document_no")]] = fields
            except (ValueError, IndexError, TypeError):
                pass
        else:
            content = seal.event_content(e["kind"], till, {
                "document": e["document"], "document_no": e["document_no"],
                "at": datetime.fromisoformat(e["at"]), "user_login": e["user"],
                "reason": e.get("reason"), "value": e.get("value")})
        return seal.chain_hash(e["seq"], e["prev_hash"], content)

    _chain(entries, "cadeia de documentos", content_of, verifiers, report)
    return sealed_docs


def _check_journal(entries: list[dict], till: str, verifiers: dict,
                   report: ArchiveReport) -> None:
    def content_of(e: dict) -> str:
        at = datetime.fromisoformat(e["at"])
        if e.get("key_version") is None:
            return seal.legacy_journal_hash(e["prev_hash"], at, e["user"], e["kind"],
                                            e["detail"])
        return seal.chain_hash(e["seq"], e["prev_hash"], seal.journal_content(
            till, at, e["user"], e["kind"], e["detail"]))

    _chain(entries, "diário", content_of, verifiers, report)


def _field(fields: list, name: str):
    return fields[seal.DOCUMENT_FIELDS.index(name)]


def _check_rsa(docs: dict[str, list], verifiers: dict, report: ArchiveReport) -> None:
    for number, fields in sorted(docs.items()):
        digest = _field(fields, "hash")
        if not digest:
            continue                        # receipts are numbered, not signed
        verifier = verifiers.get(_field(fields, "key_version"))
        message = signature_message(
            date.fromisoformat(_field(fields, "invoice_date")),
            datetime.fromisoformat(_field(fields, "system_entry_date")), number,
            Decimal(_field(fields, "gross_total")), _field(fields, "previous_hash"))
        if verifier is None or not verifier.verify(message, digest):
            report.problems.append(f"{number}: assinatura RSA inválida")


def _check_saft(xml: bytes, docs: dict[str, list], manifest: dict,
                report: ArchiveReport) -> None:
    numbers = {"Invoice": "InvoiceNo", "StockMovement": "DocumentNumber",
               "WorkDocument": "DocumentNumber", "Payment": "PaymentRefNo"}
    seen = set()
    try:
        for _event, el in ET.iterparse(io.BytesIO(xml)):
            tag = el.tag.removeprefix(SAFT_NS)
            if tag not in numbers:
                continue
            number = el.findtext(SAFT_NS + numbers[tag])
            digest = el.findtext(SAFT_NS + "Hash") or ""
            gross = el.findtext(f"{SAFT_NS}DocumentTotals/{SAFT_NS}GrossTotal")
            fields = docs.get(number)
            seen.add(number)
            report.saft_documents += 1
            if fields is None:
                continue          # sealed in another till's chain, or outside the period
            if digest and digest != _field(fields, "hash"):
                report.problems.append(f"saft.xml: {number} com Hash diferente do selado")
            if gross is not None and Decimal(gross) != Decimal(_field(fields, "gross_total")):
                report.problems.append(f"saft.xml: {number} com total diferente do selado")
            el.clear()
    except ET.ParseError as exc:
        report.problems.append(f"saft.xml ilegível: {exc}")
        return
    start, end = manifest.get("start", ""), manifest.get("end", "")
    for number, fields in sorted(docs.items()):
        if _field(fields, "series_kind") == "F":
            continue
        day = _field(fields, "invoice_date")
        if start <= day <= end and number not in seen:
            report.problems.append(f"{number}: selado no período mas ausente do saft.xml")
