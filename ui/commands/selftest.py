"""`caixa self-test`: prove that this installation can do a shop's essential work.

On a throw-away database in a temporary folder (the shop's own data is never touched): set
up the demo shop, issue and sign a document, verify its signature with the public key,
render its receipt as ESC/POS and as PNG, export the month's SAF-T and validate it against
AT's XSD with every signature checked. It prints each check and exits 0 only when all pass,
the same from source and from the installed bundle (where a missing Qt plugin, data file
or reference file shows up here rather than at the counter).
"""

import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("self-test",
                       help="verifica esta instalação numa base de dados temporária")
    p.set_defaults(func=cmd_self_test)


class _Checks:
    def __init__(self):
        self.failed = 0

    def run(self, what: str, check) -> object:
        start = time.perf_counter()
        try:
            result, detail = check()
        except Exception as exc:   # any failure is a finding, reported and counted
            self.failed += 1
            print(f"FALHOU  {what}: {type(exc).__name__}: {exc}", flush=True)
            return None
        print(f"ok      {what}: {detail} ({(time.perf_counter() - start) * 1000:.0f} ms)",
              flush=True)
        return result


def cmd_self_test(args) -> int:
    from pos.installation import version

    print(f"caixa {version()} — autoteste ({'bundle' if _frozen() else 'fonte'}, "
          f"Python {sys.version.split()[0]})", flush=True)
    checks = _Checks()
    with tempfile.TemporaryDirectory(prefix="caixa-self-test-") as tmp:
        folder = Path(tmp)
        till = checks.run("base de dados", lambda: _open_demo_shop(folder))
        if till is None:
            return 1
        try:
            doc = checks.run("documento assinado", lambda: _sign(till))
            if doc is not None:
                checks.run("assinatura verificada com a chave pública", lambda: _verify(till, doc))
                checks.run("talão ESC/POS", lambda: _escpos(till, doc))
                checks.run("talão PNG", lambda: _png(till, doc))
            checks.run("SAF-T exportado e validado", lambda: _saft(till, folder))
        finally:
            till.close()
    if checks.failed:
        print(f"Autoteste: {checks.failed} verificação(ões) falharam.", flush=True)
        return 1
    print("Autoteste: tudo certo.", flush=True)
    return 0


def _frozen() -> bool:
    from pos.installation import frozen

    return frozen()


# ---- the few calls into the core -----------------------------------------------------

def _open_demo_shop(folder: Path):
    from pos.bootstrap import open_app

    till = open_app(str(folder / "autoteste.db"))
    till.init_demo()
    # Training documents stay out of SAF-T: a normal series, in this throw-away file only.
    till.set_training_mode(False)
    till.add_series("FS", "AUTOTESTE", "AUTOTEST")
    return till, f"loja de demonstração em {folder.name}, série FS AUTOTESTE"


def _sign(till):
    doc = till.sell_items([("PAO01", Decimal(2)), ("CAF01", Decimal(1))], "FS",
                          payments=(("NU", Decimal("10")),), user="caixa1")
    return doc, f"{doc.document_no}, ATCUD {doc.atcud}, total {doc.totals.gross} €"


def _verify(till, doc):
    from pos.domain.signature import signature_message
    from pos.signing import Verifier

    message = signature_message(doc.invoice_date, doc.system_entry_date, doc.document_no,
                                doc.totals.gross, doc.previous_hash)
    key = Verifier(till.public_key(doc.key_version))
    if not key.verify(message, doc.hash):
        raise AssertionError("a assinatura não confere com a chave pública")
    if key.verify(message.replace(doc.document_no, doc.document_no + "0"), doc.hash):
        raise AssertionError("a chave aceita uma mensagem alterada")
    report = till.verify()
    if not report.ok:
        raise AssertionError(report.text())
    return None, "RSA-SHA1, e a cadeia de documentos está íntegra"


def _receipt_parts(till, doc):
    from printing.profile import profile_from_config

    issuer = till.issuer()
    return issuer, till.qr(doc, issuer), profile_from_config({})


def _escpos(till, doc):
    from printing.escpos_render import render_receipt

    issuer, qr, profile = _receipt_parts(till, doc)
    data = render_receipt(doc, issuer, qr, profile)
    number = doc.document_no.encode("ascii")
    if not (data.startswith(b"\x1b@") and number in data and b"\x1dV" in data):
        raise AssertionError("o talão não começa por ESC @, não tem o número ou não corta")
    return None, f"{len(data)} bytes"


def _png(till, doc):
    from io import BytesIO

    from PIL import Image

    from printing.preview import receipt_png

    issuer, qr, profile = _receipt_parts(till, doc)
    image = Image.open(BytesIO(receipt_png(doc, issuer, qr, profile)))
    image.load()
    return None, f"{image.width}×{image.height} px"


def _saft(till, folder: Path):
    from pos import reference
    from pos.saft.validator import KeyRing, validate

    today = till.clock.now().date()
    out = folder / "saft.xml"
    result = till.export_saft(out, today.year, today.month)
    report = validate(out, reference.require() / reference.SAFT_XSD,
                      keyring=KeyRing(till.verifiers()))
    if not report.ok:
        raise AssertionError("; ".join(str(p) for p in report.problems[:3]))
    return None, (f"{result.documents} documento(s), esquema da AT válido, "
                  f"{report.signatures} assinatura(s) verificada(s)")
