"""The till in a process of its own on a real screen (run by test_real_screen.py): the demo
shop in ``folder``, the window placed as ``caixa gui`` places it, then a cashier's screens
one after the other. For each it says where the widgets that must be on screen are, and
grabs the screen itself (the X server's pixels under Xvfb, not a widget's own drawing).

    python -m tests.ui.real_till FOLDER [--fullscreen] [--shots DIR] [--tag NAME]
"""

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--fullscreen", action="store_true")
    ap.add_argument("--shots", default="")
    ap.add_argument("--tag", default="")
    ap.add_argument("--display", action="store_true", help="report the customer display")
    args = ap.parse_args()

    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from pos.bootstrap import open_app
    from pos.services.ports import FixedClock
    from ui.app import build, shutdown

    db = Path(args.folder) / "caixa.db"             # the test's copy of the demo shop
    fresh = not db.exists()
    app = open_app(str(db), clock=FixedClock(datetime(2026, 3, 14, 10, 15, 0)))
    if fresh:
        app.init_demo()
    built = build(app=app, at_delay_ms=60_000)
    w, qt = built.window, QApplication.instance()
    w.place(args.fullscreen)
    screen = w.screen()
    out = {"screen": list(screen.geometry().getRect()),
           "screens": [list(s.geometry().getRect()) for s in QGuiApplication.screens()],
           "pages": {}}

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end or not built.ctx.worker.idle():
            qt.processEvents()
            time.sleep(0.01)

    def look(name: str, widgets: dict) -> None:
        settle()
        page = {"window": list(w.frameGeometry().getRect()), "widgets": {}}
        for key, widget in widgets.items():
            top_left = widget.mapToGlobal(QPoint(0, 0))
            rect = QRect(top_left, widget.size())
            page["widgets"][key] = {"rect": list(rect.getRect()),
                                    "visible": widget.isVisible(),
                                    "on_screen": screen.geometry().contains(rect)}
        if args.shots and not args.display:
            image = screen.grabWindow(0)            # what the screen shows
            image.save(str(Path(args.shots) / f"{args.tag}{name}.png"), "PNG")
        out["pages"][name] = page

    settle(1.0)
    s = w.signin
    s.choose("caixa1")
    s.pin.setText("11")
    look("signin", {"pad": s.pad, "enter": s.enter, "pin": s.pin,
                     "pad_right": s.pad.keys["9"], "pad_back": s.pad.keys["⌫"]})
    s.pin.setText("1111")
    s.submit()
    settle()
    w.open_session.amount.setText("100")
    w.open_session.submit()
    settle()
    sale = w.sale
    for category, code, times in (("Pastelaria", "PAS01", 2), ("Cafetaria", "CAF02", 1),
                                  ("Padaria", "PAO01", 1), ("Bebidas", "BEB05", 1),
                                  ("Mercearia", "MER03", 1), ("Drogaria", "HIG02", 1)):
        sale.grid.select_category(category)
        settle()
        for _ in range(times):
            sale.add_product(sale.grid.buttons[code].product)
    sale.grid.select_category("Frutas")
    settle()
    sale.add_product(sale.grid.buttons["FRU01"].product)        # asks the weight
    settle()
    w.weight.value.setText("1,350")
    w.weight.apply()
    if args.display:
        shown = w.display
        out["display"] = list(shown.geometry().getRect()) if shown else None
        out["display_total"] = shown.total.text() if shown else None
        out["till_total"] = sale.total.text()
        if args.shots:
            shown.grab().save(str(Path(args.shots) / f"{args.tag}customer-display.png"))
    look("sale", {"pay": sale.pay_button, "total": sale.total, "cart": sale.cart_view,
                  "customer": sale.customer_button, "functions": sale.functions["out"],
                  **{f"category {n}": b for n, b in sale.grid.category_buttons.items()}})
    sale.try_pay()
    settle()
    p = w.payment
    p.amount.setText("5")
    p.add("CD")
    look("payment", {"confirm": p.confirm_button, "total": p.total_label, "pad": p.pad,
                     "cash": p.method_buttons["NU"], "others": p.method_buttons["OU"]})
    p.add("NU", p.due + 10 - (p.due % 10))
    p.confirm()
    settle(0.5)
    look("after-sale", {"card": sale.after, "gift": sale.after.gift_button,
                        "pay": sale.pay_button})
    w.go(w.close_page)
    settle()
    look("closing", {"confirm": w.close_page.confirm, "pad": w.close_page.pad})
    print(json.dumps(out))
    w.close()
    shutdown(built)
    return 0


if __name__ == "__main__":
    sys.exit(main())
