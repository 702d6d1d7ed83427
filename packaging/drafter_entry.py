"""Entry point of the frozen Drafter bundle (PyInstaller needs a script, not a module).

Same behaviour as the installed ``drafter`` command: a sub-command runs the CLI,
anything else opens the desktop app. ``freeze_support`` keeps a frozen Windows or
macOS build from re-running the app if any library starts a worker process.
"""

import multiprocessing

from drafter.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
