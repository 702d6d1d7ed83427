"""Drafter's desktop application (PySide6).

Everything Qt lives here; the modules are thin views and models over the core's
frozen values (Resolution, Comparison, Relation, Note). Entry point:
:func:`drafter.gui.app.run_gui`.
"""

from drafter.gui.qt_compat import make_singletons_immortal as _pin

_pin()  # before any Qt call: see qt_compat for the PySide6 bug this works around
