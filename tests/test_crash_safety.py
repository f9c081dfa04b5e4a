"""A process killed with SIGKILL mid-write leaves a healthy database with every committed record."""

import os
import signal
import subprocess
import sys
import time

import pytest

from bangfu_desktop.core import database
from bangfu_desktop.core.models import Unit

WRITER = r"""
import sys
from bangfu_desktop.core import database, records
from bangfu_desktop.core.models import Unit
store = database.open_database(sys.argv[1], backup_on_open=False)
i = 0
while True:
    i += 1
    records.save(Unit(name=f"学校{i}"))
    # Printed only after the commit returned: these rows must survive.
    print(i, flush=True)
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_sigkill_during_writes(db_path):
    """Kill the writer hard; reopen; quick_check passes and no committed row is missing."""
    database.open_database(db_path).close()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path)], stdout=subprocess.PIPE, text=True)
    committed = 0
    deadline = time.time() + 60
    while committed < 300 and time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        committed = int(line)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert committed >= 300
    assert database.check_database(db_path) == []
    store = database.open_database(db_path)
    try:
        names = {u.name for u in Unit.select()}
        assert {f"学校{i}" for i in range(1, committed + 1)} <= names
    finally:
        store.close()
