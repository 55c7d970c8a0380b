"""Long work goes to the background helper's long lane with progress signals: the screen's
thread keeps answering (a timer keeps firing on it) while a big catalogue is imported, the
progress bar moves, and stopping it writes nothing."""

import threading

import pytest
from PySide6.QtCore import QTimer

from pos.domain.errors import ValidationError
from ui.workers import Worker


def catalogue_csv(path, n: int) -> str:
    rows = ["código;descrição;preço;iva;unidade;categoria"]
    rows += [f"P{i:06d};Produto de teste {i};{1 + i % 50},{i % 100:02d};NOR;UN;Teste"
             for i in range(n)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def test_progress_reaches_the_screen_and_a_cancel_is_heard(qtbot):
    worker = Worker()
    seen, errors = [], []
    go = threading.Event()

    def job(progress):
        for i in range(1, 6):
            if progress("working", i, 5) is False:
                raise ValidationError("parado")
            go.wait(5) if i == 3 else None
        return "done"

    job_id = worker.submit(job, lane="long", on_progress=lambda *p: seen.append(p),
                           on_error=errors.append)
    qtbot.waitUntil(lambda: ("working", 3, 5) in seen)
    assert worker.cancel(job_id)
    go.set()
    qtbot.waitUntil(worker.idle)
    assert [str(e) for e in errors] == ["parado"]
    done = [d for _s, d, _t in seen]
    assert done == sorted(set(done)) and done[-1] == 4      # newest first, none twice
    assert not worker.cancel(job_id)                   # over: nothing to stop
    worker.shutdown()


def test_the_window_answers_while_a_big_catalogue_is_imported(office, tmp_path):
    office.sign_in()
    area = office.open("catalogue")
    area.tabs.setCurrentWidget(area.files)
    files = area.files
    files.source.set_path(catalogue_csv(tmp_path / "big.csv", 20_000))
    ticks = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(files.progress.running))
    timer.start()
    values = []
    files.progress.bar.valueChanged.connect(values.append)
    files.preview_button.click()
    office.settle(60_000)
    assert "20000 linhas: 20000 novos" in files.summary.text()
    files.import_button.click()
    assert files.progress.isVisible()
    office.settle(120_000)
    timer.stop()
    assert "Importado: 20000 novos" in area.notice.text()
    assert sum(ticks) >= 5, "the screen's thread stood still while importing"
    assert len(values) >= 3 and max(values) == 20_000


def test_a_stopped_import_writes_nothing(office, tmp_path):
    office.sign_in()
    area = office.open("catalogue")
    area.tabs.setCurrentWidget(area.files)
    files = area.files
    files.source.set_path(catalogue_csv(tmp_path / "big.csv", 20_000))
    files.preview_button.click()
    office.settle(60_000)
    before = office.app.product_page(limit=1).total
    files.import_button.click()
    files.progress.cancel()
    office.settle(120_000)
    assert "cancelada" in area.notice.text(), area.notice.text()
    assert office.app.product_page(limit=1).total == before


@pytest.mark.parametrize("lane", ["counter", "long"])
def test_a_job_without_progress_gets_no_progress_argument(qtbot, lane):
    worker = Worker()
    got = []
    worker.submit(lambda **kw: got.append(kw), lane=lane)
    qtbot.waitUntil(worker.idle)
    assert got == [{}]
    worker.shutdown()
