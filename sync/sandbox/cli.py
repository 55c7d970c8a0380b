"""``caixa at-sandbox``: run the AT sandbox in the foreground until Ctrl+C."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ..config import ENV_VARS

DEFAULT_PORT = 7723  # "7" + fatcorews' 723: easy to recognise, rarely taken

BANNER = """\
==========================================================================
  THIS IS NOT AT — test sandbox (isto NÃO é a AT — ambiente de testes)
  Nothing sent here reaches the Autoridade Tributária.
=========================================================================="""


def _port(value: str) -> int:
    if value.strip().isascii() and value.strip().isdigit() and len(value.strip()) <= 5 \
            and int(value) <= 65535:
        return int(value)
    raise argparse.ArgumentTypeError("a porta TCP vai de 0 a 65535")


_port.__name__ = "porta"


def parser(add_help: bool = True) -> argparse.ArgumentParser:
    """The options; ``caixa at-sandbox`` reuses them as a sub-command's parent parser."""
    p = argparse.ArgumentParser(
        prog="caixa at-sandbox", add_help=add_help,
        description="Local HTTPS imitation of AT's series, e-Fatura and transport webservices.")
    p.add_argument("--dir", type=Path, default=None,
                   help="where to write the test CA, certificates and keys "
                        "(default: ./at-sandbox)")
    p.add_argument("--wsdl-dir", type=Path, default=None,
                   help="folder with the official WSDLs (default: $CAIXA_AT_WSDL_DIR, else "
                        "the copy 'caixa at-reference' keeps)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=_port, default=DEFAULT_PORT,
                   help=f"TCP port (default {DEFAULT_PORT}, stable so Caixa's settings survive a "
                        "restart; 0 = any free port)")
    p.add_argument("--user", default="599999993/37", help="accepted sub-user NIF/N")
    p.add_argument("--password", default=None,
                   help="accepted password (default: AT's public sample 'testes1234')")
    p.add_argument("--exit-after", type=float, default=None, help=argparse.SUPPRESS)
    return p


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None,
         stop: threading.Event | None = None) -> int:
    """Start the sandbox, print how to point Caixa at it, serve until interrupted."""
    return run(parser().parse_args(argv), out=out, stop=stop)


def run(args: argparse.Namespace, *, out: TextIO | None = None,
        stop: threading.Event | None = None) -> int:
    """``main`` after parsing (``caixa at-sandbox`` parses with its own parser)."""
    from .server import DEFAULT_USERS, ATSandbox  # heavy imports only when actually run

    out = out or sys.stdout
    from pos import reference

    wsdl_dir = args.wsdl_dir or (Path(os.environ["CAIXA_AT_WSDL_DIR"])
                                 if os.environ.get("CAIXA_AT_WSDL_DIR") else None) \
        or reference.wsdl_dir()
    if wsdl_dir is None or not wsdl_dir.is_dir():
        print("at-sandbox: indique a pasta dos WSDL da AT com --wsdl-dir "
              "(ou CAIXA_AT_WSDL_DIR), ou obtenha-os com 'caixa at-reference'.",
              file=sys.stderr)
        return 2
    default_password = DEFAULT_USERS.get(args.user)
    password = args.password or default_password or "testes1234"
    workdir = (args.dir or Path("at-sandbox")).resolve()
    try:
        sandbox = ATSandbox(workdir, wsdl_dir=wsdl_dir, users={args.user: password},
                            host=args.host, port=args.port).start()
    except OSError as exc:
        print(f"at-sandbox: não foi possível abrir {args.host}:{args.port} ({exc.strerror}); "
              "experimente --port 0.", file=sys.stderr)
        return 1
    try:
        mapping = sandbox.config_mapping()
        print(BANNER, file=out)
        print(f"Listening on https://{args.host}:{sandbox.port} (mutual TLS required)\n",
              file=out)
        print("Files written:", file=out)
        for label, path in (("test CA (trust it)", sandbox.pki.ca_cert),
                            ("client certificate", sandbox.pki.client_cert),
                            ("client key", sandbox.pki.client_key),
                            ("AT public key cert", sandbox.pki.at_public_cert)):
            print(f"  {label:<20} {path}", file=out)
        print("\nPoint Caixa at it (shell), or use the same keys in the AT settings:", file=out)
        env_lines = []
        for key, value in mapping.items():
            if key == "password" and args.password:
                value = "<the password given with --password>"  # never echo a chosen secret
            env_lines.append(f"export {ENV_VARS[key]}={shlex.quote(str(value))}")
        print("\n".join(env_lines), file=out)
        (workdir / "sandbox.env").write_text("\n".join(env_lines) + "\n", encoding="utf-8")
        print(f"\n(also saved to {workdir / 'sandbox.env'}; Ctrl+C stops the sandbox)",
              file=out, flush=True)
        stop = stop or threading.Event()
        try:
            stop.wait(args.exit_after)
        except KeyboardInterrupt:
            pass
    finally:
        sandbox.stop()
    print("at-sandbox stopped.", file=out)
    return 0
