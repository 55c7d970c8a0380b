"""Printer connections: each sends one whole job of bytes, or raises a PrinterError.

network (raw TCP 9100, plain sockets), USB, serial and the Windows spooler (through
python-escpos' connectors, which need pyusb / pyserial / pywin32), CUPS (``lp -o raw``,
no compiled dependency) and a file or device path. A till's printer is a dict in its
configuration, see ``printer_from_config``.

Status: only the network connection reads the printer's answer to ``DLE EOT`` (paper out,
cover open), before sending, so a receipt is not swallowed by a printer that cannot print.
"""

import ipaddress
import json
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Protocol

from pos.domain.errors import ValidationError

from .errors import PrinterError
from .profile import Profile, profile_from_config

DLE_EOT = b"\x10\x04"


@dataclass(frozen=True)
class PrinterStatus:
    paper: str = "unknown"            # ok | low | out | unknown
    cover_open: bool | None = None
    error: bool | None = None         # cutter jam, head overheated… (recoverable error)

    @property
    def problem(self) -> str | None:
        """Why the printer cannot print now, as a sentence; None when it can (or unknown)."""
        if self.paper == "out":
            return "A impressora está sem papel: coloque um rolo novo e volte a imprimir."
        if self.cover_open:
            return "A tampa da impressora está aberta: feche-a e volte a imprimir."
        if self.error:
            return ("A impressora indica um erro (guilhotina encravada ou cabeça quente): "
                    "desligue-a, volte a ligá-la e volte a imprimir.")
        return None

    @property
    def warning(self) -> str | None:
        return "O papel da impressora está a acabar." if self.paper == "low" else None


UNKNOWN = PrinterStatus()


def parse_status(paper_byte: int | None, cause_byte: int | None) -> PrinterStatus:
    """Epson ``DLE EOT 4`` (roll paper sensor) and ``DLE EOT 2`` (offline cause) answers.

    Both have bits 1 and 4 set and bits 0 and 7 clear; anything else is not a status byte.
    """
    def valid(b: int | None) -> bool:
        return b is not None and b & 0x93 == 0x12

    paper, cover, error = "unknown", None, None
    if valid(paper_byte):
        paper = "out" if paper_byte & 0x60 else ("low" if paper_byte & 0x0C else "ok")
    if valid(cause_byte):
        cover, error = bool(cause_byte & 0x04), bool(cause_byte & 0x40)
        if cause_byte & 0x20:
            paper = "out"
    return PrinterStatus(paper, cover, error)


class Connection(Protocol):
    description: str

    def send(self, data: bytes) -> PrinterStatus:
        """Send one job. Returns what the printer said about itself (or UNKNOWN)."""
        ...

    def status(self) -> PrinterStatus: ...


class NetworkConnection:
    def __init__(self, host: str, port: int = 9100, timeout: float = 10.0,
                 check_status: bool = True, status_timeout: float = 1.0):
        self.host, self.port, self.timeout = host, int(port), float(timeout)
        self.check_status, self.status_timeout = check_status, float(status_timeout)
        self.description = f"rede {host}:{self.port}"

    def _connect(self) -> socket.socket:
        where = f"{self.host}:{self.port}"
        try:
            return socket.create_connection((self.host, self.port), timeout=self.timeout)
        except ConnectionRefusedError:
            raise PrinterError(f"A impressora em {where} recusou a ligação: está ligada e é "
                               "a porta certa (normalmente 9100)?") from None
        except TimeoutError:
            raise PrinterError(f"A impressora em {where} não responde: verifique se está "
                               "ligada e na mesma rede.") from None
        except socket.gaierror:
            raise PrinterError(f"Endereço de impressora desconhecido: {self.host}.") from None
        except OSError as exc:
            raise PrinterError(f"Não foi possível ligar à impressora em {where}: "
                               f"{exc.strerror or exc}.") from None

    def _query(self, sock: socket.socket) -> PrinterStatus:
        """Ask the paper sensor and the offline cause; silence means 'unknown', not error."""
        answers: list[int | None] = []
        sock.settimeout(self.status_timeout)
        try:
            for n in (4, 2):
                sock.sendall(DLE_EOT + bytes([n]))
                try:
                    got = sock.recv(1)
                except TimeoutError:
                    got = b""
                answers.append(got[0] if got else None)
                if not got:
                    break
        finally:
            sock.settimeout(self.timeout)
        answers += [None] * (2 - len(answers))
        return parse_status(answers[0], answers[1])

    def status(self) -> PrinterStatus:
        with self._connect() as sock:
            return self._query(sock)

    def send(self, data: bytes) -> PrinterStatus:
        with self._connect() as sock:
            state = self._query(sock) if self.check_status else UNKNOWN
            if state.problem:
                raise PrinterError(state.problem)
            try:
                sock.sendall(data)
                sock.shutdown(socket.SHUT_WR)   # tell the printer the job is complete
            except TimeoutError:
                raise PrinterError(f"A impressora em {self.host}:{self.port} deixou de "
                                   "receber dados: papel encravado ou tampa aberta?") from None
            except OSError as exc:
                raise PrinterError(f"A ligação à impressora em {self.host}:{self.port} "
                                   f"caiu: {exc.strerror or exc}.") from None
            return state


