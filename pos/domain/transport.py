"""Where goods are loaded and unloaded, and what carries them (transport documents).

A guide names its load and unload places (SGDT AddressFrom/AddressTo, SAF-T ShipFrom/ShipTo)
and, when known, the vehicle (SGDT VehicleID; SAF-T ShipFrom/DeliveryID, which P302 4.2.3.17.1
defines as "the license plate number of the carrier vehicle"). They are kept with the
document as JSON (``extra``): this module reads them back, for printing and export alike.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import ValidationError
from .extra import extra_mapping

MAX_VEHICLE = 32          # SGDT VehicleID; SAF-T DeliveryID allows 255
_VEHICLE_RE = re.compile(r"^[A-Z0-9][A-Z0-9 .\-]*$")


@dataclass(frozen=True)
class Place:
    detail: str
    city: str
    postal_code: str
    country: str = "PT"


@dataclass(frozen=True)
class Transport:
    load: Place | None = None
    unload: Place | None = None
    vehicle: str = ""


PLACE_LIMITS = (("morada", 210), ("localidade", 50), ("código postal", 20))
_POSTAL_PT = re.compile(r"^[0-9]{4}-[0-9]{3}$")


def clean_place(place: Place, what: str) -> Place:
    """A load or unload place as typed, checked: an address, a town and a postal code (the
    Portuguese form NNNN-NNN for PT), short enough for SAF-T and AT's transport service."""
    values = []
    for (name, limit), value in zip(PLACE_LIMITS, (place.detail, place.city,
                                                   place.postal_code), strict=True):
        text = " ".join((value or "").split())
        if not text:
            raise ValidationError(f"Local de {what}: indique {name}.")
        if len(text) > limit or any(ord(ch) < 32 or ord(ch) == 127 for ch in value or ""):
            raise ValidationError(f"Local de {what}: {name} inválida ({limit} caracteres no "
                                  "máximo, sem caracteres de controlo).")
        values.append(text)
    country = (place.country or "PT").strip().upper()
    if len(country) != 2 or not country.isalpha():
        raise ValidationError(f"Local de {what}: país inválido {place.country!r} (2 letras).")
    if country == "PT" and not _POSTAL_PT.match(values[2]):
        raise ValidationError(f"Local de {what}: código postal {values[2]!r} inválido "
                              "(use NNNN-NNN).")
    return Place(*values, country)


def clean_vehicle(text: str | None) -> str:
    """A licence plate as typed ('aa-00-bb' -> 'AA-00-BB'); '' when none was given."""
    plate = " ".join((text or "").split()).upper()
    if not plate:
        return ""
    if len(plate) > MAX_VEHICLE or not plate.isascii() or not _VEHICLE_RE.match(plate):
        raise ValidationError(
            f"Matrícula inválida: {text!r}. Use letras, algarismos, espaços ou hífenes, até "
            f"{MAX_VEHICLE} caracteres (por exemplo AA-00-BB).")
    return plate


def _place(value: Any) -> Place | None:
    if not isinstance(value, Mapping):
        return None
    detail = str(value.get("detail") or "").strip()
    if not detail:
        return None
    return Place(detail, str(value.get("city") or ""), str(value.get("postal_code") or ""),
                 str(value.get("country") or "PT"))


def transport_of(extra: Mapping[str, Any] | str | None) -> Transport | None:
    """The transport data kept with a document (its ``extra``), or None when there is none."""
    extra = extra_mapping(extra)
    if extra is None:
        return None
    load, unload = _place(extra.get("address_from")), _place(extra.get("address_to"))
    vehicle = str(extra.get("vehicle") or "").strip()
    if load is None and unload is None and not vehicle:
        return None
    return Transport(load, unload, vehicle)
