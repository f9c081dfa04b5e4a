"""Qt's standard buttons and dialogs speak Chinese after start."""

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from bangfu_desktop.gui.app import create_app


def test_standard_buttons_read_chinese(qtbot):
    """OK/Cancel/Yes/No read 确定/取消/是/否, as in every dialog the program shows."""
    create_app()
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel | QDialogButtonBox.Yes | QDialogButtonBox.No)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "").split("(")[0] for b in box.buttons()}
    assert texts == {"确定", "取消", "是", "否"}


def test_message_box_and_file_dialog_are_chinese(qtbot):
    """A question box's buttons and Qt's own file dialog labels are Chinese."""
    create_app()
    box = QMessageBox(QMessageBox.Question, "导出", "使用教育局下发的模板？", QMessageBox.Yes | QMessageBox.No)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.Yes).text().replace("&", "").startswith("是")
    dialog = QFileDialog(None, "选择文件")
    dialog.setOption(QFileDialog.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = " ".join(b.text() for b in dialog.findChildren(type(box.button(QMessageBox.Yes))))
    assert "取消" in labels
