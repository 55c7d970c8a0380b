"""The till survives a day of widget calls whatever the binding does to None's count."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
from ui import qtcompat
qtcompat.protect_none()
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
app = QApplication([])
label = QLabel()
button = QPushButton()
for i in range(30_000):          # far more than None's and True's natural counts
    label.setText(str(i))
    label.update()
    button.clicked.emit()
print("ok", sys.getrefcount(None) > 0 and sys.getrefcount(True) > 0)
"""


def test_thirty_thousand_void_calls_then_a_clean_exit():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=120, env={"QT_QPA_PLATFORM": "offscreen",
                                            "PATH": "/usr/bin:/bin"}, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-400:]
    assert proc.stdout.strip() == "ok True"
