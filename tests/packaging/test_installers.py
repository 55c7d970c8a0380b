"""The installers' sources as far as Linux can check them: launchers only for commands that
exist, the Inno Setup script's required sections, the Windows workflow's steps, the spec's
bundled folders, and the paths the program uses from source, from a bundle and on Windows.

Building the Linux bundle from the same spec, unpacking the .deb and running it is CI's
job (.ci/run: dev.py package, then packaging/check_deb.py)."""

import configparser
import importlib.util
import re
import sys

import pytest
import yaml

from pos import installation, reference
from tests.conftest import ROOT

PACKAGING = ROOT / "packaging"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("caixa_build", PACKAGING / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # its dataclasses look their module up
    sys.path.insert(0, str(PACKAGING))       # as when run as a script: its helpers beside it
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(PACKAGING))
        del sys.modules[spec.name]
        sys.modules.pop("deb_libraries", None)


def cli_commands() -> set[str]:
    from ui.cli import build_parser

    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    return set(sub.choices)


def iss_sections() -> dict[str, list[str]]:
    """The .iss as {section: [entry lines]}, comments dropped, preprocessor lines kept."""
    sections: dict[str, list[str]] = {}
    current = None
    for raw in (PACKAGING / "windows" / "caixa.iss").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            current = sections.setdefault(m.group(1), [])
        elif current is not None:
            current.append(line)
    return sections


def test_every_launcher_runs_a_command_that_exists(build):
    commands = cli_commands()
    assert build.LAUNCHERS, "the till needs its launcher"
    for launcher in build.LAUNCHERS:
        assert launcher.args.split()[0] in commands, launcher
    assert [lnch.args for lnch in build.LAUNCHERS if lnch.id == "caixa"] == ["gui"]


def test_the_desktop_entry_opens_the_till(build):
    (till,) = [lnch for lnch in build.LAUNCHERS if lnch.id == "caixa"]
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read_string(build.desktop_entry(till))
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Exec"] == "/usr/bin/caixa gui"
    assert desktop["Icon"] == "caixa" and desktop["Terminal"] == "false"
    assert desktop["Name"] == "Caixa" and desktop["TryExec"] == "/usr/bin/caixa"


def test_the_inno_setup_script_has_what_a_shop_needs():
    iss = iss_sections()
    setup = dict(line.split("=", 1) for line in iss["Setup"])
    assert setup["DefaultDirName"] == r"{autopf}\Caixa"
    assert setup["PrivilegesRequired"] == "admin"
    assert setup["AppId"].startswith("{{") and "{#AppVersion}" in setup["OutputBaseFilename"]
    assert "x64" in setup["ArchitecturesInstallIn64BitMode"]
    (data,) = [d for d in iss["Dirs"] if r"{commonappdata}\Caixa" in d]
    assert "Permissions: users-modify" in data and "uninsneveruninstall" in data
    (files,) = iss["Files"]
    assert r'Source: "{#DistDir}\caixa\*"' in files and "recursesubdirs" in files
    assert any("launchers.iss" in line and line.startswith("#include") for line in iss["Icons"])
    assert any("{uninstallexe}" in line for line in iss["Icons"])
    for section in ("UninstallDelete", "InstallDelete"):
        assert not any("commonappdata" in line for line in iss.get(section, []))
    assert {"pt", "en"} <= {re.search(r'Name: "(\w+)"', ln).group(1) for ln in iss["Languages"]}


def test_start_menu_shortcuts_come_from_the_launchers(build):
    lines = build.iss_launchers().splitlines()
    assert len(lines) == len(build.LAUNCHERS)
    for line, launcher in zip(lines, build.LAUNCHERS, strict=True):
        assert line.startswith(f'Name: "{{group}}\\{launcher.name}"')
        assert r'Filename: "{app}\caixaw.exe"' in line
        assert f'Parameters: "{launcher.args}"' in line


def test_the_windows_workflow_builds_installs_runs_and_uninstalls():
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "windows.yml").read_text())
    (job,) = flow["jobs"].values()
    assert job["runs-on"].startswith("windows")
    script = "\n".join(str(step.get("run", "")) for step in job["steps"])
    assert "python dev.py package" in script and "/VERYSILENT" in script
    assert "self-test" in script and "--version" in script and "unins000.exe" in script
    assert "CAIXA_GUI_QUIT_AFTER_MS" in script
    assert re.search(r"ProgramData\\Caixa\\caixa\.db.*removed", script)


def test_the_spec_bundles_what_the_program_looks_up():
    spec = (PACKAGING / "caixa.spec").read_text()
    destinations = set(re.findall(r'\), "([\w/-]+)"\)', spec))
    assert {"resources/style", "resources/translations", "resources/icons",
            "pos/persistence/migrations", reference.FOLDER} <= destinations
    assert 'name="caixa"' in spec and "caixa_main.py" in spec
    assert 'copy_metadata("caixa")' in spec and 'collect_data_files("escpos")' in spec


def test_shipped_files_resolve_from_source_and_from_a_bundle(tmp_path, monkeypatch):
    assert installation.resource("pos", "persistence", "migrations", "env.py").is_file()
    assert installation.resource("resources", "style", "till.qss").is_file()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert installation.frozen()
    assert installation.resource("resources", "x.qss") == tmp_path / "resources" / "x.qss"
    from resources import path

    assert path("style", "till.qss") == tmp_path / "resources" / "style" / "till.qss"


def test_a_bundle_uses_its_own_reference_files(tmp_path, monkeypatch, shared_at):
    reference.copy_to(tmp_path / "bundle" / reference.FOLDER)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)
    env = {"CAIXA_DATA_DIR": str(tmp_path / "empty-data")}
    assert reference.locate(env) == tmp_path / "bundle" / reference.FOLDER
    assert reference.local_source({}) is None       # no ../shared/at guess from a bundle


def test_windows_keeps_the_shop_under_programdata_once_installed(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    env = {"ProgramData": str(tmp_path / "ProgramData"),
           "LOCALAPPDATA": str(tmp_path / "Local")}
    assert installation.data_dir(env) == tmp_path / "Local" / "Caixa"   # from source
    (tmp_path / "ProgramData" / "Caixa").mkdir(parents=True)            # the installer's
    assert installation.data_dir(env) == tmp_path / "ProgramData" / "Caixa"
    assert installation.data_dir({**env, "CAIXA_DATA_DIR": str(tmp_path / "x")}) == \
        tmp_path / "x"


def test_linux_data_lives_in_the_users_data_directory(tmp_path):
    assert installation.data_dir({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path / "caixa"
