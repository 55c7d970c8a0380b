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
import math
import os
import re
import shutil
import socket
import subprocess
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from pos.domain.errors import ValidationError
from pos.domain.text import first_refused, names, shown
from pos.files import read_text_file

from .errors import NothingPrinted, PrinterError
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


# ---- settings: checked when read, so a bad one is a sentence, never a traceback ------------

_HOST_LABEL = re.compile(r"(?!-)[A-Za-z0-9_-]{1,63}(?<!-)\Z")
MAX_SECONDS = 600.0


def check_host(value: object) -> str:
    """A printer's IP address or host name (RFC 1123 labels, at most 253 characters)."""
    if isinstance(value, str):
        host = value.strip()
        try:
            return str(ipaddress.ip_address(host.strip("[]")))
        except ValueError:
            pass
        labels = host.removesuffix(".").split(".")
        if len(host) <= 253 and all(_HOST_LABEL.match(label) for label in labels):
            return host
    raise ValidationError(f"Endereço de impressora inválido: {shown(value)} (use o IP ou o "
                          "nome da impressora na rede).")


def check_port(value: object) -> int:
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value) if len(value.strip()) <= 5 else -1
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 65535:
        raise ValidationError(f"Porta de impressora inválida: {shown(value, 12)} (1 a 65535; "
                              "normalmente 9100).")
    return value


def check_seconds(value: object, what: str = "tempo limite") -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not math.isfinite(value) or not 0 < value <= MAX_SECONDS:
        raise ValidationError(f"{what[:1].upper()}{what[1:]} da impressora inválido: "
                              f"{shown(value, 12)} (segundos, até {MAX_SECONDS:g}).")
    return float(value)


def check_name(value: object, what: str) -> str:
    """A path, device or queue name: text without control characters, not empty."""
    if isinstance(value, str) and value.strip() and len(value) <= 4096 \
            and first_refused(value) is None:
        return value
    raise ValidationError(f"{what[:1].upper()}{what[1:]} da impressora inválido: "
                          f"{shown(value)}.")


class NetworkConnection:
    def __init__(self, host: str, port: int = 9100, timeout: float = 10.0,
                 check_status: bool = True, status_timeout: float = 1.0):
        self.host, self.port = check_host(host), check_port(port)
        self.timeout = check_seconds(timeout)
        self.check_status = bool(check_status)
        self.status_timeout = check_seconds(status_timeout, "tempo de espera do estado")
        self.description = f"rede {self.host}:{self.port}"

    def _connect(self) -> socket.socket:
        where = f"{self.host}:{self.port}"
        try:
            return socket.create_connection((self.host, self.port), timeout=self.timeout)
        except ConnectionRefusedError:
            raise NothingPrinted(f"A impressora em {where} recusou a ligação: está ligada e "
                                 "é a porta certa (normalmente 9100)?") from None
        except TimeoutError:
            raise NothingPrinted(f"A impressora em {where} não responde: verifique se "
                                 "está ligada e na mesma rede.") from None
        except socket.gaierror:
            raise NothingPrinted(f"Endereço de impressora desconhecido: {self.host}.") \
                from None
        except OSError as exc:
            raise NothingPrinted(f"Não foi possível ligar à impressora em {where}: "
                                 f"{exc.strerror or exc}.") from None
        except ValueError:   # UnicodeError from the IDNA codec: a name no resolver takes
            raise NothingPrinted(f"Endereço de impressora inválido: {shown(self.host)}.") \
                from None

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
                raise NothingPrinted(state.problem)
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
        self.path = check_name(os.fspath(path) if isinstance(path, os.PathLike) else path,
                               "o caminho")
        self.description = f"ficheiro {self.path}"

    def send(self, data: bytes) -> PrinterStatus:
        try:
            f = open(self.path, "wb")
        except FileNotFoundError:
            raise NothingPrinted(f"O dispositivo ou a pasta não existe: {self.path}.") \
                from None
        except PermissionError:
            raise NothingPrinted(f"Sem permissão para escrever em {self.path} (em Linux, "
                                 "junte o utilizador ao grupo lp).") from None
        except OSError as exc:
            raise NothingPrinted(f"A impressora em {self.path} não aceitou os dados: "
                                 f"{exc.strerror or exc}.") from None
        try:
            with f:
                f.write(data)
                f.flush()
        except OSError as exc:
            raise PrinterError(f"A impressora em {self.path} não aceitou os dados: "
                               f"{exc.strerror or exc}.") from None
        return UNKNOWN

    def status(self) -> PrinterStatus:
        return UNKNOWN


