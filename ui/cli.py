"""The `caixa` command line. No Qt import: it must start fast and run headless.

Errors a person can act on go to stderr as one sentence with a non-zero exit (2); `verify`
exits 1 when the data is not intact. No tracebacks for user mistakes.
"""

import argparse
import os
import sys

from pos.domain.errors import PosError

from . import commands


def build_parser() -> argparse.ArgumentParser:
    from pos.installation import version

    parser = argparse.ArgumentParser(
        prog="caixa", description="Caixa — ponto de venda certificável para Portugal.")
    parser.add_argument("--version", action="version", version=f"caixa {version()}")
    parser.add_argument("--db", default=None,
                        help="base de dados (ficheiro SQLite ou URL); também CAIXA_DB")
    parser.add_argument("--till", default=None, metavar="CÓDIGO",
                        help="a caixa por que este programa age; também CAIXA_TILL (só é "
                             "preciso quando a base de dados tem várias)")
    sub = parser.add_subparsers(dest="command", metavar="COMANDO")
    sub.required = True
    for module in commands.modules():
        module.register(sub)
    return parser


def _quiet_stdout() -> None:
    """The reader went away (``caixa documents | head``): drop the rest of the output, as
    Unix tools do, and keep the interpreter from complaining when it flushes at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.db:
        os.environ["CAIXA_DB"] = args.db
    if args.till:
        os.environ["CAIXA_TILL"] = args.till
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()          # a closed pipe shows up here, not at exit
        return code
    except PosError as exc:
        print(f"caixa: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"caixa: erro do sistema{where}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # database errors: one sentence, not a traceback
        name = type(exc).__name__
        if name in ("OperationalError", "DatabaseError", "IntegrityError"):
            from pos.bootstrap import database_label

            print(f"caixa: erro da base de dados {database_label()}: "
                  f"{str(exc).splitlines()[0]}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
