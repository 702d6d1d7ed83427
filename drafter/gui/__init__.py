"""Drafter's desktop application (PySide6).

Everything Qt lives here; the modules are thin views and models over the core's
frozen values (Resolution, Comparison, Relation, Note). Entry point:
:func:`drafter.gui.app.run_gui`.
"""
