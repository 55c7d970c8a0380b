"""Documentos manuais: the typography books of pre-printed forms, the recovery entry form
(a paper form typed back as a signed document of a recovery series, D8632 §2.4), the
numbers still missing from each book, the periods the program could not be used, lost
documents re-entered from their paper duplicates (§2.5) and paper transport guides with
the code AT's phone service gave."""

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from pos.domain.doctypes import DOC_TYPES
from pos.domain.manual import BOOK_STATUSES
from pos.services.manual_recovery import DuplicateEntry, ManualEntry
from pos.services.manual_transport import PaperTransport

from .area import Area
from .kit import action, caption, choice, form, line, panel, row, set_items, side, split, when
from .manual_forms import PaperEntry, datetime_field, py_datetime
from .parts import Table


class ManualArea(Area):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        today = ctx.app.clock.now()
        self.books = BooksTab(self)
        self.recover = RecoverTab(self, today)
        self.missing = MissingTab(self)
        self.periods = PeriodsTab(self, today)
        self.duplicates = DuplicatesTab(self, today)
        self.transport = TransportTab(self, today)
        self.tabbed((self.books, self.tr("Livros")), (self.recover, self.tr("Recuperar")),
                    (self.missing, self.tr("Em falta")),
                    (self.periods, self.tr("Inoperacionalidade")),
                    (self.duplicates, self.tr("Duplicados")),
                    (self.transport, self.tr("Guias em papel")))


def book_label(b) -> str:
    return f"{b.id}: {b.doc_type} {b.manual_series} {b.first_number}–{b.last_number}"


class BooksTab(QWidget):
    def __init__(self, area: ManualArea):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.table = Table([self.tr("Livro"), self.tr("Tipo"), self.tr("Série"),
                            self.tr("Números"), self.tr("Tipografia"), self.tr("Código AT"),
                            self.tr("Estado")], stretch=4, numeric=(0,))
        self.doc_type = choice([(f"{c} — {t.name}", c) for c, t in DOC_TYPES.items()
                                if t.signed])
        self.series = line(self.tr("série impressa nos impressos"), 35)
        self.first = line(self.tr("primeiro n.º"), 9)
        self.last = line(self.tr("último n.º"), 9)
        self.typography = line(self.tr("nome da tipografia"), 100)
        self.typography_nif = line(self.tr("NIF da tipografia"), 9)
        self.authorization = line(self.tr("n.º de autorização"), 50)
        self.code = line(self.tr("código de validação AT da série"), 70)
        self.add_button = action(self.tr("Registar o livro"), "primary")
        self.use_button = action(self.tr("Passar a em uso"))
        self.close_button = action(self.tr("Fechar o livro"))
        self.void_number = line(self.tr("n.º do impresso inutilizado"), 12)
        self.void_reason = line(self.tr("motivo"), 100)
        self.void_button = action(self.tr("Inutilizar"), "danger")
        self.add_button.clicked.connect(self.add_book)
        self.use_button.clicked.connect(lambda: self.status("in_use"))
        self.close_button.clicked.connect(lambda: self.status("closed"))
        self.void_button.clicked.connect(self.void)
        right = side(
            form([(self.tr("Tipo"), self.doc_type), (self.tr("Série"), self.series),
                  (self.tr("Do número"), self.first), (self.tr("Ao número"), self.last),
                  (self.tr("Tipografia"), self.typography),
                  (self.tr("NIF da tipografia"), self.typography_nif),
                  (self.tr("Autorização"), self.authorization),
                  (self.tr("Código AT"), self.code)], stacked=True),
            self.add_button,
            form([(self.tr("Impresso inutilizado (livro escolhido)"), self.void_number),
                  (self.tr("Motivo"), self.void_reason)], stacked=True),
            self.void_button,
            buttons=[row(self.use_button, self.close_button)])
        box = QHBoxLayout(self)
        box.addLayout(split(self.table, right, (3, 2)))

    def refresh(self) -> None:
        self.area.run(self.ctx.app.books, on_done=self._books)

    def _books(self, books) -> None:
        self.table.fill([(b.id, b.doc_type, b.manual_series,
                          f"{b.first_number}–{b.last_number}", b.typography_name,
                          b.validation_code or "—", BOOK_STATUSES.get(b.status, b.status))
                         for b in books], [b.id for b in books])

    def _then(self, text: str):
        def done(_=None) -> None:
            self.area.notice.ok(text)
            self.refresh()
        return done

    def add_book(self) -> None:
        self.area.run(add_book, self.ctx.app, self.doc_type.currentData(), self.series.text(),
                      self.first.text(), self.last.text(), self.typography.text(),
                      self.typography_nif.text(), self.authorization.text(),
                      self.code.text().strip() or None, self.ctx.login,
                      hold=(self.add_button,), on_done=lambda b: self._then(
                          self.tr("Livro %1 registado.").replace("%1", str(b.id)))())

    def status(self, status: str) -> None:
        book = self.table.current()
        if book is None:
            self.area.notice.error(self.tr("Escolha um livro da lista."))
            return
        self.area.run(self.ctx.app.set_book_status, book, status, user=self.ctx.login,
                      on_done=self._then(self.tr("Livro %1 atualizado.")
                                         .replace("%1", str(book))))

    def void(self) -> None:
        self.area.run(self.ctx.app.void_form, self.void_number.text().strip(),
                      self.void_reason.text(), user=self.ctx.login,
                      book_id=self.table.current(), hold=(self.void_button,),
                      on_done=self._then(self.tr("Impresso inutilizado.")))