class FileConnection:
    """A file (for tests and for inspecting jobs) or a device such as /dev/usb/lp0."""

    def __init__(self, path: str):
        self.path = str(path)
        self.description = f"ficheiro {self.path}"

    def send(self, data: bytes) -> PrinterStatus:
        try:
            with open(self.path, "wb") as f:
                f.write(data)
                f.flush()
        except FileNotFoundError:
            raise PrinterError(f"O dispositivo ou a pasta não existe: {self.path}.") from None
        except PermissionError:
            raise PrinterError(f"Sem permissão para escrever em {self.path} (em Linux, "
                               "junte o utilizador ao grupo lp).") from None
        except OSError as exc:
            raise PrinterError(f"A impressora em {self.path} não aceitou os dados: "
                               f"{exc.strerror or exc}.") from None
        return UNKNOWN

    def status(self) -> PrinterStatus:
        return UNKNOWN


class CupsConnection:
    """A CUPS queue, job sent raw with ``lp`` (the queue must not filter ESC/POS)."""

    def __init__(self, name: str, server: str | None = None, timeout: float = 30.0):
        self.name, self.server, self.timeout = name, server, float(timeout)
        self.description = f"CUPS {name}"

    def send(self, data: bytes) -> PrinterStatus:
        lp = shutil.which("lp")
        if lp is None:
            raise PrinterError("O comando 'lp' do CUPS não está instalado "
                               "(Debian/Ubuntu: apt install cups-client).")
        cmd = [lp, "-d", self.name, "-o", "raw", "-t", "Caixa"]
        if self.server:
            cmd += ["-h", self.server]
        try:
            done = subprocess.run(cmd, input=data, capture_output=True, timeout=self.timeout,
                                  check=False)
        except subprocess.TimeoutExpired:
            raise PrinterError(f"O CUPS não respondeu a tempo (impressora {self.name}).") \
                from None
        if done.returncode != 0:
            why = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise PrinterError(f"O CUPS recusou o trabalho para {self.name}: "
                               f"{why[-1] if why else 'erro ' + str(done.returncode)}.")
        return UNKNOWN

    def status(self) -> PrinterStatus:
        return UNKNOWN


class EscposConnection:
    """USB, serial or Windows spooler through a python-escpos connector (optional deps)."""

    NEEDS = {"Usb": "pyusb (e libusb)", "Serial": "pyserial", "Win32Raw": "pywin32 (Windows)"}

    def __init__(self, kind: str, description: str, **kwargs):
        self.kind, self.kwargs, self.description = kind, kwargs, description

    def send(self, data: bytes) -> PrinterStatus:
        from ._escpos import escpos

        esc = escpos()
        cls = getattr(esc.printer, self.kind)
        if not cls.is_usable():
            raise PrinterError(f"A ligação {self.description} precisa do pacote "
                               f"{self.NEEDS[self.kind]}.")
        device = cls(**self.kwargs)
        try:
            device.open()
            device._raw(data)
        except esc.exceptions.Error as exc:
            raise PrinterError(f"Impressora {self.description} não encontrada ou ocupada: "
                               f"{str(exc).splitlines()[0]}") from None
        except Exception as exc:   # pyusb/pyserial/pywin32 errors have no common base
            raise PrinterError(f"Erro ao enviar para a impressora {self.description}: "
                               f"{exc}.") from None
        finally:
            try:
                device.close()   # the Windows spooler prints the job on close
            except Exception:    # closing must not hide the real error
                pass
        return UNKNOWN

    def status(self) -> PrinterStatus:
        return UNKNOWN


def _hex(value: str) -> int:
    return int(value, 16)


