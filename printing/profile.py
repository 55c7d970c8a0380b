"""Printer profiles: what Caixa needs to know about one receipt printer (pure data).

A profile is configured per till (a dict in the till's configuration) and validated here,
so a typo is a clear sentence at configuration time, not garbage on paper at the first sale.
"""

import math
from dataclasses import dataclass, fields, replace

from pos.domain.errors import PosError, ValidationError
from pos.domain.numbers import MAX_INT, whole_number
from pos.domain.text import first_refused, names, shown

# Code pages Caixa prints Portuguese with, and the Python codec that encodes each.
# CP858 = CP850 + €; CP1252 has € too; CP860 (Portuguese DOS) has every letter but no €.
CODEPAGES = {"CP858": "cp858", "CP1252": "cp1252", "CP860": "cp860", "CP850": "cp850"}

# python-escpos profiles (capabilities.json) of printers known to print `GS ( k` QR codes.
# Cheap clones often ignore GS ( k or print the payload as text (LIBRARIES §1.4), and the
# capabilities' qrCode flag is informational only, so native QR is opt-in per profile AND
# limited to this list; everything else gets the QR as a raster image.
NATIVE_QR_PROFILES = frozenset({
    "TM-T20II", "TM-T20II-42col", "TM-T88IV", "TM-T88IV-SA", "TM-T88V", "TM-P80",
    "TM-P80-42col", "TM-L90",
})


@dataclass(frozen=True)
class Profile:
    name: str = "generic-80"
    columns: int = 48                 # characters per line in font A
    codepage: str = "CP858"
    codepage_slot: int | None = None  # ESC t n; None = the slot escpos knows for the profile
    qr_mode: str = "image"            # image | native
    qr_min_mm: float = 30.0           # QR symbol side, without the quiet zone (QRSPEC §2)
    dpi: int = 203
    paper_px: int = 576               # printable width in dots
    cutter: bool = True
    cut_mode: str = "FULL"            # FULL | PART
    feed_lines: int = 6               # fed before cutting, or to reach the tear bar
    drawer_pin: int = 2               # 2 or 5 (RJ11 drawer port)
    drawer_pulse_ms: int = 100
    logo: str | None = None           # PNG/BMP file printed at the top
    escpos_profile: str = "default"   # python-escpos capabilities name (slots, features)

    @property
    def codec(self) -> str:
        return CODEPAGES[self.codepage]

    @property
    def native_qr(self) -> bool:
        """True only when asked for AND the printer is known to support GS ( k."""
        return self.qr_mode == "native" and self.escpos_profile in NATIVE_QR_PROFILES

    @property
    def warnings(self) -> list[str]:
        out = []
        if self.qr_mode == "native" and not self.native_qr:
            out.append(f"QR nativo não é suportado de forma fiável pelo perfil "
                       f"{self.escpos_profile}: o QR é impresso como imagem.")
        if self.codepage == "CP860":
            out.append("A página de código CP860 não tem o símbolo €: é impresso 'EUR'.")
        if not self.cutter:
            out.append("Impressora sem guilhotina: o talão avança para ser destacado à mão.")
        return out

    def validate(self) -> "Profile":
        if self.codepage not in CODEPAGES:
            raise ValidationError(f"Página de código não suportada: {self.codepage} "
                                  f"(use {', '.join(CODEPAGES)}).")
        if self.codepage_slot is not None and not 0 <= self.codepage_slot <= 255:
            raise ValidationError("A posição da página de código (ESC t) vai de 0 a 255.")
        if not 32 <= self.columns <= 64:
            raise ValidationError("Colunas da impressora: de 32 a 64.")
        if self.qr_mode not in ("image", "native"):
            raise ValidationError("Modo do QR: 'image' ou 'native'.")
        if self.qr_min_mm < 30:
            raise ValidationError("O QR tem de ter pelo menos 30 mm (Portaria 195/2020).")
        if not 100 <= self.dpi <= 600:
            raise ValidationError("Resolução da impressora (dpi) fora do normal: 100 a 600.")
        min_px = int(self.qr_min_mm / 25.4 * self.dpi) + 1
        if not min_px <= self.paper_px <= 2048:
            raise ValidationError(
                f"Largura do papel de {self.paper_px} pontos não comporta um QR de "
                f"{self.qr_min_mm:g} mm a {self.dpi} dpi.")
        if self.cut_mode not in ("FULL", "PART"):
            raise ValidationError("Corte: 'FULL' ou 'PART'.")
        if not 0 <= self.feed_lines <= 255:
            raise ValidationError("Linhas de avanço: de 0 a 255.")
        if self.drawer_pin not in (2, 5):
            raise ValidationError("A gaveta usa o pino 2 ou 5.")
        if not 2 <= self.drawer_pulse_ms <= 510:
            raise ValidationError("Impulso da gaveta: de 2 a 510 ms.")
        return self


PRESETS: dict[str, Profile] = {p.name: p for p in (
    Profile("generic-80"),
    Profile("generic-80-42col", columns=42),
    Profile("generic-58", columns=32, paper_px=384, cutter=False, feed_lines=5),
    Profile("epson-tm-t20", columns=48, escpos_profile="TM-T20II"),
    Profile("epson-tm-t88", columns=42, dpi=180, paper_px=512, escpos_profile="TM-T88V"),
    Profile("pos-5890", columns=32, paper_px=384, cutter=False, feed_lines=5,
            escpos_profile="POS-5890"),
)}

_FIELDS = {f.name for f in fields(Profile)}
_INTS = {"columns", "codepage_slot", "dpi", "paper_px", "feed_lines", "drawer_pin",
         "drawer_pulse_ms"}
_FLOATS = {"qr_min_mm"}
_BOOLS = {"cutter"}


def _coerce(key: str, value):
    if value is None:
        return None
    if key in _BOOLS:
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower()
        if word in ("1", "true", "yes", "sim"):
            return True
        if word in ("0", "false", "no", "não", "nao"):
            return False
        raise ValueError(key)
    if key in _INTS:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError(key)
        return whole_number(value, key, -MAX_INT, MAX_INT)
    if key in _FLOATS:
        number = float(value)
        if isinstance(value, bool) or not math.isfinite(number):
            raise ValueError(key)
        return number
    if not isinstance(value, str) or first_refused(value) is not None or len(value) > 4096:
        raise ValueError(key)
    return value.upper() if key in ("codepage", "cut_mode") else value


def profile_from_config(config: dict | None) -> Profile:
    """``{"preset": "epson-tm-t20", "qr_mode": "native", ...}`` → a validated Profile.

    Unknown keys are refused: a misspelt 'cuter' must not silently leave the default.
    """
    if config is not None and not isinstance(config, dict):
        raise ValidationError("O perfil da impressora é um objeto, por exemplo "
                              f'{{"preset": "generic-80"}}, não {shown(config, 20)}.')
    config = dict(config or {})
    preset = config.pop("preset", "generic-80")
    if not isinstance(preset, str) or preset not in PRESETS:
        raise ValidationError(f"Perfil de impressora desconhecido: {names([preset])} "
                              f"(use {', '.join(PRESETS)}).")
    unknown = sorted(set(config) - set(_FIELDS))
    if unknown:
        raise ValidationError(f"Opção de impressora desconhecida: {names(unknown)}.")
    values = {}
    for key, value in config.items():
        try:
            values[key] = _coerce(key, value)
        except (TypeError, ValueError, OverflowError, PosError):
            raise ValidationError(f"Valor inválido para {key}: {shown(value)}.") from None
    return replace(PRESETS[preset], **values).validate()
