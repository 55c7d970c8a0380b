"""Validate a SAF-T (PT) file: schema (optional, needs the XSD) and the business checks.

The report names every problem by document number (or table) and what is wrong; it is
``ok`` only when there is none. Signatures need the public keys: from files given by the
user, or the keys in Caixa's database.
"""

from dataclasses import dataclass, field
from pathlib import Path

from pos.domain.errors import NotFoundError
from pos.files import read_file
from pos.signing import Verifier

from . import schema
from .checks import Checker, Problem


class KeyRing:
    """Public keys by version (from the database) and/or loose PEM files tried in turn."""

    def __init__(self, by_version: dict | None = None, loose: list | None = None):
        self.by_version = dict(by_version or {})
        self.loose = list(loose or [])

    @classmethod
    def from_pem_files(cls, paths: list[str | Path]) -> "KeyRing":
        keys = []
        for p in paths:
            try:
                keys.append(Verifier(read_file(p, "chave pública", 1 << 16)))
            except FileNotFoundError:
                raise NotFoundError(f"Chave pública não encontrada: {p}.") from None
            except ValueError:
                raise NotFoundError(f"{p} não é uma chave pública PEM.") from None
        return cls(loose=keys)

    def __bool__(self) -> bool:
        return bool(self.by_version or self.loose)

    def verify(self, version: int, message: str, digest: str) -> bool | None:
        """True/False, or None when no key could judge this version."""
        key = self.by_version.get(version)
        if key is not None:
            return key.verify(message, digest)
        if not self.loose:
            return None
        return any(k.verify(message, digest) for k in self.loose)


@dataclass
class Report:
    path: Path
    schema: str = "não verificado (indique --xsd, ou execute 'caixa at-reference')"
    documents: int = 0
    signatures: int = 0
    unverifiable: int = 0
    keys: bool = False
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def text(self) -> str:
        out = [f"SAF-T {self.path.name}: {self.documents} documentos",
               f"  esquema: {self.schema}",
               "  assinaturas: " + (f"{self.signatures} verificadas"
                                    + (f", {self.unverifiable} sem verificação possível "
                                       "(cadeia anterior ao ficheiro ou outro programa)"
                                       if self.unverifiable else "")
                                    if self.keys else "não verificadas (sem chave pública)")]
        if self.ok:
            out.append("Sem problemas.")
        else:
            out.append(f"{len(self.problems)} problema(s):")
            out += [f"- {p}" for p in self.problems]
        return "\n".join(out)

    def as_dict(self) -> dict:
        return {"file": str(self.path), "ok": self.ok, "documents": self.documents,
                "schema": self.schema, "signatures_verified": self.signatures,
                "signatures_unverifiable": self.unverifiable, "keys": self.keys,
                "problems": [{"where": p.where, "problem": p.what} for p in self.problems]}


def validate(path: str | Path, xsd: str | Path | None = None, xsd11: bool = False,
             keyring: KeyRing | None = None) -> Report:
    path = Path(path)
    if not path.is_file():
        raise NotFoundError(f"Ficheiro não encontrado: {path}.")
    report = Report(path, keys=bool(keyring))
    xsd_file = schema.xsd_path(xsd)
    if xsd_file is not None:
        errors = (schema.validate_xsd11 if xsd11 else schema.validate_xsd10)(path, xsd_file)
        engine = "XSD 1.1 (xmlschema)" if xsd11 else "XSD 1.0 (lxml)"
        report.schema = f"{engine} {xsd_file.name}: " + \
            ("válido" if not errors else f"{len(errors)} erro(s)")
        report.problems += [Problem("esquema", e) for e in errors]
    checker = Checker(keyring if keyring else None)
    checker.run(path)
    report.documents = checker.documents
    report.signatures, report.unverifiable = checker.signatures, checker.unverifiable
    report.problems += checker.problems
    return report
