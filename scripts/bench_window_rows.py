"""Window rows of the benchmark, one per process: ``python scripts/bench_window_rows.py ROW DB``.

Prints ``ELAPSED seconds`` (and ``STALL seconds`` where a heartbeat measured the
GUI thread) on stderr, as scripts/benchmark.py's snippets do. ROW is one of
start, keystroke, sort, form, form-observation.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class Heartbeat:
    """A 5 ms timer on the GUI thread: the longest gap between its ticks is the worst stall.

    ``worst_cpu`` is the most CPU time the GUI thread itself used between two ticks: a long
    gap with little CPU was spent waiting (for the GIL held by a worker, or for a core on a
    loaded machine), a long gap with as much CPU was work done on the GUI thread.
    """

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.last = time.perf_counter()
        self.last_cpu = time.thread_time()
        self.worst = 0.0
        self.worst_cpu = 0.0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        now = time.perf_counter()
        cpu = time.thread_time()
        self.worst_cpu = max(self.worst_cpu, cpu - self.last_cpu)
        self.last_cpu = cpu
        if now - self.last > self.worst:
            self.worst = now - self.last
            if os.environ.get("BENCH_TRACE"):
                sys.stderr.write(f"gap {self.worst * 1000:.0f} ms at {now:.3f}\n")
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.last_cpu = time.thread_time()
        self.worst = 0.0
        self.worst_cpu = 0.0


class StallSampler:
    """With BENCH_STACKS=1: samples the GUI thread's stack every 5 ms while the heartbeat is late.

    When a stall of more than 50 ms ends, prints its length and where the GUI thread was
    (innermost frame of our code, innermost frame overall) in how many samples.
    """

    def __init__(self, beat: Heartbeat):
        import threading

        self.beat = beat
        self.main = threading.main_thread().ident
        threading.Thread(target=self.run, daemon=True).start()

    def where(self) -> str:
        import traceback

        frame = sys._current_frames().get(self.main)
        stack = traceback.extract_stack(frame) if frame else []
        ours = [f for f in stack if "bangfu_desktop" in f.filename]
        inner = stack[-1] if stack else None
        def show(f):
            return f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno} {f.name}" if f else "?"
        return f"{show(ours[-1] if ours else None)} | {show(inner)}"

    def run(self) -> None:
        from collections import Counter

        samples: Counter = Counter()
        started = None
        while True:
            time.sleep(0.005)
            late = time.perf_counter() - self.beat.last
            if late > 0.02:
                started = started or self.beat.last
                samples[self.where()] += 1
            elif started is not None:
                length = self.beat.last - started
                if length > 0.05 and samples:
                    sys.stderr.write(f"--- GUI thread stalled {length * 1000:.0f} ms:\n")
                    for place, count in samples.most_common(4):
                        sys.stderr.write(f"  {count:3d}× {place}\n")
                samples.clear()
                started = None


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss not carried over from the parent)."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024


def spin_until(app, condition, timeout: float = 60.0) -> None:
    end = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.001)


def open_window(db: str):
    from bangfu_desktop.core import database
    from bangfu_desktop.gui.app import create_app
    from bangfu_desktop.gui.main_window import MainWindow

    app = create_app(["bench"])
    from bangfu_desktop.gui.settings_store import qsettings
    qsettings().setValue("main/tab", "activities")  # the tab measured is the one shown first
    qsettings().remove("tables/ActivityList/header")  # every run starts from the default columns and order
    store = database.open_database(db, backup_on_open=False)
    window = MainWindow(store)
    window.resize(1280, 800)
    window.show()
    return app, window


def main() -> None:
    row, db = sys.argv[1], sys.argv[2]
    if os.environ.get("BENCH_SWITCH"):
        sys.setswitchinterval(float(os.environ["BENCH_SWITCH"]))
    t0 = time.perf_counter()
    if row == "start":
        app, window = open_window(db)
        beat = Heartbeat()
        if os.environ.get("BENCH_STACKS"):
            StallSampler(beat)
        tab = window.pages["activities"].activities
        spin_until(app, lambda: tab.model.rowCount() > 0)
        elapsed = time.perf_counter() - t0
        # Then everything else (概览 among it) finishes while the heartbeat watches the GUI thread.
        from bangfu_desktop.gui.operations import wait_for_jobs
        end = time.perf_counter() + 15
        while time.perf_counter() < end and not wait_for_jobs(1):
            app.processEvents()
        for _ in range(20):
            app.processEvents()
        sys.stderr.write(f"STALL {beat.worst}\nSTALL_CPU {beat.worst_cpu}\n")
    else:
        from bangfu_desktop.gui.operations import wait_for_jobs
        app, window = open_window(db)
        window.show_page("activities")
        tab = window.pages["activities"].activities
        spin_until(app, lambda: tab.model.rowCount() > 0)
        end = time.perf_counter() + 30
        while time.perf_counter() < end and not wait_for_jobs(1):
            app.processEvents()
        app.processEvents()
        beat = Heartbeat()
        if row == "keystroke":
            word = sys.argv[3] if len(sys.argv) > 3 else "数学教研"
            done = []
            tab.loaded.connect(lambda n: done.append(n))
            beat.reset()
            t0 = time.perf_counter()
            # Typed one character at a time, as an input method delivers it; the last one is timed.
            for ch in word[:-1]:
                tab.search.setText(tab.search.text() + ch)
                app.processEvents()
            t0 = time.perf_counter()
            tab.search.setText(word)
            timer = getattr(tab, "_search_timer", None)  # the version before paging filtered at once
            spin_until(app, lambda: timer is None or (done and not timer.isActive()))
            elapsed = time.perf_counter() - t0
            sys.stderr.write(f"SHOWN {tab.model.rowCount()}\n")
            if timer is not None:
                sys.stderr.write(f"DEBOUNCE {timer.interval()}\n")
        elif row == "sort":
            from PySide6.QtCore import Qt
            done = []
            tab.loaded.connect(lambda n: done.append(n))
            beat.reset()
            t0 = time.perf_counter()
            tab.view.sortByColumn(2, Qt.AscendingOrder)
            spin_until(app, lambda: done or not hasattr(tab, "_search_timer"))
            app.processEvents()
            elapsed = time.perf_counter() - t0
        elif row in ("form", "form-observation"):
            if row == "form":
                from bangfu_desktop.gui.tabs.activities import ActivityForm as Form
                from bangfu_desktop.gui.tabs.activities import activity_fields as fields
            else:
                from bangfu_desktop.gui.tabs.observations import ObservationForm as Form
                from bangfu_desktop.gui.tabs.observations import observation_fields as fields
            beat.reset()
            t0 = time.perf_counter()
            form = Form("新增", fields(), {}, window, record=None)
            form.show()
            for _ in range(3):
                app.processEvents()
            elapsed = time.perf_counter() - t0
            form.close()
        else:
            raise SystemExit(f"unknown row {row}")
        sys.stderr.write(f"STALL {beat.worst}\nSTALL_CPU {beat.worst_cpu}\n")
    sys.stderr.write(f"ELAPSED {elapsed}\n")
    sys.stderr.write(f"PEAK {peak_mb()}\n")
    window.store.close()  # a clean shutdown: the next run's open skips the quick check of an unclean one
    os._exit(0)  # the window's teardown is not what is measured


if __name__ == "__main__":
    main()
