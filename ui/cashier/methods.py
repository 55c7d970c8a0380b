"""Payment method names as the till shows them (SAF-T codes underneath)."""

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def method_name(code: str) -> str:
    names = {
        "NU": translate("Methods", "Numerário"), "CD": translate("Methods", "Cartão"),
        "MB": translate("Methods", "MB WAY"), "CC": translate("Methods", "Cartão crédito"),
        "TB": translate("Methods", "Transferência"), "CH": translate("Methods", "Cheque"),
        "OU": translate("Methods", "Outros"),
    }
    return names.get(code, code)
