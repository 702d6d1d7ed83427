"""One headless LibreOffice, driven through its Python bridge (``uno``), for tests.

Imported only by the helper scripts that the system Python runs (the one with
LibreOffice's ``uno`` module, Debian package python3-uno): ``export/lo_review.py``
and ``proposals/lo_propose.py``. Drafter's virtualenv never imports it.

    with soffice(profile, "drafter_review") as ctx:
        desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx)
        ...
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from collections.abc import Iterator

import uno  # LibreOffice's Python bridge: import it before the com.sun.star names
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

SOFFICE = os.environ.get("SOFFICE", "soffice")


def prop(name: str, value) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def file_url(path: str) -> str:
    return uno.systemPathToFileUrl(os.path.abspath(path))


def _connect(pipe: str, proc: subprocess.Popen, timeout: float = 90.0):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + timeout
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"soffice did not start (exit code {proc.poll()})") from None
            time.sleep(0.2)


@contextlib.contextmanager
def soffice(profile: str, name: str) -> Iterator:
    """A headless soffice with the private profile ``profile``; yields its context.

    On leaving, its desktop is terminated and the process waited for (killed
    after 30 s).
    """
    pipe = f"{name}_{os.getpid()}"
    env_profile = f"-env:UserInstallation={file_url(profile)}"
    if not os.path.isdir(profile):
        # A new profile makes soffice restart itself once, which would cut the bridge:
        # create it first with a start that ends as soon as it is ready.
        subprocess.run(
            [SOFFICE, env_profile, "--headless", "--terminate_after_init"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
            check=False,
        )
    proc = subprocess.Popen(
        [SOFFICE, env_profile, "--headless", "--invisible", "--nologo", "--norestore",
         "--nodefault", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    ctx = None
    try:
        ctx = _connect(pipe, proc)
        yield ctx
    finally:
        if ctx is not None:
            with contextlib.suppress(Exception):  # the bridge goes away as soffice quits
                ctx.ServiceManager.createInstanceWithContext(
                    "com.sun.star.frame.Desktop", ctx
                ).terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
