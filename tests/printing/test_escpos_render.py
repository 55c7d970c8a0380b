"""ESC/POS bytes: golden files, code page, QR (native and image, decoded), cut, drawer.

Golden files are rewritten with ``CAIXA_UPDATE_GOLDEN=1 pytest tests/printing``; review the
diff (the failure message shows a readable dump) before committing them.
"""

import dataclasses
import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pyzbar.pyzbar import decode

from printing.escpos_render import drawer_kick, printable, render, render_receipt
from printing.layout import Cut, Logo, Text
from printing.profile import PRESETS, Profile
from printing.qrimage import module_px_for, qr_modules

from .escpos_parse import dump, native_qr_payloads, raster_images, text_of, tokens

GOLDEN = Path(__file__).parent / "golden"
PT = "ç ã õ á é í ó ú à â ê ô €"
PT_CP858 = b"\x87 \xc6 \xe4 \xa0 \x82 \xa1 \xa2 \xa3 \x85 \x83 \x88 \x93 \xd5"
NATIVE = dataclasses.replace(PRESETS["epson-tm-t20"], qr_mode="native")

CASES = {  # golden name: (document, profile, copy, reprint)
    "fs": ("FS", Profile(), 0, False),
    "ft-customer": ("FT", Profile(), 0, False),
    "nc": ("NC", Profile(), 0, False),
    "fs-reprint": ("FS", Profile(), 1, True),
    "ft-recovered": ("recovered", Profile(), 0, False),
    "fs-58mm": ("FS", PRESETS["generic-58"], 0, False),
    "fs-native-qr": ("FS", NATIVE, 0, False),
}


def receipt(shop, key, profile=None, copy=0, reprint=False, **kw) -> bytes:
    return render_receipt(shop.docs[key], shop.issuer, shop.qr[key], profile or Profile(),
                          copy, reprint, **kw)


@pytest.mark.parametrize("name", CASES)
def test_golden_bytes(shop, name):
    key, profile, copy, reprint = CASES[name]
    data = receipt(shop, key, profile, copy, reprint)
    path = GOLDEN / f"{name}.bin"
    if os.environ.get("CAIXA_UPDATE_GOLDEN"):
        path.write_bytes(data)
    expected = path.read_bytes()
    if data != expected:
        diff = "\n".join(difflib.unified_diff(dump(expected), dump(data), "golden", "now",
                                              lineterm="", n=2))
        pytest.fail(f"{name}: ESC/POS bytes changed:\n{diff[:6000]}")


@pytest.mark.parametrize("name", CASES)
def test_code_page_pinned_once_right_after_init(shop, name):
    key, profile, copy, reprint = CASES[name]
    toks = tokens(receipt(shop, key, profile, copy, reprint))
    assert toks[0] == ("ESC @",)
    assert toks[1] == ("ESC t", 19)                # CP858 on Epson-compatible slot tables
    assert [t for t in toks if t[0] == "ESC t"] == [("ESC t", 19)]   # no magic switching


def test_portuguese_letters_and_euro_are_cp858_bytes():
    data = render([Text(PT), Text(PT.upper())], Profile())
    assert PT_CP858 + b"\n" in data
    assert "Ç Ã Õ Á É Í Ó Ú À Â Ê Ô €".encode("cp858") + b"\n" in data
    assert text_of(data) == f"{PT}\n{PT.upper()}\n"


def test_other_code_pages_and_slot_override():
    cp1252 = render([Text(PT)], Profile(codepage="CP1252"))
    assert tokens(cp1252)[1] == ("ESC t", 16)
    assert PT.encode("cp1252") in cp1252
    # CP860 (Portuguese DOS) has no €: it becomes 'EUR', never a code-page switch.
    cp860 = render([Text(f"{PT} 2,35 €")], Profile(codepage="CP860"))
    assert [t for t in tokens(cp860) if t[0] == "ESC t"] == [("ESC t", 3)]
    assert "ç ã õ á é í ó ú à â ê ô EUR 2,35 EUR".encode("cp860") in cp860
    # A clone whose self-test page shows CP858 in slot 53:
    clone = render([Text(PT)], Profile(codepage_slot=53))
    assert tokens(clone)[1] == ("ESC t", 53) and PT_CP858 in clone


def test_characters_outside_the_code_page_are_replaced_not_switched():
    assert printable("Preço – “ótimo” … Łódź", "cp858") == 'Preço - "ótimo" ... ?ódz'
    data = render([Text("Preço – “ótimo”")], Profile())
    assert [t for t in tokens(data) if t[0] == "ESC t"] == [("ESC t", 19)]
    assert b'Pre\x87o - "\xa2timo"\n' in data


