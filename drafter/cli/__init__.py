"""The ``drafter`` command: argument parsing and printing only.

Every sub-command lives in its own module in this package and exposes
``register(subparsers)``; modules are discovered, so adding a command touches one
file. With no sub-command, ``drafter [FILES] [--screenshot OUT]`` starts the GUI.
Errors the user can act on (:class:`drafter.errors.DrafterError`) are printed as
one line on stderr with exit code 2, never as a traceback.
"""

from __future__ import annotations

# Only what `drafter --version` needs is imported here; the rest is imported where it
# is used, so that the quick answers start about as fast as Python itself.
import contextlib
import os
import sys

from drafter import __version__, notify
from drafter.errors import DrafterError, one_line

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (2 ms)
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

EXIT_USER_ERROR = 2


def _command_modules(only: str | None = None) -> list:
    """The command modules; with ``only``, just the module of that name if it has one
    (``drafter parse`` loads none of the other commands)."""
    import importlib

    if only and only.isidentifier() and not only.startswith("_"):
        try:
            mod = importlib.import_module(f"{__name__}.{only}")
        except ModuleNotFoundError:
            mod = None
        if hasattr(mod, "register"):
            return [mod]
    import pkgutil

    mods = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(mod, "register"):
            mods.append(mod)
    mods.sort(key=lambda m: (getattr(m, "ORDER", 50), m.__name__))
    return mods


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db PATH``: the library database (default: $DRAFTER_DB, else the user data dir)."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=os.environ.get("DRAFTER_DB"),
        help="library database file (default: $DRAFTER_DB or the user data directory)",
    )


def add_timeout_option(parser: argparse.ArgumentParser) -> None:
    """``--timeout SECONDS``: the time limit of each paragraph's word diff."""
    parser.add_argument(
        "--timeout",
        type=float,
        default=5.0,
        metavar="SECONDS",
        help="time limit for each paragraph's word diff (default 5; 0 = none)",
    )


def check_timeout(args: argparse.Namespace) -> None:
    if args.timeout < 0:
        raise DrafterError("--timeout must be 0 (no limit) or a number of seconds")


def _terminal_columns() -> int:
    """shutil.get_terminal_size().columns, without importing shutil (and with it zlib,
    bz2 and lzma: a tenth of the start-up time of `drafter parse --help`)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _parser_class() -> type[argparse.ArgumentParser]:
    """argparse's parser whose help is as wide as argparse makes it, told the width."""
    import argparse
    import functools

    class Formatter(argparse.HelpFormatter):
        def __init__(self, prog: str, indent_increment=2, max_help_position=24, width=None):
            if width is None:
                width = _terminal_columns() - 2  # argparse's own margin
            super().__init__(prog, indent_increment, max_help_position, width)

    return functools.partial(argparse.ArgumentParser, formatter_class=Formatter)  # type: ignore[return-value]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command-line parser; with ``command``, only that command's if it is one."""
    parser_class = _parser_class()
    parser = parser_class(
        prog="drafter",
        description="Compare, annotate and export versions of UN resolutions.",
        epilog="Without a command, 'drafter [FILES] [--screenshot OUT.png [--size WxH]] "
        "[--theme dark] [--db PATH]' opens the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"drafter {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=parser_class)
    mods = _command_modules(command)
    for mod in mods:
        mod.register(sub)
    if command and len(mods) == 1 and command not in _subcommand_names(parser):
        return build_parser()  # a module of that name, but not a command of that name
    return parser


def _window_size(text: str) -> tuple[int, int]:
    import argparse

    w, sep, h = text.lower().partition("x")
    if not sep or not w.strip().isdigit() or not h.strip().isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1024x700")
    size = int(w), int(h)
    if not (320 <= size[0] <= 10000 and 240 <= size[1] <= 10000):
        raise argparse.ArgumentTypeError(
            f"'{text}': width and height must be 320-10000 x 240-10000"
        )
    return size


def build_gui_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="drafter",
        description="Open the Drafter desktop application "
        "(see 'drafter --help' for the command-line tools).",
    )
    parser.add_argument("--version", action="version", version=f"drafter {__version__}")
    parser.add_argument("files", nargs="*", help="resolution files to import and open")
    parser.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="open the window, wait for loading to finish, save a PNG of it and exit",
    )
    parser.add_argument(
        "--size",
        metavar="WxH",
        type=_window_size,
        help="window size for --screenshot, e.g. 1024x700 (default 1440x900)",
    )
    parser.add_argument(
        "--theme",
        choices=("light", "dark", "system"),
        help="colour theme for this run (default: the one chosen in Settings)",
    )
    add_db_option(parser)
    return parser


def _subcommand_names(parser: argparse.ArgumentParser) -> set[str]:
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _check_gui_files(files: Sequence[str], commands: set[str]) -> None:
    """Refuse, before any window opens, a first word that is neither a command nor a file.

    ``drafter improt x.md`` is a typo for a command, not a file to open.
    """
    for i, name in enumerate(files):
        if os.path.lexists(name):
            continue
        if i == 0 and not any(c in name for c in "./\\"):
            import difflib

            close = difflib.get_close_matches(name, sorted(commands), n=1, cutoff=0.6)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise DrafterError(
                f"unknown command '{name}' (and no such file).{hint} See 'drafter --help'."
            )
        raise DrafterError(f"{name}: no such file")


class _StderrReporter(notify.Reporter):
    """A wait for a locked library shows as a progress line; damage as a warning."""

    def __init__(self) -> None:
        self.shown = -1

    def waiting(self, waited: float, limit: float) -> None:
        second = int(waited)
        if second == self.shown:
            return
        self.shown = second
        line = (
            f"drafter: waiting for the library: another program is changing it "
            f"({second} s of at most {limit:.0f} s)"
        )
        if sys.stderr.isatty():
            print(f"\r{line}", end="", file=sys.stderr, flush=True)
        elif second % 5 == 0:
            print(line, file=sys.stderr, flush=True)

    def done_waiting(self) -> None:
        if self.shown >= 0 and sys.stderr.isatty():
            print(file=sys.stderr)
        self.shown = -1

    def damaged(self, message: str) -> None:
        print(f"drafter: warning: {one_line(message)}", file=sys.stderr)


def _exit_cleanly_on_sigterm() -> None:
    """``kill`` (SIGTERM) unwinds like Ctrl+C, so half-written temporaries are removed."""

    def stop(_signum, _frame) -> None:
        raise KeyboardInterrupt

    import signal

    # Only the main thread may install a handler (main() called from a thread, as tests
    # do, keeps the default); asking threading first would cost start-up time.
    with contextlib.suppress(ValueError):
        signal.signal(signal.SIGTERM, stop)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--version"]:  # answered before any command module is imported
        print(f"drafter {__version__}")
        return 0
    try:
        parser = build_parser(argv[0] if argv else None)
        if argv and (argv[0] in _subcommand_names(parser) or argv[0] in ("-h", "--help")):
            _exit_cleanly_on_sigterm()
            notify.set_reporter(_StderrReporter())
            args = parser.parse_args(argv)
            if not getattr(args, "func", None):
                parser.print_help()
                return EXIT_USER_ERROR
            return int(args.func(args) or 0)
        args = build_gui_parser().parse_args(argv)
        _check_gui_files(args.files, _subcommand_names(parser))
        from drafter.gui.app import run_gui  # Qt is imported only here

        return int(run_gui(args) or 0)
    except DrafterError as exc:
        print(f"drafter: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into head and the like
        return 0
