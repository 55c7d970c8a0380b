"""X and Z reports as text lines: the same lines on screen and on the receipt printer."""

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from pos.services.cash import CashReport

from ..widgets.touch import eur

WIDTH = 42


def _t(text: str) -> str:
    return QCoreApplication.translate("Report", text)


def _pair(left: str, right: str, width: int = WIDTH) -> str:
    room = max(1, width - len(right) - 1)
    return f"{left[:room]:<{room}} {right}"


def _pct(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",") + "%"


def report_title(r: CashReport) -> str:
    if r.z_number is None:
        return _t("RELATÓRIO X (leitura)")
    return _t("RELATÓRIO Z n.º %1 (fecho)").replace("%1", str(r.z_number))


def report_lines(r: CashReport, show_expected: bool = True, width: int = WIDTH) -> list[str]:
    """``show_expected=False`` hides the expected cash: an X report printed by a cashier
    must not give away the figure the blind count at closing is checked against."""
    s = r.session
    sep = "-" * width
    out = [
        _t("Caixa %1 · sessão %2").replace("%1", s.till).replace("%2", str(s.id)),
        _pair(_t("Aberta"), f"{s.opened_at:%d/%m/%Y %H:%M} {s.user}", width),
        _pair(_t("Fechada") if s.closed_at else _t("Até"),
              f"{r.at:%d/%m/%Y %H:%M}" + (f" {s.closed_by}" if s.closed_by else ""), width),
    ]
    if r.training:
        out.append(_t("*** FORMAÇÃO: documentos sem valor fiscal ***"))
    out += [sep, _pair(_t("Documentos"), str(r.documents), width)]
    out += [_pair(f"  {doc_type}", str(n), width) for doc_type, n in r.by_type]
    out += [
        _pair(_t("Anulados"), str(r.cancelled), width),
        _pair(_t("Vendas"), eur(r.sales_total), width),
        _pair(_t("Notas de crédito"), eur(-r.refunds_total), width),
        _pair(_t("Total líquido"), eur(r.net_total), width),
        _pair(_t("Faturado a crédito (FT/ND)"), eur(r.on_credit), width),
        sep, _t("Por meio de pagamento"),
    ]
    out += [_pair(f"  {m.name} ({m.count})", eur(m.amount), width) for m in r.by_method] \
        or [_t("  (nenhum pagamento)")]
    out += [sep, _pair(_t("Por taxa de IVA"), _t("Base / IVA"), width)]
    for rate in r.by_rate:
        label = f"  {rate.tax_code} {_pct(rate.percentage)}"
        out.append(_pair(label, f"{eur(rate.base)} / {eur(rate.tax)}", width))
    out += [
        sep,
        _pair(_t("Fundo de caixa"), eur(s.opening_float), width),
        _pair(_t("Entradas de dinheiro"), eur(r.cash_in), width),
        _pair(_t("Saídas de dinheiro"), eur(-r.cash_out), width),
        _pair(_t("Gaveta aberta sem venda"), str(r.drawer_openings), width),
    ]
    if show_expected:
        out.append(_pair(_t("Numerário esperado"), eur(r.expected_cash), width))
    if r.counts:
        out += [sep, _t("Contagem: esperado / contado / diferença")]
        for c in r.counts:
            out.append(f"  {c.name}"[:width])
            out.append(_pair("", f"{eur(c.expected)} / {eur(c.counted)} / "
                                 f"{'+' if c.difference > 0 else ''}{eur(c.difference)}",
                             width))
    return out
