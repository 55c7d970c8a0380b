"""Portuguese by default; English through Qt's translation files (.ts → .qm)."""

from resources import path


def test_english_translation(make_driver, app):
    assert path("translations", "caixa_en.qm").exists()
    d = make_driver(app, lang="en")
    try:
        assert d.w.banner.text() == "TRAINING MODE — documents have no fiscal value"
        d.sign_in()
        assert d.w.sale.pay_button.text() == "PAY\nF4"
        d.tap_product("Pastelaria", "PAS01", 2)
        assert d.w.sale.items_label.text() == "2 items"
        assert d.w.sale.doc_label.text().startswith("FS · Simplified invoice: final consumer")
        d.tap(d.w.sale.pay_button)
        assert d.w.payment.method_buttons["NU"].text() == "Cash  N"
    finally:
        from PySide6.QtWidgets import QApplication

        from ui import i18n
        i18n.install(QApplication.instance(), "pt")


def test_portuguese_by_default(driver):
    assert driver.w.sale.pay_button.text() == "PAGAR\nF4"
    assert driver.w.status.session.full_text() == "Caixa fechada"


def test_every_string_on_screen_has_an_english_translation(tmp_path):
    """lupdate over ui/ into a scratch file: every source string must already be in the
    committed .ts with a finished translation (run ``python -m ui.i18n.build`` after
    changing strings, then translate in Qt Linguist)."""
    import subprocess
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from ui.i18n.build import UI, tool

    def messages(ts: Path) -> dict[tuple[str, str], bool]:
        out = {}
        for ctx in ET.parse(ts).getroot():
            name = ctx.find("name").text
            for m in ctx.findall("message"):
                tr = m.find("translation")
                done = tr.get("type") not in ("unfinished", "obsolete", "vanished") and (
                    bool(tr.text) or any(f.text for f in tr))
                out[(name, m.find("source").text)] = done
        return out

    scratch = tmp_path / "scratch.ts"
    sources = sorted(str(p) for p in UI.rglob("*.py") if "commands" not in p.parts)
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(scratch)], check=True,
                   capture_output=True, timeout=120)
    wanted = set(messages(scratch))
    have = messages(path("translations", "caixa_en.ts"))
    missing = sorted(k for k in wanted if not have.get(k))
    assert not missing, f"untranslated: {missing[:5]}"
