"""Benchmark of the yearly binder with real-sized photos (issue 16: ≤ 20 s, ≤ 500 MB).

    python scripts/benchmark_binder.py [--activities 508] [--keep DIR]

Generates (fixed seed) the demo data plus ``--activities`` activities in the 2025-2026
学年, each with 1–2 JPEG photos of 4000×3000 pixels and 3–4 MB. Every photo file is
distinct (its own content hash, so the print-size cache has to make each one once);
to keep generation short they share a few pixel bases and differ in a JPEG comment
segment. Each binder is built in a fresh process; the script prints its time, its
peak memory (max RSS of that process), pages and seconds per page, first with an
empty print-size cache (cold) and then again (warm), for a quarter, half and the
whole year so the time per page can be seen as the binder grows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TODAY = dt.date(2026, 9, 1)
BASES = 6


def _base_jpegs(rng: random.Random) -> list[bytes]:
    """A few 4000×3000 photos of 3–4 MB (noise over a gradient, like a busy classroom shot)."""
    from PIL import Image, ImageDraw, ImageFilter

    bases = []
    for index in range(BASES):
        gradient = Image.linear_gradient("L").resize((4000, 3000)).convert("RGB")
        noise = Image.effect_noise((4000, 3000), 40 + 6 * index).convert("RGB")
        image = Image.blend(gradient, noise, 0.45).filter(ImageFilter.GaussianBlur(0.6))
        draw = ImageDraw.Draw(image)
        for _ in range(40):
            x, y = rng.randrange(3800), rng.randrange(2800)
            draw.rectangle((x, y, x + rng.randrange(80, 600), y + rng.randrange(80, 400)),
                           fill=tuple(rng.randrange(256) for _ in range(3)))
        quality = 88
        while True:
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=quality)
            size = buffer.tell()
            if size > 4_000_000 and quality > 50:
                quality -= 6
            elif size < 3_000_000 and quality < 97:
                quality += 3
            else:
                break
        bases.append(buffer.getvalue())
    return bases


def _variant(base: bytes, number: int) -> bytes:
    """The same pixels with a JPEG comment (COM) segment: a distinct file and content hash."""
    comment = f"bangfu benchmark photo {number}".encode()
    segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    return base[:2] + segment + base[2:]


def make_database(folder: Path, activities: int, seed: int = 42) -> Path:
    """The demo data plus ``activities`` activities with 1–2 photos each; returns the database path."""
    from bangfu_desktop.core import database, demo
    from bangfu_desktop.core.attachments import add_attachment
    from bangfu_desktop.core.models import Activity, Plan
    from bangfu_desktop.core.vocab import ACTIVITY_TYPES

    rng = random.Random(seed)
    path = folder / "binder.sqlite3"
    store = database.open_database(path)
    demo.load_demo(today=TODAY)
    plan = Plan.live().order_by(Plan.id).first()
    bases = _base_jpegs(rng)
    photos = folder / "photos"
    photos.mkdir(exist_ok=True)
    start = dt.date(2025, 9, 1)
    number = 0
    for index in range(activities):
        day = start + dt.timedelta(days=rng.randrange(360))
        kind = rng.choice(ACTIVITY_TYPES)
        activity = Activity.create(type=kind, title=f"{kind}（基准 {index + 1}）", date=day, place="学校会议室",
                                   host="李老师", organiser="教务处", content="按计划开展。" * rng.randrange(5, 40),
                                   outcome="达到预期。", plan=plan)
        for _ in range(rng.choice((1, 2))):
            number += 1
            file = photos / f"现场照片{number}.jpg"
            file.write_bytes(_variant(rng.choice(bases), number))
            add_attachment(activity, file)
            file.unlink()
    store.close()
    return path


RUN = """
import datetime as dt, json, resource, sys, time
from bangfu_desktop.core import database
from bangfu_desktop.core.pdf import ArchiveSelection, export_archive
database.open_database(sys.argv[1])
start, end = (dt.date.fromisoformat(d) for d in sys.argv[3:5])
began = time.perf_counter()
report = export_archive(sys.argv[2], ArchiveSelection(start=start, end=end), today=dt.date(2026, 9, 1))
seconds = time.perf_counter() - began
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork and exec.
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")) / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "pages": report.pages, "documents": report.documents}))
"""


def run_binder(db: Path, out: Path, start: dt.date, end: dt.date) -> dict:
    """Build one binder in a fresh process and return its figures."""
    result = subprocess.run([sys.executable, "-c", RUN, str(db), str(out), start.isoformat(), end.isoformat()],
                            capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["mb"] = out.stat().st_size / 1e6
    return figures


def main() -> None:
    """Generate, then measure cold and warm binders of growing size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=508)
    parser.add_argument("--keep", type=Path, help="folder to keep the database in (default: a temporary one)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bangfu-binder-"))
    folder.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    db = make_database(folder, args.activities)
    print(f"generated {args.activities} activities with photos in {time.perf_counter() - began:.1f} s ({folder})")
    spans = [("quarter", dt.date(2025, 9, 1), dt.date(2025, 11, 30)),
             ("half", dt.date(2025, 9, 1), dt.date(2026, 2, 28)),
             ("year", dt.date(2025, 9, 1), dt.date(2026, 8, 31))]
    print(f"{'run':<14}{'pages':>7}{'docs':>6}{'seconds':>9}{'s/page':>8}{'peak MB':>9}{'file MB':>9}")
    for label in ("cold", "warm"):
        for name, start, end in (spans[-1:] if label == "cold" else spans):
            figures = run_binder(db, folder / f"{name}-{label}.pdf", start, end)
            per_page = figures["seconds"] / max(1, figures["pages"])
            print(f"{name + ' ' + label:<14}{figures['pages']:>7}{figures['documents']:>6}"
                  f"{figures['seconds']:>9.1f}{per_page:>8.3f}{figures['peak_mb']:>9.0f}{figures['mb']:>9.1f}")
    print(f"machine: {sys.platform}, python {sys.version.split()[0]}, "
          f"script peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
