"""Build Caixa's installers. Run through ``python dev.py package`` (the project's .venv with
the ``build`` extra), which first makes sure AT's reference files are set up.

Linux (Debian tools): ``dist/caixa/`` (the PyInstaller one-folder bundle of
packaging/caixa.spec), ``dist/caixa_<version>_amd64.deb`` (the bundle under /opt/caixa,
``caixa`` on the PATH, a desktop entry and icon per launcher) and
``dist/caixa-<version>-linux-x86_64.tar.gz``.
Windows: ``dist\\caixa\\`` from the same spec and, with Inno Setup's ISCC.exe,
``dist\\caixa-<version>-windows-x64-setup.exe`` (packaging/windows/caixa.iss).

The program keeps no state in its installation folder: the shop lives in the data directory
(pos.installation.data_dir), so the package may be read-only and an upgrade replaces it whole.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

from deb_libraries import linked_libraries, owning_package

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUILD = ROOT / "build" / "package"
SPEC = ROOT / "packaging" / "caixa.spec"
ISS = ROOT / "packaging" / "windows" / "caixa.iss"
ICON_SVG = ROOT / "resources" / "icons" / "caixa.svg"
PNG_SIZES = (48, 128, 256)
MAINTAINER = "Caixa <caixa@example.invalid>"
DESCRIPTION = ("Caixa: ponto de venda para Portugal (offline-first)\n"
               " Faturação certificável: documentos assinados (RSA-SHA1), ATCUD e código QR,\n"
               " impressão ESC/POS, comunicação à AT com fila, SAF-T (PT) e recuperação de\n"
               " documentos manuais. Os dados da loja ficam na pasta de dados do utilizador.")
# Needed although no library links to them: the fonts the till's style sheet and the receipt
# images and PDFs use, and the configuration the bundled fontconfig reads (/etc/fonts).
EXTRA_DEPENDS = ("fonts-dejavu-core", "fontconfig-config")


@dataclass(frozen=True)
class Launcher:
    """One desktop entry (Linux) / Start-menu shortcut (Windows) running ``caixa <args>``."""

    id: str
    name: str
    args: str
    comment: str


# One line per launcher.
LAUNCHERS = (
    Launcher("caixa", "Caixa", "gui", "Ponto de venda: o ecrã tátil da caixa"),
    Launcher("caixa-backoffice", "Caixa Back office", "backoffice", "Gestão da loja e da AT"),
)


def version() -> str:
    from importlib.metadata import version as dist_version

    return dist_version("caixa")


# ---- shared steps --------------------------------------------------------------------

def prepare(build: Path = BUILD) -> None:
    """What the spec bundles besides the code: AT's verified files and the icons."""
    sys.path.insert(0, str(ROOT))
    from pos import reference

    shutil.rmtree(build / "at-reference", ignore_errors=True)
    reference.copy_to(build / "at-reference")
    render_icons(build / "icons")


