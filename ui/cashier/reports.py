"""X and Z reports as text lines: the same lines on screen and on the receipt printer."""

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from pos.services.cash import CashReport

from ..widgets.touch import eur
from .methods import method_name

WIDTH = 42
translate = QCoreApplication.translate   # lupdate finds translate("Context", "…")


def _pair(left: str, right: str, width: int = WIDTH) -> str:
    room = max(1, width - len(right) - 1)
    return f"{left[:room]:<{room}} {right}"


def _pct(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",") + "%"


def report_title(r: CashReport) -> str:
    if r.z_number is None:
        return translate("Report", "RELATÓRIO X (leitura)")
    return translate("Report", "RELATÓRIO Z n.º %1 (fecho)").replace("%1", str(r.z_number))


def report_lines(r: CashReport, show_expected: bool = True, width: int = WIDTH) -> list[str]:
    """``show_expected=False`` hides the expected cash: an X report printed by a cashier
    must not give away the figure the blind count at closing is checked against."""
    s = r.session
    sep = "-" * width
    out = [
        translate("Report", "Caixa %1 · sessão %2").replace("%1", s.till).replace("%2", str(s.id)),
        _pair(translate("Report", "Aberta"), f"{s.opened_at:%d/%m/%Y %H:%M} {s.user}", width),
        _pair(translate("Report", "Fechada") if s.closed_at else translate("Report", "Até"),
              f"{r.at:%d/%m/%Y %H:%M}" + (f" {s.closed_by}" if s.closed_by else ""), width),
    ]
    if r.training:
        out.append(translate("Report", "*** FORMAÇÃO: documentos sem valor fiscal ***"))
    out += [sep, _pair(translate("Report", "Documentos"), str(r.documents), width)]
    out += [_pair(f"  {doc_type}", str(n), width) for doc_type, n in r.by_type]
    out += [
        _pair(translate("Report", "Anulados"), str(r.cancelled), width),
        _pair(translate("Report", "Vendas"), eur(r.sales_total), width),
        _pair(translate("Report", "Notas de crédito"), eur(-r.refunds_total), width),
        _pair(translate("Report", "Total líquido"), eur(r.net_total), width),
        _pair(translate("Report", "Faturado a crédito (FT/ND)"), eur(r.on_credit), width),
        sep, translate("Report", "Por meio de pagamento"),
    ]
    out += [_pair(f"  {method_name(m.method)} ({m.count})", eur(m.amount), width)
            for m in r.by_method] \
        or [translate("Report", "  (nenhum pagamento)")]
    if r.refunds_by_method:
        out.append(translate("Report", "Reembolsos (notas de crédito)"))
        out += [_pair(f"  {method_name(m.method)} ({m.count})", eur(-m.amount), width)
                for m in r.refunds_by_method]
    out += [sep, _pair(translate("Report", "Por taxa de IVA"),
                       translate("Report", "Base / IVA"), width)]
    for rate in r.by_rate:
        label = f"  {rate.tax_code} {_pct(rate.percentage)}"
        out.append(_pair(label, f"{eur(rate.base)} / {eur(rate.tax)}", width))
    out += [
        sep,
        _pair(translate("Report", "Fundo de caixa"), eur(s.opening_float), width),
        _pair(translate("Report", "Entradas de dinheiro"), eur(r.cash_in), width),
        _pair(translate("Report", "Saídas de dinheiro"), eur(-r.cash_out), width),
        _pair(translate("Report", "Gaveta aberta sem venda"), str(r.drawer_openings), width),
    ]
    for m in r.movements:               # each one: when, who, why
        sign = "+" if m.kind == "in" else "-"
        what = translate("Report", "Entrada") if m.kind == "in" else \
            translate("Report", "Saída")
        out.append(_pair(f"  {m.at:%H:%M} {what} {m.user}", f"{sign}{eur(m.amount)}", width))
        if m.reason:
            out.append(f"    {m.reason}"[:width])
    if r.parked or r.parked_voided:
        out.append(_pair(translate("Report", "Vendas suspensas por retomar"), str(r.parked),
                         width))
        out.append(_pair(translate("Report", "Vendas suspensas anuladas"),
                         str(r.parked_voided), width))
    if show_expected:
        out.append(_pair(translate("Report", "Numerário esperado"), eur(r.expected_cash), width))
    if r.counts:
        out += [sep, translate("Report", "Contagem: esperado / contado / diferença")]
        for c in r.counts:
            out.append(f"  {method_name(c.method)}"[:width])
            out.append(_pair("", f"{eur(c.expected)} / {eur(c.counted)} / "
                                 f"{'+' if c.difference > 0 else ''}{eur(c.difference)}",
                             width))
    return out