def connection_from_spec(spec: str, timeout: float = 10.0) -> Connection:
    """``tcp:HOST[:PORT]``, ``usb:VID:PID`` (hex), ``serial:DEV[:BAUD]``, ``cups:NAME``,
    ``win:NAME``, ``file:PATH`` or a plain path."""
    scheme, sep, rest = spec.partition(":")
    scheme = scheme.lower() if sep else ""
    if not spec.strip() or (len(scheme) > 1 and not rest.strip()):
        raise ValidationError(f"Impressora mal indicada: {spec!r}.")
    try:
        if scheme in ("tcp", "net", "network"):
            host, port = rest, 9100
            if rest.startswith("["):                    # [IPv6]:port
                host, _, tail = rest[1:].partition("]")
                port = int(tail[1:]) if tail.startswith(":") else 9100
            elif rest.count(":") == 1:
                host, p = rest.split(":")
                port = int(p)
            elif ":" in rest:
                host = str(ipaddress.IPv6Address(rest))    # a bare IPv6 address
            if not host:
                raise ValueError(spec)
            return NetworkConnection(host, port, timeout)
        if scheme == "usb":
            vid, pid = rest.split(":")
            return EscposConnection("Usb", f"USB {vid}:{pid}", idVendor=_hex(vid),
                                    idProduct=_hex(pid), timeout=int(timeout * 1000))
        if scheme == "serial":
            dev, baud = rest, 9600
            head, _, tail = rest.rpartition(":")
            if head and tail.isdigit():
                dev, baud = head, int(tail)
            return EscposConnection("Serial", f"série {dev}", devfile=dev, baudrate=baud,
                                    timeout=timeout)
        if scheme == "cups":
            return CupsConnection(rest)
        if scheme in ("win", "windows"):
            return EscposConnection("Win32Raw", f"Windows {rest}", printer_name=rest)
        if scheme == "file":
            return FileConnection(rest)
    except ValueError:
        raise ValidationError(f"Impressora mal indicada: {spec!r}.") from None
    if not sep or len(scheme) == 1:      # a plain path (or a Windows drive letter)
        return FileConnection(spec)
    raise ValidationError(f"Tipo de ligação desconhecido: {scheme!r} (use tcp:, usb:, "
                          "serial:, cups:, win: ou file:).")


def connection_from_config(config: dict | str) -> Connection:
    """``"tcp:10.0.0.9"`` or ``{"type": "network", "host": "10.0.0.9", "port": 9100, ...}``."""
    if isinstance(config, str):
        return connection_from_spec(config)
    c = dict(config)
    kind = c.pop("type", "")
    try:
        if kind == "network":
            return NetworkConnection(c["host"], c.get("port", 9100), c.get("timeout", 10.0),
                                     c.get("check_status", True), c.get("status_timeout", 1.0))
        if kind == "usb":
            return EscposConnection(
                "Usb", f"USB {c['vendor_id']}:{c['product_id']}",
                idVendor=_hex(str(c["vendor_id"])), idProduct=_hex(str(c["product_id"])),
                timeout=int(c.get("timeout", 5000)), in_ep=int(c.get("in_ep", 0x82)),
                out_ep=int(c.get("out_ep", 0x01)))
        if kind == "serial":
            return EscposConnection(
                "Serial", f"série {c['device']}", devfile=c["device"],
                baudrate=int(c.get("baudrate", 9600)), timeout=float(c.get("timeout", 5)),
                dsrdtr=bool(c.get("dsrdtr", True)), xonxoff=bool(c.get("xonxoff", False)))
        if kind == "windows":
            return EscposConnection("Win32Raw", f"Windows {c['name']}", printer_name=c["name"])
        if kind == "cups":
            return CupsConnection(c["name"], c.get("server"), c.get("timeout", 30.0))
        if kind == "file":
            return FileConnection(c["path"])
    except KeyError as exc:
        raise ValidationError(f"Falta '{exc.args[0]}' na ligação da impressora.") from None
    except ValueError:
        raise ValidationError("Valor inválido na ligação da impressora.") from None
    raise ValidationError(f"Tipo de ligação desconhecido: {kind!r} (use network, usb, serial, "
                          "windows, cups ou file).")


class Printer(NamedTuple):
    profile: Profile
    connection: Connection


def printer_from_config(config: dict) -> Printer:
    """A till's printer: ``{"connection": ..., "profile": {"preset": ..., ...}}``."""
    if not isinstance(config, dict) or "connection" not in config:
        raise ValidationError("A configuração da impressora precisa de 'connection'.")
    unknown = sorted(set(config) - {"connection", "profile"})
    if unknown:
        raise ValidationError(f"Opção de impressora desconhecida: {', '.join(unknown)}.")
    return Printer(profile_from_config(config.get("profile")),
                   connection_from_config(config["connection"]))


def read_config(value: str) -> dict:
    """Printer configuration from JSON text or from a JSON file's path."""
    text = value
    if not value.lstrip().startswith("{"):
        try:
            text = Path(value).read_text(encoding="utf-8")
        except OSError as exc:
            raise ValidationError(f"Não foi possível ler a configuração da impressora "
                                  f"{value}: {exc.strerror or exc}.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"Configuração da impressora inválida (JSON, linha "
                              f"{exc.lineno}): {exc.msg}.") from None
    if not isinstance(data, dict):
        raise ValidationError("A configuração da impressora tem de ser um objeto JSON.")
    return data