class CupsConnection:
    """A CUPS queue, job sent raw with ``lp`` (the queue must not filter ESC/POS)."""

    def __init__(self, name: str, server: str | None = None, timeout: float = 30.0):
        self.name = check_name(name, "o nome da fila CUPS")
        self.server = None if server is None else check_name(server, "o servidor CUPS")
        self.timeout = check_seconds(timeout)
        self.description = f"CUPS {name}"

    def send(self, data: bytes) -> PrinterStatus:
        lp = shutil.which("lp")
        if lp is None:
            raise NothingPrinted("O comando 'lp' do CUPS não está instalado "
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
        if done.returncode != 0:     # the queue refused the job: nothing was printed
            why = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise NothingPrinted(f"O CUPS recusou o trabalho para {self.name}: "
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
            raise NothingPrinted(f"A ligação {self.description} precisa do pacote "
                                 f"{self.NEEDS[self.kind]}.")
        device = cls(**self.kwargs)
        opened = False
        try:
            device.open()
            opened = True
            device._raw(data)
        except esc.exceptions.Error as exc:
            error = NothingPrinted if not opened else PrinterError
            raise error(f"Impressora {self.description} não encontrada ou ocupada: "
                        f"{str(exc).splitlines()[0]}") from None
        except Exception as exc:   # pyusb/pyserial/pywin32 errors have no common base
            error = NothingPrinted if not opened else PrinterError
            raise error(f"Erro ao enviar para a impressora {self.description}: "
                        f"{exc}.") from None
        finally:
            try:
                device.close()   # the Windows spooler prints the job on close
            except Exception:    # closing must not hide the real error
                pass
        return UNKNOWN

    def status(self) -> PrinterStatus:
        return UNKNOWN


def _hex(value: object) -> int:
    text = str(value).strip().lower().removeprefix("0x")
    if not (text.isascii() and 1 <= len(text) <= 4) or not all(c in "0123456789abcdef"
                                                                  for c in text):
        raise ValueError(value)
    return int(text, 16)


def connection_from_spec(spec: str, timeout: float = 10.0) -> Connection:
    """``tcp:HOST[:PORT]``, ``usb:VID:PID`` (hex), ``serial:DEV[:BAUD]``, ``cups:NAME``,
    ``win:NAME``, ``file:PATH`` or a plain path."""
    scheme, sep, rest = spec.partition(":")
    scheme = scheme.lower() if sep else ""
    if not spec.strip() or (len(scheme) > 1 and not rest.strip()):
        raise ValidationError(f"Impressora mal indicada: {shown(spec)}.")
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
            if head and tail.isascii() and tail.isdigit():
                dev, baud = head, _baud(tail)
            return EscposConnection("Serial", f"série {dev}",
                                    devfile=check_name(dev, "o dispositivo série"),
                                    baudrate=baud, timeout=timeout)
        if scheme == "cups":
            return CupsConnection(rest)
        if scheme in ("win", "windows"):
            return EscposConnection("Win32Raw", f"Windows {rest}",
                                    printer_name=check_name(rest, "o nome da impressora"))
        if scheme == "file":
            return FileConnection(rest)
    except ValueError:
        raise ValidationError(f"Impressora mal indicada: {shown(spec)}.") from None
    if not sep or len(scheme) == 1:      # a plain path (or a Windows drive letter)
        return FileConnection(spec)
    raise ValidationError(f"Tipo de ligação desconhecido: {shown(scheme, 12)} (use tcp:, usb:, "
                          "serial:, cups:, win: ou file:).")


def _baud(value: object) -> int:
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 7:
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 300 <= value <= 4_000_000:
        raise ValidationError(f"Velocidade da porta série inválida: {shown(value, 12)}.")
    return value


def _byte(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 255:
        raise ValueError(value)
    return value


def connection_from_config(config: dict | str) -> Connection:
    """``"tcp:10.0.0.9"`` or ``{"type": "network", "host": "10.0.0.9", "port": 9100, ...}``."""
    if isinstance(config, str):
        return connection_from_spec(config)
    if not isinstance(config, dict):
        raise ValidationError("A ligação da impressora é texto (tcp:IP, usb:VID:PID…) ou um "
                              f"objeto JSON com 'type', não {shown(config, 20)}.")
    c = dict(config)
    kind = c.pop("type", "")
    try:
        if kind == "network":
            return NetworkConnection(c["host"], c.get("port", 9100), c.get("timeout", 10.0),
                                     c.get("check_status", True), c.get("status_timeout", 1.0))
        if kind == "usb":
            return EscposConnection(
                "Usb", f"USB {shown(c['vendor_id'], 8)}:{shown(c['product_id'], 8)}",
                idVendor=_hex(c["vendor_id"]), idProduct=_hex(c["product_id"]),
                timeout=int(check_seconds(c.get("timeout", 5000) / 1000) * 1000),
                in_ep=_byte(c.get("in_ep", 0x82)), out_ep=_byte(c.get("out_ep", 0x01)))
        if kind == "serial":
            device = check_name(c["device"], "o dispositivo série")
            return EscposConnection(
                "Serial", f"série {device}", devfile=device,
                baudrate=_baud(c.get("baudrate", 9600)),
                timeout=check_seconds(c.get("timeout", 5)),
                dsrdtr=bool(c.get("dsrdtr", True)), xonxoff=bool(c.get("xonxoff", False)))
        if kind == "windows":
            name = check_name(c["name"], "o nome da impressora")
            return EscposConnection("Win32Raw", f"Windows {name}", printer_name=name)
        if kind == "cups":
            return CupsConnection(c["name"], c.get("server"), c.get("timeout", 30.0))
        if kind == "file":
            return FileConnection(c["path"])
    except KeyError as exc:
        raise ValidationError(f"Falta '{exc.args[0]}' na ligação da impressora.") from None
    except (ValueError, TypeError):
        raise ValidationError("Valor inválido na ligação da impressora.") from None
    raise ValidationError(f"Tipo de ligação desconhecido: {shown(kind, 20)} (use network, usb, "
                          "serial, windows, cups ou file).")


class Printer(NamedTuple):
    profile: Profile
    connection: Connection


def check_config(config: object) -> dict:
    """The shape of a printer configuration: an object with a text or object 'connection'
    (when given) and an object 'profile' (when given), nothing else."""
    if not isinstance(config, dict):
        raise ValidationError("A configuração da impressora tem de ser um objeto JSON.")
    unknown = sorted(set(config) - {"connection", "profile"})
    if unknown:
        raise ValidationError(f"Opção de impressora desconhecida: {names(unknown)}.")
    if "connection" in config and not isinstance(config["connection"], str | dict):
        raise ValidationError("'connection' da impressora é texto (tcp:IP, usb:VID:PID…) ou "
                              f"um objeto, não {shown(config['connection'], 20)}.")
    if config.get("profile") is not None and not isinstance(config["profile"], dict):
        raise ValidationError("'profile' da impressora é um objeto, por exemplo "
                              f'{{"preset": "generic-80"}}, não {shown(config["profile"], 20)}.')
    return config


def printer_from_config(config: dict) -> Printer:
    """A till's printer: ``{"connection": ..., "profile": {"preset": ..., ...}}``."""
    check_config(config)
    if "connection" not in config:
        raise ValidationError("A configuração da impressora precisa de 'connection'.")
    return Printer(profile_from_config(config.get("profile")),
                   connection_from_config(config["connection"]))


MAX_CONFIG = 64 * 1024


def read_config(value: str) -> dict:
    """Printer configuration from JSON text or from a JSON file's path."""
    text = value
    if not value.lstrip().startswith("{"):
        try:
            text = read_text_file(value, "configuração da impressora", MAX_CONFIG)
        except OSError as exc:
            raise ValidationError(f"Não foi possível ler a configuração da impressora "
                                  f"{shown(value)}: {exc.strerror or exc}.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"Configuração da impressora inválida (JSON, linha "
                              f"{exc.lineno}): {exc.msg}.") from None
    except RecursionError:
        raise ValidationError("Configuração da impressora inválida (JSON encaixado vezes "
                              "demais).") from None
    return check_config(data)