def add_book(app, doc_type, series, first, last, name, nif, authorization, code, user):
    """A typography book; its numbers typed as text are checked here."""
    from pos.domain.errors import ValidationError

    try:
        a, b = int(first), int(last)
    except ValueError:
        raise ValidationError("O primeiro e o último número do livro são números "
                              "inteiros.") from None
    return app.add_book(doc_type, series, a, b, name, nif, authorization, code, user=user)


class RecoverTab(QWidget):
    """The recovery entry form: a paper form of a book, typed back into the program."""

    def __init__(self, area: ManualArea, now):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.book = choice()
        self.number = line(self.tr("n.º como está impresso, ex. 00017"), 12)
        self.reference = line(self.tr("NC/ND: documento que corrige"), 60)
        self.reason = line(self.tr("NC/ND: motivo"), 50)
        self.entry = PaperEntry(now.date())
        self.go = action(self.tr("Recuperar o documento"), "primary")
        self.go.clicked.connect(self.recover)
        head = form([(self.tr("Livro"), self.book), (self.tr("N.º do impresso"), self.number),
                     (self.tr("Corrige"), self.reference), (self.tr("Motivo"), self.reason)])
        box = QVBoxLayout(self)
        box.addWidget(side(head, self.entry, buttons=[row(self.go, stretch=True)]))

    def refresh(self) -> None:
        self.area.run(self.ctx.app.books, on_done=lambda books: set_items(self.book, [
            (book_label(b), b.id) for b in books if b.status != "stock"]))

    def recover(self) -> None:
        self.area.run(recover, self.ctx.app, self.entry.values(), self.number.text().strip(),
                      self.book.currentData(), self.ctx.login,
                      self.reference.text().strip() or None,
                      self.reason.text().strip() or None, hold=(self.go,),
                      on_done=self.recovered)

    def recovered(self, doc) -> None:
        self.area.notice.ok(self.tr("Recuperado como %1 (ATCUD %2).")
                            .replace("%1", doc.document_no).replace("%2", doc.atcud))
        self.number.clear()
        self.entry.clear()


class MissingTab(QWidget):
    def __init__(self, area: ManualArea):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.table = Table([self.tr("Livro"), self.tr("Série"), self.tr("Recuperados"),
                            self.tr("Inutilizados"), self.tr("Em falta"),
                            self.tr("Números em falta")], stretch=5, numeric=(2, 3, 4))
        box = QVBoxLayout(self)
        box.addWidget(caption(self.tr("Cada impresso usado tem de ser recuperado ou dado como "
                                      "inutilizado: os números em falta estão aqui.")))
        box.addWidget(self.table)

    def refresh(self) -> None:
        self.area.run(self.ctx.app.book_reports, on_done=self._reports)

    def _reports(self, reports) -> None:
        self.table.fill([(book_label(r.book), r.book.manual_series, len(r.recovered),
                          len(r.voided), r.missing_count,
                          ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in r.missing))
                         for r in reports])


