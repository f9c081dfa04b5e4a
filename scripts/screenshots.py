"""Open the window on a database and save a PNG of every tab (run under xvfb-run).

    xvfb-run -a python scripts/screenshots.py DB OUTDIR
"""

import sys
import tempfile
from pathlib import Path

import os

os.environ.setdefault("BANGFU_CONFIG_DIR", tempfile.mkdtemp())

from PySide6.QtCore import QTimer  # noqa: E402

from bangfu_desktop.core import database  # noqa: E402
from bangfu_desktop.gui.app import create_app  # noqa: E402
from bangfu_desktop.gui.operations import wait_for_jobs  # noqa: E402


def main() -> None:
    db, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    app = create_app()
    from bangfu_desktop.gui.main_window import MainWindow

    window = MainWindow(database.open_database(db))
    window.resize(1366, 800)
    window.show()

    def settle():
        for _ in range(20):
            wait_for_jobs(2000)
            app.processEvents()

    def shoot():
        settle()
        for n, (name, page) in enumerate(window.pages.items()):
            window.tabs.setCurrentWidget(page)
            settle()
            window.grab().save(str(out / f"{n}_{name}.png"))
            inner = getattr(page, "inner", None)
            if inner is not None:
                for k in range(1, inner.count()):
                    inner.setCurrentIndex(k)
                    settle()
                    window.grab().save(str(out / f"{n}_{name}_{k}.png"))
                inner.setCurrentIndex(0)
        app.quit()

    QTimer.singleShot(300, shoot)
    app.exec()


if __name__ == "__main__":
    main()
