"""The `caixa` command line. No Qt import: it must start fast and run headless.

Errors a person can act on go to stderr as one sentence with a non-zero exit (2); `verify`
exits 1 when the data is not intact. No tracebacks for user mistakes.
"""

import argparse
import errno
import os
import re
import shutil
import sys
from pathlib import Path

from pos.domain import text
from pos.domain.errors import PosError

from . import commands

MAX_ARGUMENT = 4096   # longer than any path or text field Caixa takes
MAX_MESSAGE_LINE = 400
_LONG_QUOTED = re.compile(r"'([^'\n]{40})[^'\n]{20,}'")


def _cut(message: str) -> str:
    """Messages never repeat a huge input whole, whatever built them."""
    return "\n".join(line if len(line) <= MAX_MESSAGE_LINE else
                     line[:MAX_MESSAGE_LINE] + "…" for line in message.splitlines())


SQLITE_IOERR, SQLITE_FULL = 10, 13
LOW_SPACE = 1024 * 1024   # an I/O error with less free than this: the disk is full


def disk_full(exc: BaseException) -> str | None:
    """A full disk said as such, whichever way it surfaced (a sentence, or None).

    SQLite reports it as SQLITE_FULL ("database or disk is full"), but as SQLITE_IOERR
    ("disk I/O error") when not even its shared-memory file can be created; that one is a
    full disk when the database's disk has (almost) no room left. Files: ENOSPC/EDQUOT.
    """
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            where = f" ({exc.filename})" if exc.filename else ""
            return (f"O disco está cheio{where}: liberte espaço e repita; nenhum ficheiro "
                    "ficou gravado a meio.")
        return None
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) == "53100":          # PostgreSQL disk_full
        return ("O disco do servidor PostgreSQL está cheio: a operação não foi gravada; "
                "peça que libertem espaço e repita.")
    code = getattr(orig, "sqlite_errorcode", None)
    if code is None:
        return None
    from pos.bootstrap import default_db

    db = default_db()
    if (code & 0xFF) == SQLITE_FULL or ((code & 0xFF) == SQLITE_IOERR and "://" not in db
                                        and _free_bytes(db) < LOW_SPACE):
        return (f"O disco da base de dados {db} está cheio: a operação não foi gravada; "
                "liberte espaço e repita.")
    return None


def _free_bytes(db: str) -> int:
    try:
        return shutil.disk_usage(Path(db).expanduser().resolve().parent).free
    except OSError:
        return LOW_SPACE


class CaixaParser(argparse.ArgumentParser):
    """argparse with Caixa's manners: one sentence and exit 2 for a bad command line.

    Every argument is checked before parsing, for all commands at once: it must be UTF-8
    text (Python turns undecodable bytes into lone surrogates), hold no control, bidi or
    invisible characters, and be of a sane length. Fields with their own rules (users,
    customers, reasons, numbers) check more through their argparse types and the domain.
    """

    def parse_args(self, args=None, namespace=None):
        args = sys.argv[1:] if args is None else list(args)
        for n, arg in enumerate(args, start=1):
            bad = text.first_refused(arg)
            if bad is not None:
                self.error(f"o argumento n.º {n} ({text.shown(arg)}) tem {text.describe(bad)}")
            if len(arg) > MAX_ARGUMENT:
                self.error(f"o argumento n.º {n} tem {len(arg)} caracteres (no máximo "
                           f"{MAX_ARGUMENT})")
        return super().parse_args(args, namespace)

    def error(self, message: str):
        # argparse quotes what was typed ("invalid choice: '…'"): cut long values there too.
        message = _LONG_QUOTED.sub(lambda m: f"'{m.group(1)}…'", message)
        self.exit(2, f"{self.prog}: {_cut(message).rstrip('.')} (ajuda: {self.prog} "
                     "--help).\n")


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for (reading the
    package metadata costs more than the rest of ``caixa --help``)."""

    def __init__(self, option_strings, dest, **kw):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="mostra a versão e sai")

    def __call__(self, parser, namespace, values, option_string=None):
        from pos.installation import version

        sys.stdout.write(f"caixa {version()}\n")
        parser.exit()


GLOBAL_WITH_VALUE = ("--db", "--till")


def command_of(argv: list[str]) -> str | None:
    """The sub-command a command line names (None when it names none before an option it
    does not know: ``--help``, ``--version``, a mistake)."""
    args = iter(argv)
    for arg in args:
        if arg in GLOBAL_WITH_VALUE:
            next(args, None)
        elif arg.startswith(tuple(f"{g}=" for g in GLOBAL_WITH_VALUE)):
            continue
        elif arg.startswith("-"):
            return None
        else:
            return arg
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``command``, only the modules that register it are
    imported (commands.COMMANDS), the rest of the line parsed the same."""
    parser = CaixaParser(
        prog="caixa", description="Caixa — ponto de venda certificável para Portugal.")
    parser.add_argument("--version", action=_Version)
    parser.add_argument("--db", default=None,
                        help="base de dados (ficheiro SQLite ou URL); também CAIXA_DB")
    parser.add_argument("--till", default=None, metavar="CÓDIGO",
                        help="a caixa por que este programa age; também CAIXA_TILL (só é "
                             "preciso quando a base de dados tem várias)")
    sub = parser.add_subparsers(dest="command", metavar="COMANDO")
    sub.required = True
    for module in commands.modules(command):
        module.register(sub)
    return parser


def _quiet_stdout() -> None:
    """The reader went away (``caixa documents | head``): drop the rest of the output, as
    Unix tools do, and keep the interpreter from complaining when it flushes at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(command_of(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:   # --help, or a bad command line already said in one sentence
        return exc.code if isinstance(exc.code, int) else 2
    if args.db:
        os.environ["CAIXA_DB"] = args.db
    if args.till:
        os.environ["CAIXA_TILL"] = args.till
    try:
        return _run(args)
    finally:
        commands.finished()


def _run(args) -> int:
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()          # a closed pipe shows up here, not at exit
        return code
    except PosError as exc:
        print(f"caixa: {_cut(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"caixa: {disk_full(exc) or f'erro do sistema{where}: {exc.strerror or exc}'}",
              file=sys.stderr)
        return 2
    except Exception as exc:  # database errors: one sentence, not a traceback
        if disk_full(exc):
            print(f"caixa: {disk_full(exc)}", file=sys.stderr)
            return 2
        name = type(exc).__name__
        if name in ("OperationalError", "DatabaseError", "IntegrityError"):
            from pos.bootstrap import database_label

            print(f"caixa: erro da base de dados {database_label()}: "
                  f"{str(exc).splitlines()[0]}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
