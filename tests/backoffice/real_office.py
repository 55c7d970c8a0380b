"""The back office in a process of its own on a real screen (run by test_real_screen.py):
a shop with two weeks of sales in ``folder``, the window placed as ``caixa backoffice``
places it, then every area one after the other. For each it says where the widgets that
must be on screen are, and grabs the screen itself (the X server's pixels under Xvfb).

    python -m tests.backoffice.real_office FOLDER [--shots DIR] [--tag NAME]
"""

import argparse
import json
import time
from datetime import datetime
from pathlib import Path

AREAS = {   # area -> what must be on screen there
    "dashboard": lambda a: {"refresh": a.update_button, "by_hour": a.by_hour,
                            "by_day": a.by_day, "warnings": a.warnings},
    "catalogue": lambda a: {"save": a.products.save_button, "remove": a.products.remove_button},
    "customers": lambda a: {"save": a.save_button},
    "staff": lambda a: {"save": a.people.save_button, "unlock": a.people.unlock_button},
    "documents": lambda a: {"find": a.find, "reprint": a.reprint_button,
                            "cancel": a.cancel_button, "pdf": a.pdf_button},
    "series": lambda a: {"register": a.series.register_button, "plan": a.series.plan_button},
    "manual": lambda a: {"add": a.books.use_button},
    "reports": lambda a: {"print": a.sales.exports.print_button,
                          "pdf": a.sales.exports.pdf_button},
    "saft": lambda a: {"export": a.export_button, "validate": a.validate_button},
    "settings": lambda a: {"save": a.company.save_button},
    "integrity": lambda a: {"verify": a.verify_button, "acknowledge": a.ack_button},
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--shots", default="")
    ap.add_argument("--tag", default="")
    args = ap.parse_args()

    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QApplication

    from pos.bootstrap import open_app
    from pos.services.ports import FixedClock
    from tests.backoffice.shop_data import seed
    from tests.ui.fakes import FakeAt, FakePrinter
    from ui.backoffice.app import build

    clock = FixedClock(datetime(2026, 3, 14, 10, 15, 0))
    app = open_app(str(Path(args.folder) / "caixa.db"), clock=clock)
    app.init_demo()
    seed(app, clock)
    app.printer, app.at_link = FakePrinter(print_log=app), FakeAt()
    built = build(app=app, lang="pt")
    w, qt = built.window, QApplication.instance()
    w.place()
    screen = w.screen()
    out = {"screen": list(screen.geometry().getRect()), "pages": {}}

    def settle(seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end or not built.ctx.worker.idle():
            qt.processEvents()
            time.sleep(0.01)

    def look(name: str, widgets: dict) -> None:
        settle()
        page = {"window": list(w.frameGeometry().getRect()), "widgets": {}}
        for key, widget in widgets.items():
            rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
            page["widgets"][key] = {"rect": list(rect.getRect()),
                                    "visible": widget.isVisible(),
                                    "on_screen": screen.geometry().contains(rect)}
        if args.shots:
            screen.grabWindow(0).save(str(Path(args.shots) / f"{args.tag}{name}.png"), "PNG")
        out["pages"][name] = page

    settle(1.0)
    s = w.signin
    s.choose("admin")
    s.pin.setText("12")
    look("signin", {"pad": s.pad, "enter": s.enter, "pad_right": s.pad.keys["9"]})
    s.pin.setText("1234")
    s.submit()
    settle()
    for name, widgets in AREAS.items():
        area = w.open_area(name)
        settle()
        look(name, widgets(area))
    print(json.dumps(out))
    w.close()
    built.ctx.worker.shutdown()
    app.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
