# Generated from ui/login_dialog.ui by retention_desktop.gui.build_forms: DO NOT EDIT.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.resize(560, 600)
        self.dialogLayout = QVBoxLayout(LoginDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.titleLabel = QLabel(LoginDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16pt; font-weight: bold;")

        self.dialogLayout.addWidget(self.titleLabel)

        self.connectionForm = QFormLayout()
        self.connectionForm.setObjectName(u"connectionForm")
        self.modeLabel = QLabel(LoginDialog)
        self.modeLabel.setObjectName(u"modeLabel")

        self.connectionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.modeLabel)

        self.modeCombo = QComboBox(LoginDialog)
        self.modeCombo.addItem("")
        self.modeCombo.addItem("")
        self.modeCombo.setObjectName(u"modeCombo")

        self.connectionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.modeCombo)

        self.hostLabel = QLabel(LoginDialog)
        self.hostLabel.setObjectName(u"hostLabel")

        self.connectionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.hostLabel)

        self.hostEdit = QLineEdit(LoginDialog)
        self.hostEdit.setObjectName(u"hostEdit")

        self.connectionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.hostEdit)

        self.portLabel = QLabel(LoginDialog)
        self.portLabel.setObjectName(u"portLabel")

        self.connectionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.portLabel)

        self.portLayout = QHBoxLayout()
        self.portLayout.setObjectName(u"portLayout")
        self.portSpin = QSpinBox(LoginDialog)
        self.portSpin.setObjectName(u"portSpin")
        self.portSpin.setMaximum(65535)
        self.portSpin.setMinimum(1)
        self.portSpin.setValue(5432)

        self.portLayout.addWidget(self.portSpin)

        self.databaseEdit = QLineEdit(LoginDialog)
        self.databaseEdit.setObjectName(u"databaseEdit")

        self.portLayout.addWidget(self.databaseEdit)

        self.sslCombo = QComboBox(LoginDialog)
        self.sslCombo.addItem("")
        self.sslCombo.addItem("")
        self.sslCombo.addItem("")
        self.sslCombo.addItem("")
        self.sslCombo.addItem("")
        self.sslCombo.setObjectName(u"sslCombo")

        self.portLayout.addWidget(self.sslCombo)


        self.connectionForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.portLayout)

        self.caLabel = QLabel(LoginDialog)
        self.caLabel.setObjectName(u"caLabel")

        self.connectionForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.caLabel)

        self.caLayout = QHBoxLayout()
        self.caLayout.setObjectName(u"caLayout")
        self.caEdit = QLineEdit(LoginDialog)
        self.caEdit.setObjectName(u"caEdit")

        self.caLayout.addWidget(self.caEdit)

        self.caBrowseButton = QPushButton(LoginDialog)
        self.caBrowseButton.setObjectName(u"caBrowseButton")

        self.caLayout.addWidget(self.caBrowseButton)


        self.connectionForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.caLayout)

        self.clientCertLabel = QLabel(LoginDialog)
        self.clientCertLabel.setObjectName(u"clientCertLabel")

        self.connectionForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.clientCertLabel)

        self.clientCertLayout = QHBoxLayout()
        self.clientCertLayout.setObjectName(u"clientCertLayout")
        self.certEdit = QLineEdit(LoginDialog)
        self.certEdit.setObjectName(u"certEdit")

        self.clientCertLayout.addWidget(self.certEdit)

        self.keyEdit = QLineEdit(LoginDialog)
        self.keyEdit.setObjectName(u"keyEdit")

        self.clientCertLayout.addWidget(self.keyEdit)


        self.connectionForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.clientCertLayout)

        self.tlsLabel = QLabel(LoginDialog)
        self.tlsLabel.setObjectName(u"tlsLabel")
        self.tlsLabel.setWordWrap(True)

        self.connectionForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.tlsLabel)

        self.employeeLabel = QLabel(LoginDialog)
        self.employeeLabel.setObjectName(u"employeeLabel")

        self.connectionForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.employeeLabel)

        self.employeeEdit = QLineEdit(LoginDialog)
        self.employeeEdit.setObjectName(u"employeeEdit")

        self.connectionForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.employeeEdit)

        self.passwordLabel = QLabel(LoginDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.connectionForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(LoginDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.connectionForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.rememberCheck = QCheckBox(LoginDialog)
        self.rememberCheck.setObjectName(u"rememberCheck")

        self.connectionForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.rememberCheck)


        self.dialogLayout.addLayout(self.connectionForm)

        self.demoLabel = QLabel(LoginDialog)
        self.demoLabel.setObjectName(u"demoLabel")

        self.dialogLayout.addWidget(self.demoLabel)

        self.demoList = QListWidget(LoginDialog)
        self.demoList.setObjectName(u"demoList")

        self.dialogLayout.addWidget(self.demoList)

        self.messageLabel = QLabel(LoginDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setStyleSheet(u"color: #b00020;")

        self.dialogLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(LoginDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(LoginDialog)

        QMetaObject.connectSlotsByName(LoginDialog)
    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"\ub9ac\ud150\uc158 \ub370\uc2a4\ud06c\ud1b1 \ub85c\uadf8\uc778", None))
        self.titleLabel.setText(QCoreApplication.translate("LoginDialog", u"\uc7ac\ub300\ucd9c \uc0c1\ub2f4 \uc2dc\uc2a4\ud15c", None))
        self.modeLabel.setText(QCoreApplication.translate("LoginDialog", u"\uc5f0\uacb0", None))
        self.modeCombo.setItemText(0, QCoreApplication.translate("LoginDialog", u"\ub0b4\uc7a5 \ub370\ubaa8 \ub370\uc774\ud130\ubca0\uc774\uc2a4", None))
        self.modeCombo.setItemText(1, QCoreApplication.translate("LoginDialog", u"\ubcf8\uc810 \uc911\uc559 \uc11c\ubc84", None))

        self.hostLabel.setText(QCoreApplication.translate("LoginDialog", u"\uc11c\ubc84 \uc8fc\uc18c", None))
        self.hostEdit.setPlaceholderText(QCoreApplication.translate("LoginDialog", u"db.bank.internal", None))
        self.portLabel.setText(QCoreApplication.translate("LoginDialog", u"\ud3ec\ud2b8 / DB", None))
        self.databaseEdit.setText(QCoreApplication.translate("LoginDialog", u"retention", None))
        self.sslCombo.setItemText(0, QCoreApplication.translate("LoginDialog", u"verify-full", None))
        self.sslCombo.setItemText(1, QCoreApplication.translate("LoginDialog", u"verify-ca", None))
        self.sslCombo.setItemText(2, QCoreApplication.translate("LoginDialog", u"require", None))
        self.sslCombo.setItemText(3, QCoreApplication.translate("LoginDialog", u"prefer", None))
        self.sslCombo.setItemText(4, QCoreApplication.translate("LoginDialog", u"disable", None))

        self.caLabel.setText(QCoreApplication.translate("LoginDialog", u"CA \uc778\uc99d\uc11c", None))
        self.caEdit.setPlaceholderText(QCoreApplication.translate("LoginDialog", u"\uc740\ud589 CA \uc778\uc99d\uc11c \ud30c\uc77c (.crt/.pem; \ube44\uc6b0\uba74 ~/.postgresql/root.crt)", None))
        self.caBrowseButton.setText(QCoreApplication.translate("LoginDialog", u"\ucc3e\uae30\u2026", None))
        self.clientCertLabel.setText(QCoreApplication.translate("LoginDialog", u"\ud074\ub77c\uc774\uc5b8\ud2b8 \uc778\uc99d\uc11c", None))
        self.certEdit.setPlaceholderText(QCoreApplication.translate("LoginDialog", u"\uc778\uc99d\uc11c \ud30c\uc77c (\uc740\ud589\uc774 \uc4f0\ub294 \uacbd\uc6b0\ub9cc)", None))
        self.keyEdit.setPlaceholderText(QCoreApplication.translate("LoginDialog", u"\uac1c\uc778\ud0a4 \ud30c\uc77c", None))
        self.employeeLabel.setText(QCoreApplication.translate("LoginDialog", u"\uc9c1\uc6d0\ubc88\ud638", None))
        self.employeeEdit.setPlaceholderText(QCoreApplication.translate("LoginDialog", u"\uc608: E1007", None))
        self.passwordLabel.setText(QCoreApplication.translate("LoginDialog", u"\ube44\ubc00\ubc88\ud638", None))
        self.rememberCheck.setText(QCoreApplication.translate("LoginDialog", u"\ube44\ubc00\ubc88\ud638\ub97c \uc6b4\uc601\uccb4\uc81c \ud0a4\uccb4\uc778\uc5d0 \uc800\uc7a5", None))
        self.demoLabel.setText(QCoreApplication.translate("LoginDialog", u"\ub370\ubaa8 \uc9c1\uc6d0 (\ub354\ube14\ud074\ub9ad\ud558\uc5ec \ub85c\uadf8\uc778, \ube44\ubc00\ubc88\ud638 \uc5c6\uc74c)", None))
    # retranslateUi

