"""Python modules generated from ui/*.ui by retention_desktop.gui.build_forms. Do not edit."""
