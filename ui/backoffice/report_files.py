"""A report as a manager takes it away: printed on the receipt printer (text lines), a CSV
for a spreadsheet, or an A4 PDF. A report is a title, its period and sections of rows;
the same value is shown on screen, printed and written, so they cannot differ."""

import csv
import io
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from pos.files import write_file


@dataclass(frozen=True)
class Section:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[int, ...] = ()


@dataclass(frozen=True)
class Report:
    title: str
    period: str
    sections: tuple[Section, ...] = field(default_factory=tuple)
    lines: tuple[str, ...] = ()          # a report that is text already (X and Z)


def csv_bytes(report: Report) -> bytes:
    """Semicolon-separated, UTF-8 with a BOM: what a spreadsheet in Portugal opens as is."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow([report.title, report.period])
    if report.lines:
        for text in report.lines:
            w.writerow([text])
    for s in report.sections:
        w.writerow([])
        w.writerow([s.title])
        w.writerow(s.headers)
        w.writerows(s.rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_csv(report: Report, path: str) -> str:
    write_file(path, csv_bytes(report), "ficheiro CSV")
    return path


def _escape(text: object) -> str:
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def html(report: Report) -> str:
    parts = [f"<h2>{_escape(report.title)}</h2><p>{_escape(report.period)}</p>"]
    if report.lines:
        parts.append("<pre style='font-family: DejaVu Sans Mono; font-size: 9pt'>" +
                     _escape("\n".join(report.lines)) + "</pre>")
    for s in report.sections:
        parts.append(f"<h3>{_escape(s.title)}</h3>")
        parts.append("<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>" +
                     "".join(f"<th>{_escape(h)}</th>" for h in s.headers) + "</tr>")
        for r in s.rows:
            parts.append("<tr>" + "".join(
                f"<td{' align=right' if i in s.numeric else ''}>{_escape(c)}</td>"
                for i, c in enumerate(r)) + "</tr>")
        parts.append("</table>")
    return "".join(parts)


def pdf_bytes(report: Report) -> bytes:
    """An A4 PDF of the report (Qt's own PDF writer: no extra dependency)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15)))
    writer.setTitle(report.title)
    writer.setCreator("Caixa")
    doc = QTextDocument()
    doc.setDefaultStyleSheet("body { font-family: 'DejaVu Sans'; font-size: 9pt; } "
                             "th { background: #e4e7ec; }")
    doc.setHtml(html(report))
    doc.print_(writer)
    del writer                       # finishes the file
    buffer.close()
    return bytes(buffer.data())


def write_pdf(report: Report, path: str) -> str:
    write_file(path, pdf_bytes(report), "ficheiro PDF")
    return path


def printed_lines(report: Report, width: int = 42) -> list[str]:
    """The report on a receipt: each row as its cells side by side, the last one (a figure)
    on the right."""
    if report.lines:
        return [report.period, *report.lines]
    out = [report.period]
    for s in report.sections:
        out += ["-" * width, s.title[:width]]
        for r in s.rows:
            left, right = " ".join(str(c) for c in r[:-1]), str(r[-1]) if r else ""
            room = max(1, width - len(right) - 1)
            out.append(f"{left[:room]:<{room}} {right}")
    return out