class PeriodsTab(QWidget):
    def __init__(self, area: ManualArea, now):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.table = Table([self.tr("Desde"), self.tr("Até"), self.tr("Motivo"),
                            self.tr("Registado por")], stretch=2)
        self.start = datetime_field(now)
        self.reason = line(self.tr("ex. falha de energia"), 200)
        self.start_button = action(self.tr("Começou"), "primary")
        self.end = datetime_field(now)
        self.end_button = action(self.tr("Terminou"))
        self.start_button.clicked.connect(self.begin)
        self.end_button.clicked.connect(self.finish)
        right = side(form([(self.tr("Início"), self.start), (self.tr("Motivo"), self.reason)],
                          stacked=True), self.start_button,
                     form([(self.tr("Fim (do período escolhido, ou do que está em curso)"),
                            self.end)], stacked=True), self.end_button)
        box = QHBoxLayout(self)
        box.addLayout(split(self.table, right, (3, 2)))

    def refresh(self) -> None:
        self.area.run(self.ctx.app.inoperability_periods, on_done=lambda ps: self.table.fill(
            [(when(p.started_at), when(p.ended_at) or self.tr("em curso"), p.reason,
              p.recorded_by) for p in ps], [p.id for p in ps]))

    def begin(self) -> None:
        self.area.run(self.ctx.app.start_inoperability, py_datetime(self.start),
                      self.reason.text(), user=self.ctx.login, hold=(self.start_button,),
                      on_done=lambda _p: (self.area.notice.ok(self.tr("Período registado.")),
                                          self.refresh()))

    def finish(self) -> None:
        self.area.run(self.ctx.app.end_inoperability, py_datetime(self.end),
                      user=self.ctx.login, period_id=self.table.current(),
                      hold=(self.end_button,),
                      on_done=lambda _p: (self.area.notice.ok(self.tr("Período terminado.")),
                                          self.refresh()))


class DuplicatesTab(QWidget):
    """A document the program issued and lost with a restore, typed from its duplicate;
    and, after such a loss, this till's series closed (§2.5.1)."""

    def __init__(self, area: ManualArea, now):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.original = line(self.tr("n.º no duplicado, ex. FT A2026/13"), 60)
        self.entry = PaperEntry(now.date())
        self.go = action(self.tr("Voltar a registar"), "primary")
        self.go.clicked.connect(self.reenter)
        self.loss_reason = line(self.tr("o que se perdeu e porquê"), 200)
        self.lost_type = choice([(c, c) for c, t in DOC_TYPES.items() if t.signed])
        self.lost_series = line(self.tr("série"), 35)
        self.lost_last = line(self.tr("último n.º nos duplicados"), 9)
        self.close_button = action(self.tr("Fechar as séries desta caixa"), "danger")
        self.close_button.clicked.connect(self.close_series)
        loss = QGroupBox(self.tr("Depois de um restauro com perda de documentos"))
        QVBoxLayout(loss).addWidget(panel(
            caption(self.tr("As séries desta caixa são finalizadas no último número emitido, "
                            "ou no último que os duplicados mostram (indique-o): registe "
                            "séries novas antes de voltar a vender.")),
            form([(self.tr("Motivo"), self.loss_reason),
                  (self.tr("Série com documentos perdidos"),
                   row(self.lost_type, self.lost_series, self.lost_last))]),
            row(self.close_button, stretch=True)))
        box = QVBoxLayout(self)
        box.addWidget(side(form([(self.tr("Documento"), self.original)]), self.entry,
                           row(self.go, stretch=True), loss))

    def refresh(self) -> None:
        """Nothing to read: the form starts empty."""

    def reenter(self) -> None:
        self.area.run(reenter, self.ctx.app, self.entry.values(), self.original.text().strip(),
                      self.ctx.login, hold=(self.go,), on_done=lambda doc: (
                          self.area.notice.ok(self.tr("Registado de novo como %1.")
                                              .replace("%1", doc.document_no)),
                          self.entry.clear()))

    def close_series(self) -> None:
        if not self.area.confirmed(self.close_button, self.tr(
                "Finalizar todas as séries desta caixa? Carregue outra vez para confirmar.")):
            return
        self.area.run(close_series, self.ctx.app, self.loss_reason.text(),
                      self.lost_type.currentData(), self.lost_series.text().strip(),
                      self.lost_last.text().strip(), self.ctx.login, hold=(self.close_button,),
                      on_done=lambda closed: self.area.notice.ok(self.tr(
                          "%n série(s) finalizada(s).", "", len(closed))))


