"""PyInstaller entry point of the window."""

import multiprocessing
import sys

from bangfu_desktop.gui.app import main

# A process pool (BANGFU_PHOTO_POOL=process) re-enters a frozen program; this lets it.
multiprocessing.freeze_support()
sys.exit(main())
