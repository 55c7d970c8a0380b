"""Offscreen grabs of the till's screens at 1024×768 and 1920×1080 (the windows on a real X
server are in test_real_screen.py).

Always rendered (a layout that breaks fails here); written to docs/img/ui-*.png when
CAIXA_UI_SHOTS=1, e.g. ``CAIXA_UI_SHOTS=1 QT_QPA_PLATFORM=offscreen pytest
tests/ui/test_screenshots.py``.
"""

import os
from decimal import Decimal as D
from pathlib import Path

import pytest
from PySide6.QtGui import QFontInfo

ROOT = Path(__file__).resolve().parents[2]
SIZES = [(1024, 768), (1920, 1080)]


def shoot(widget, name: str, size, tmp_path) -> Path:
    folder = ROOT / "docs" / "img" if os.environ.get("CAIXA_UI_SHOTS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"ui-{name}-{size[0]}x{size[1]}.png"
    image = widget.grab()
    assert (image.width(), image.height()) == size
    assert image.save(str(out), "PNG")
    return out


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_screenshots(make_driver, app, size, tmp_path):
    d = make_driver(app, size=size)
    assert QFontInfo(d.w.font()).family().startswith("DejaVu")
    d.tap(d.w.signin.user_buttons["caixa1"])
    d.pad(d.w.signin.pad, "11")
    shoot(d.w, "signin", size, tmp_path)
    d.w.signin.pin.clear()
    d.sign_in("caixa1", "1111", float_="100")
    for category, code, times in (("Pastelaria", "PAS01", 2), ("Cafetaria", "CAF02", 1),
                                  ("Padaria", "PAO01", 1), ("Bebidas", "BEB05", 1)):
        d.tap_product(category, code, times)
    d.tap_product("Frutas", "FRU01")
    d.weigh("1,350")
    d.tap(d.w.sale.customer_button)
    d.pad(d.w.customer.pad, "123456789")
    d.tap(d.w.customer.type_buttons["FR"])
    d.qtbot.wait(50)
    shoot(d.w, "customer", size, tmp_path)
    d.tap(d.w.customer.type_buttons["FS"])
    d.tap(d.w.customer.ok)
    d.tap_product("Pastelaria", "PAS03")
    d.w.sale.refresh(select=5)
    d.qtbot.wait(50)
    shoot(d.w, "sale", size, tmp_path)

    d.tap(d.w.sale.pay_button)
    p = d.w.payment
    d.pad(p.pad, "5")
    d.tap(p.method_buttons["CD"])
    d.qtbot.wait(50)
    shoot(d.w, "payment", size, tmp_path)                # card paid, cash to come
    d.tap(next(b for b in p.quick_buttons if b.text() == "20 €"))
    assert p.change_label.text() == "7,27 €"
    d.tap(p.confirm_button)
    d.wait_idle()
    d.qtbot.wait(50)
    shoot(d.w, "after-sale", size, tmp_path)

    d.tap(d.w.sale.functions["credit"])
    c = d.w.credit
    c.choose(d.app.documents()[0].document_no)
    d.settle()
    c.check(1, D(1))
    c.reason.setText("Defeito")
    d.qtbot.wait(50)
    shoot(d.w, "credit-note", size, tmp_path)
    d.tap(c.back)

    d.tap_product("Pastelaria", "PAS02", 2)
    d.tap(d.w.sale.park)
    d.tap_product("Cafetaria", "CAF01")
    d.tap(d.w.sale.park)
    d.tap(d.w.sale.functions["parked"])
    d.qtbot.wait(50)
    shoot(d.w, "parked", size, tmp_path)
    d.tap(d.w.parked.back)
    d.tap(d.w.sale.search)
    for key in "bol":
        d.tap(d.w.keyboard.keyboard.keys[key])
    d.qtbot.wait(300)
    d.settle()
    shoot(d.w, "keyboard", size, tmp_path)
    d.tap(d.w.keyboard.keyboard.keys["▼"])
    d.function("cash_out")
    d.pad(d.w.cash_move.pad, "25")
    d.tap(d.w.cash_move.quick_buttons[0])
    d.qtbot.wait(50)
    shoot(d.w, "cash-out", size, tmp_path)
    d.tap(d.w.cash_move.ok)

    d.function("close")
    cp = d.w.close_page
    d.pad(cp.pad, "110")
    cp.select("CD")
    d.pad(cp.pad, "5")
    d.qtbot.wait(50)
    shoot(d.w, "closing", size, tmp_path)
    d.tap(cp.confirm)
    assert "não bate certo" in cp.notice.text()
    d.qtbot.wait(50)
    shoot(d.w, "closing-difference", size, tmp_path)
    d.tap(cp.confirm)
    d.qtbot.wait(50)
    shoot(d.w, "z-report", size, tmp_path)
