"""`caixa self-test` from source: every check passes and the shop's data is not touched;
a missing part is named and the exit code says so. (CI runs the same command from the
unpacked .deb: .ci/run.)"""

import os
import subprocess
import sys

from pos import reference
from tests.conftest import ROOT


def self_test(data_dir) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("CAIXA_DB", reference.ENV_LOCAL)}
    env["CAIXA_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "ui.cli", "self-test"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_every_check_passes_on_a_throw_away_shop(tmp_path):
    data = tmp_path / "data"
    reference.copy_to(data / "at-reference")
    proc = self_test(data)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    checks = [ln for ln in lines if ln.startswith(("ok", "FALHOU"))]
    assert len(checks) == 6 and all(ln.startswith("ok") for ln in checks), proc.stdout
    assert "assinatura verificada com a chave pública" in proc.stdout
    assert "1 documento(s), esquema da AT válido, 1 assinatura(s) verificada(s)" in proc.stdout
    assert lines[-1] == "Autoteste: tudo certo."
    assert sorted(p.name for p in data.iterdir()) == ["at-reference"]


def test_a_missing_part_is_named_and_fails_the_test(tmp_path):
    proc = self_test(tmp_path / "empty")
    assert proc.returncode == 1
    (failed,) = [ln for ln in proc.stdout.splitlines() if ln.startswith("FALHOU")]
    assert "SAF-T" in failed and "Faltam os ficheiros de referência da AT" in failed
    assert "1 verificação(ões) falharam" in proc.stdout
