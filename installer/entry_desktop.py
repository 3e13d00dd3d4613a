"""Frozen entry point: the desktop app (windowed and console-debug executables).

``RetentionDesktop-console admin <command>`` runs retention-admin from the same bundle, so the
installer needs no third executable (each one carries the whole Python archive).
"""

import sys

from retention_desktop.cli import admin_main, desktop_main

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "admin":
        sys.exit(admin_main(sys.argv[2:]))
    sys.exit(desktop_main())