def render_icons(out: Path) -> None:
    """PNGs for the Linux icon theme and a multi-size .ico for Windows, from the one SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    out.mkdir(parents=True, exist_ok=True)
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841  (QPainter needs it)
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise SystemExit(f"build: {ICON_SVG} is not a valid SVG")
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(out / f"caixa-{size}.png"))
    Image.open(out / "caixa-256.png").save(
        out / "caixa.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])


def pyinstaller(build: Path = BUILD) -> Path:
    """The one-folder bundle (dist/caixa) from packaging/caixa.spec."""
    env = {**os.environ, "CAIXA_PACKAGE_BUILD": str(build)}
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(build / "pyinstaller"),
                    str(SPEC)], cwd=ROOT, env=env, check=True)
    return DIST / "caixa"


# ---- Linux ---------------------------------------------------------------------------

def desktop_entry(launcher: Launcher, command: str = "/usr/bin/caixa") -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={launcher.name}",
        f"Comment={launcher.comment}",
        f"Exec={command} {launcher.args}",
        f"TryExec={command}",
        "Icon=caixa",
        "Terminal=false",
        "Categories=Office;Finance;",
        "StartupWMClass=caixa",
        "",
    ])


def debian_depends(bundle: Path) -> list[str]:
    """Every package owning a library the bundle links to, plus EXTRA_DEPENDS."""
    libs, missing = linked_libraries(bundle)
    packages = set(EXTRA_DEPENDS)
    for lib in libs:
        owner = owning_package(lib)
        if owner is None:
            raise SystemExit(f"build: no Debian package owns {lib} (linked by the bundle)")
        packages.add(owner)
    if missing:
        print(f"build: optional libraries not on this system (their Qt plugins stay unused): "
              f"{', '.join(sorted(missing))}", file=sys.stderr)
    glibc = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "libc6"],
                           capture_output=True, text=True).stdout.split("-")[0]
    return sorted(f"libc6 (>= {glibc})" if p == "libc6" else p for p in packages)


def _copy_tree(src: Path, dst: Path) -> None:
    shutil.copytree(src, dst, symlinks=True)
    for path in [dst, *dst.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o100 else 0o644)


def _install_icons_and_entries(share: Path, command: str) -> None:
    icons = BUILD / "icons"
    for size in PNG_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "caixa.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(icons / f"caixa-{size}.png", target)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps" / "caixa.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ICON_SVG, scalable)
    apps = share / "applications"
    apps.mkdir(parents=True, exist_ok=True)
    for launcher in LAUNCHERS:
        (apps / f"{launcher.id}.desktop").write_text(desktop_entry(launcher, command),
                                                     encoding="utf-8")


def build_deb(bundle: Path, ver: str) -> Path:
    root = BUILD / "deb"
    shutil.rmtree(root, ignore_errors=True)
    _copy_tree(bundle, root / "opt" / "caixa")
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "caixa").symlink_to("/opt/caixa/caixa")
    _install_icons_and_entries(root / "usr" / "share", "/usr/bin/caixa")
    doc = root / "usr" / "share" / "doc" / "caixa"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text("Caixa. Proprietary; see the project's licence.\n")
    for path in [root / "usr", *(root / "usr").rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)
    size_kib = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024
    control = root / "DEBIAN" / "control"
    control.parent.mkdir(mode=0o755)
    control.write_text("\n".join([
        "Package: caixa",
        f"Version: {ver}",
        "Architecture: amd64",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {size_kib}",
        f"Depends: {', '.join(debian_depends(bundle))}",
        "Section: misc",
        "Priority: optional",
        f"Description: {DESCRIPTION}",
        "",
    ]), encoding="utf-8")
    control.chmod(0o644)
    out = DIST / f"caixa_{ver}_amd64.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    return out


def build_tarball(bundle: Path, ver: str) -> Path:
    """The bundle as ``caixa-<version>/`` with the desktop entry and icons in ``share/``."""
    top = f"caixa-{ver}"
    stage = BUILD / "tar"
    shutil.rmtree(stage, ignore_errors=True)
    _copy_tree(bundle, stage / top)
    _install_icons_and_entries(stage / top / "share", "caixa")
    out = DIST / f"caixa-{ver}-linux-x86_64.tar.gz"
    with tarfile.open(out, "w:gz") as tar:
        tar.add(stage / top, arcname=top)
    return out


# ---- Windows -------------------------------------------------------------------------

def iss_launchers() -> str:
    """[Icons] lines for packaging/windows/caixa.iss (it #includes this file)."""
    return "".join(
        f'Name: "{{group}}\\{lnch.name}"; Filename: "{{app}}\\caixaw.exe"; '
        f'Parameters: "{lnch.args}"; IconFilename: "{{app}}\\caixa.ico"; '
        f'Comment: "{lnch.comment}"\n' for lnch in LAUNCHERS)


def build_windows_installer(ver: str) -> Path | None:
    windows = BUILD / "windows"
    windows.mkdir(parents=True, exist_ok=True)
    (windows / "launchers.iss").write_text(iss_launchers(), encoding="utf-8")
    shutil.copyfile(BUILD / "icons" / "caixa.ico", DIST / "caixa" / "caixa.ico")
    iscc = shutil.which("ISCC") or next(
        (p for p in (Path(os.environ.get("ProgramFiles(x86)", "")) / "Inno Setup 6" / "ISCC.exe",
                     Path(os.environ.get("ProgramFiles", "")) / "Inno Setup 6" / "ISCC.exe")
         if p.is_file()), None)
    if iscc is None:
        print("build: Inno Setup (ISCC.exe) not found: the bundle is in dist\\caixa, no "
              "installer was made", file=sys.stderr)
        return None
    subprocess.run([str(iscc), f"/DAppVersion={ver}", f"/DBuildDir={BUILD}",
                    f"/DDistDir={DIST}", str(ISS)], check=True)
    return DIST / f"caixa-{ver}-windows-x64-setup.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle-only", action="store_true",
                        help="stop after the PyInstaller bundle (dist/caixa)")
    args = parser.parse_args(argv)
    ver = version()
    prepare()
    bundle = pyinstaller()
    made = [bundle]
    if not args.bundle_only:
        if sys.platform == "win32":
            made.append(build_windows_installer(ver))
        else:
            made += [build_deb(bundle, ver), build_tarball(bundle, ver)]
    for path in filter(None, made):
        print(f"build: {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