def test_native_qr_payload_parsed_back_from_gs_k(shop):
    for key in ("FS", "FT", "NC", "recovered"):
        data = receipt(shop, key, NATIVE)
        assert native_qr_payloads(data) == [shop.qr[key]]
        stores = [t[1] for t in tokens(data) if t[0] == "GS ( k"]
        assert b"1E1" in stores                      # error correction M (48 + 1)
        size = next(s[2] for s in stores if s[:2] == b"1C")
        modules = qr_modules(shop.qr[key], spec=False)
        assert modules * size / NATIVE.dpi * 25.4 >= 30.0
        assert not raster_images(data)


def test_native_qr_only_on_printers_known_to_support_it(shop):
    clone = Profile(qr_mode="native")               # escpos 'default': unknown printer
    data = receipt(shop, "FS", clone)
    assert native_qr_payloads(data) == [] and len(raster_images(data)) == 1
    assert any("QR nativo" in w for w in clone.warnings)


@pytest.mark.parametrize("profile", [Profile(), PRESETS["generic-58"],
                                     PRESETS["epson-tm-t88"]], ids=lambda p: p.name)
@pytest.mark.parametrize("key", ["FS", "FT", "NC", "recovered"])
def test_image_qr_decodes_with_zbar_and_is_at_least_30_mm(shop, key, profile):
    data = receipt(shop, key, profile)
    [img] = raster_images(data)
    assert img.width <= profile.paper_px
    found = decode(img)
    assert [r.data.decode("utf-8") for r in found] == [shop.qr[key]]
    side_px = found[0].rect.width
    assert side_px / profile.dpi * 25.4 >= 30.0
    assert module_px_for(qr_modules(shop.qr[key]), profile.dpi) * qr_modules(shop.qr[key]) \
        <= profile.paper_px


def test_image_qr_decodes_with_zbarimg_command(shop, tmp_path):
    [img] = raster_images(receipt(shop, "FT"))
    img.save(tmp_path / "qr.png")
    out = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "qr.png")],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == shop.qr["FT"]


def test_cut_and_fallback_without_cutter(shop):
    toks = tokens(receipt(shop, "FS"))
    assert toks[-2:] == [("ESC d", 6), ("GS V", 0)]
    part = tokens(render([Text("x"), Cut()], Profile(cut_mode="PART")))
    assert part[-1] == ("GS V", 1)
    no_cutter = tokens(receipt(shop, "FS", PRESETS["generic-58"]))
    assert not [t for t in no_cutter if t[0] == "GS V"]
    assert no_cutter[-1] == ("ESC d", 5)           # fed past the tear bar instead


def test_drawer_kick_pin_and_pulse(shop):
    assert tokens(receipt(shop, "FS", open_drawer=True))[-1] == ("ESC p", 0, 50, 50)
    five = dataclasses.replace(Profile(), drawer_pin=5, drawer_pulse_ms=200)
    assert tokens(drawer_kick(five)) == [("ESC @",), ("ESC t", 19), ("ESC p", 1, 100, 100)]


def test_logo_is_printed_first_and_a_missing_logo_is_skipped(shop, tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (800, 120), "black").save(logo)
    data = receipt(shop, "normal", Profile(logo=str(logo)))   # training has no shop logo
    toks = tokens(data)
    first_image = next(i for i, t in enumerate(toks) if t[0] == "GS v 0")
    first_text = next(i for i, t in enumerate(toks) if t[0] == "text")
    assert first_image < first_text
    assert len(raster_images(data)) == 2
    assert raster_images(data)[0].width <= 576
    missing = render([Logo(), Text("ok")], Profile(logo=str(tmp_path / "none.png")))
    assert not raster_images(missing) and b"ok\n" in missing


def test_bold_is_resent_after_a_size_change():
    toks = tokens(render([Text("A", bold=True), Text("B", bold=True, width=2, height=2)],
                         Profile()))
    b = toks.index(("text", b"B\n"))
    assert ("ESC !", 0x30) in toks[:b] and toks[b - 1] == ("ESC E", 1)


def test_escpos_import_leaves_no_root_handler_and_no_temp_dir(tmp_path):
    """python-escpos 3.1 adds a root stderr handler and a temp dir per process on import."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    code = ("import logging, sys\n"
            "import printing.layout, printing.pdf, printing.preview, printing.service\n"
            "import printing.connections\n"
            "assert 'escpos' not in sys.modules, 'escpos imported too early'\n"
            "from printing.escpos_render import render\n"
            "from printing.layout import Text\n"
            "from printing.profile import Profile\n"
            "assert render([Text('x')], Profile())\n"
            "assert 'escpos' in sys.modules\n"
            "assert logging.getLogger().handlers == [], logging.getLogger().handlers\n")
    env = {**os.environ, "TMPDIR": str(tmp), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("ESCPOS_CAPABILITIES_PICKLE_DIR", None)
    subprocess.run([sys.executable, "-c", code], env=env, check=True,
                   cwd=Path(__file__).resolve().parents[2])
    assert list(tmp.iterdir()) == []
    assert list((tmp_path / "cache" / "caixa" / "escpos").glob("*.capabilities.pickle"))
