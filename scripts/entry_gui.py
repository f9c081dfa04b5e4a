"""PyInstaller entry point of the window."""

import sys

from bangfu_desktop.gui.app import main

sys.exit(main())
