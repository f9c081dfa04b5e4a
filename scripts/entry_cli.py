"""PyInstaller entry point of the command line."""

import sys

from bangfu_desktop.cli import main

sys.exit(main())