class TransportTab(QWidget):
    """A transport guide written on paper, with the code AT's phone service gave."""

    def __init__(self, area: ManualArea, now):
        super().__init__()
        self.area, self.ctx = area, area.ctx
        self.book = choice()
        self.number = line(self.tr("n.º como está impresso"), 12)
        self.start = datetime_field(now)
        self.at_code = line(self.tr("código dado pela AT por telefone"), 200)
        self.vehicle = line(self.tr("matrícula (opcional)"), 32)
        self.entry = PaperEntry(now.date(), payments=False)
        self.go = action(self.tr("Registar a guia"), "primary")
        self.go.clicked.connect(self.record)
        head = form([(self.tr("Livro"), self.book), (self.tr("N.º do impresso"), self.number),
                     (self.tr("Início do transporte"), self.start),
                     (self.tr("Código AT"), self.at_code), (self.tr("Viatura"), self.vehicle)])
        box = QVBoxLayout(self)
        box.addWidget(side(head, self.entry, buttons=[row(self.go, stretch=True)]))

    def refresh(self) -> None:
        self.area.run(self.ctx.app.books, on_done=lambda books: set_items(self.book, [
            (book_label(b), b.id) for b in books
            if b.status != "stock" and DOC_TYPES[b.doc_type].saft_table == "MovementOfGoods"]))

    def record(self) -> None:
        self.area.run(paper_transport, self.ctx.app, self.entry.values(),
                      self.number.text().strip(), self.book.currentData(), self.ctx.login,
                      py_datetime(self.start), self.at_code.text(), self.vehicle.text(),
                      hold=(self.go,), on_done=lambda doc: (
                          self.area.notice.ok(self.tr("Guia registada como %1.")
                                              .replace("%1", doc.document_no)),
                          self.entry.clear()))


# ---- the jobs (plain values in, the facade's document out) --------------------------------

def recover(app, v, number: str, book_id, user: str, reference, reason):
    return app.recover_manual(ManualEntry(
        number=number, doc_date=v.doc_date, lines=v.lines(app), customer=v.customer(),
        payments=v.payments, book_id=book_id, user=user, reference=reference, reason=reason,
        date_reason=v.date_reason))


def reenter(app, v, original: str, user: str):
    return app.reenter_duplicate(DuplicateEntry(
        original=original, doc_date=v.doc_date, lines=v.lines(app), customer=v.customer(),
        payments=v.payments, user=user, date_reason=v.date_reason))


def close_series(app, reason: str, doc_type: str, series_id: str, last: str, user: str):
    """This till's series finalised after a loss; a series whose duplicates show later
    numbers than the database kept is closed at the last of them."""
    from pos.domain.errors import ValidationError

    numbers = None
    if series_id or last:
        if not (series_id and last.isdigit()):
            raise ValidationError("Para uma série com documentos perdidos, indique a série e "
                                  "o último número que os duplicados mostram.")
        numbers = {(doc_type, series_id): int(last)}
    return app.close_series_for_data_loss(reason, numbers, user=user)


def paper_transport(app, v, number: str, book_id, user: str, start, at_code: str,
                    vehicle: str):
    return app.record_paper_transport(PaperTransport(
        entry=ManualEntry(number=number, doc_date=v.doc_date, lines=v.lines(app),
                          customer=v.customer(), book_id=book_id, user=user,
                          date_reason=v.date_reason),
        movement_start=start, at_code=at_code, vehicle=vehicle))
