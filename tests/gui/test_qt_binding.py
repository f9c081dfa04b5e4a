"""The Qt binding must not leak: PySide6 6.12.0 dropped a reference to True on every emit."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)


def test_emit_keeps_refcount_of_true(qapp):
    """Thousands of emits in a long session must not drive True's refcount to zero (abort)."""
    emitter = _Emitter()
    emitter.fired.connect(lambda value: None)
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.fired.emit(1)
    assert sys.getrefcount(True) - before > -10
