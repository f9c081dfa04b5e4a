"""What a plain `pip install .` ships: every package, resources/ and db/; core never imports Qt."""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_in_pyproject():
    """A package missing from the explicit list would vanish from a wheel install."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "bangfu_desktop").rglob("__init__.py")}
    assert found <= listed, sorted(found - listed)


def test_core_and_cli_never_import_qt():
    """The data layer and the command line run without Qt (napari-style contract)."""
    offenders = []
    for path in list((ROOT / "bangfu_desktop" / "core").rglob("*.py")) + list((ROOT / "bangfu_desktop" / "cli").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_cli_runs_without_qt_loaded():
    """`bangfu stats` never loads PySide6 (it must work where Qt cannot start)."""
    code = ("import sys; from bangfu_desktop.cli import build_parser; build_parser();"
            "print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_shipped_data_is_found_through_the_package():
    """Migrations, demo data, the template and the font are reachable via importlib.resources."""
    from bangfu_desktop.resources import db_file, resource
    assert db_file("migrations", "0001_initial.sql").is_file()
    assert db_file("demo", "plans.json").is_file()
    assert any(n.name.endswith(".ttc") for n in resource("fonts").iterdir())


def test_import_linter_contract():
    """The import-linter contract in pyproject.toml (core and cli never import Qt) is kept."""
    import shutil
    # The venv's own script first: the venv need not be activated (on PATH) to run the suite.
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert exe, "import-linter is part of the test extras"
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
