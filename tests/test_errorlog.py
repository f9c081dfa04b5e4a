"""The error log in the user data folder."""

from bangfu_desktop.core import errorlog


def test_log_exception_writes_context_and_traceback(tmp_path):
    """A logged exception lands in the log file with its context and traceback."""
    try:
        raise ValueError("坏的值")
    except ValueError as exc:
        path = errorlog.log_exception("自动备份", exc)
    assert path == errorlog.log_path() and path.parent == tmp_path / "logs"
    text = path.read_text(encoding="utf-8")
    assert "自动备份" in text and "ValueError: 坏的值" in text and "Traceback" in text


def test_unwritable_log_returns_none(tmp_path, monkeypatch):
    """A log folder that cannot be made (a file in its place) is no second failure."""
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    monkeypatch.setenv("BANGFU_LOG_DIR", str(blocker / "logs"))
    assert errorlog.log_exception("x", RuntimeError("y")) is None
