"""PyInstaller entry point of the command line."""

import multiprocessing
import sys

from bangfu_desktop.cli import main

# A process pool (BANGFU_PHOTO_POOL=process) re-enters a frozen program; this lets it.
multiprocessing.freeze_support()
sys.exit(main())
