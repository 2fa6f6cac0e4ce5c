"""The password dialogs: choosing a new password for "Save with password…", and entering one to open a
protected project or its autosave. Paste is allowed (WCAG 3.3.8); nothing typed here is logged or kept."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from hsp_wizard.i18n import N_, _
from hsp_wizard.storage.encryption import MIN_PASSWORD_CHARS, password_problem
from hsp_wizard.ui.accessibility import announce, plain, set_description, set_name
from hsp_wizard.ui.texts import Texts


class PasswordDialog(QDialog):
    """`new=True`: a password typed twice, at least MIN_PASSWORD_CHARS long. Otherwise one field; `wrong`
    shows that the last try was not right. `password()` after exec() returns Accepted."""

    def __init__(self, parent=None, new: bool = False, file_name: str = "", wrong: bool = False,
                 intro: str | None = None):
        super().__init__(parent)
        self.new = new
        self.texts = Texts()
        self.texts.bind(self.setWindowTitle, N_("Password") if not new else N_("Save with password"))
        self.setMinimumWidth(440)  # wrapped explanations stay readable instead of a tall narrow column
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        if intro:
            self.texts.call(lambda: self.intro.setText(_(intro).format(file=file_name, count=MIN_PASSWORD_CHARS)))
        elif new:
            self.texts.call(lambda: self.intro.setText(_(
                "The project will be encrypted (AES-256) with this password, and so will its backup and its "
                "autosaves. Use at least {count} characters. If you forget the password, nobody can open the "
                "project again, not even with this program.").format(count=MIN_PASSWORD_CHARS)))
        else:
            self.texts.call(lambda: self.intro.setText(_("{file} is protected by a password.").format(
                file=file_name)))
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        label = QLabel(self)
        self.texts.bind_named(label, N_("&Password:"))
        self.texts.call(lambda: set_name(self.field, label.accessibleName()))  # without "(P)" in Japanese
        label.setBuddy(self.field)
        form.addRow(label, self.field)
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        if new:
            again = QLabel(self)
            self.texts.bind_named(again, N_("&Again:"))
            self.texts.call(lambda: set_name(self.confirm, again.accessibleName()))
            again.setBuddy(self.confirm)
            form.addRow(again, self.confirm)
        else:
            self.confirm.hide()
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self._error_msg = N_("The password is not right. Try again.") if wrong else ""
        self.texts.call(lambda: (self.error.setText(_(self._error_msg) if self._error_msg else ""),
                                 set_description(self.field, self.error.text())))  # heard on the field
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        for button in self.buttons.buttons():  # Qt's own texts, with "(&O)" in Japanese
            set_name(button, plain(button.text()))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.field.setFocus()

    def accept(self) -> None:
        if self.new:
            problem = password_problem(self.field.text(), self.confirm.text())
            if problem is not None:
                from hsp_wizard.presentation import Renderer
                self._error_msg = ""
                self.error.setText(Renderer().msg(problem))
                self.error.setAccessibleName(self.error.text())
                set_description(self.field, self.error.text())
                announce(self.field, self.error.text())  # OK did nothing visible elsewhere: say why
                return
        elif not self.field.text():
            return
        super().accept()

    def password(self) -> str:
        return self.field.text()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.apply()
        super().changeEvent(event)
