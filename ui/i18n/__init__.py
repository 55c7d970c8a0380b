"""Languages of the desktop app: Portuguese (pt_PT) by default, English available.

Why Qt's own tools rather than a dictionary: the strings are marked with ``self.tr()`` and
``QCoreApplication.translate()``, extracted by ``pyside6-lupdate`` into
``resources/translations/caixa_<lang>.ts`` (editable in Qt Linguist, which a translator
already knows) and compiled by ``pyside6-lrelease`` into ``.qm`` files loaded by a
``QTranslator``. Both tools ship in the PySide6-Essentials wheel, so no extra dependency.
The source language is Portuguese: with no translator installed the app is in pt_PT.
Rebuild after changing strings with ``python -m ui.i18n.build``.

Messages that come from the core (``PosError``) are Portuguese sentences and stay so.
"""

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources import path

log = logging.getLogger(__name__)
LANGUAGES = {"pt": "pt_PT", "en": "en_GB"}
_installed: list[QTranslator] = []
_current = ["pt"]


def current() -> str:
    """The language installed last ('pt' before any)."""
    return _current[0]


def install(app: QCoreApplication, lang: str = "pt") -> str:
    """Install translators for ``lang`` ('pt' or 'en'); returns the locale name used."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _current[0] = lang
    locale = QLocale(LANGUAGES[lang])
    QLocale.setDefault(locale)
    # Qt's own strings (standard buttons, context menus) in the same language.
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    if lang != "pt":
        ours = QTranslator(app)
        qm = path("translations", f"caixa_{lang}.qm")
        if ours.load(str(qm)):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("translation %s not found; the app stays in Portuguese", qm)
    return LANGUAGES[lang]


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
