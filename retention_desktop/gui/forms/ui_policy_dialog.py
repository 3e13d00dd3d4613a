# Generated from ui/policy_dialog.ui by retention_desktop.gui.build_forms: DO NOT EDIT.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'policy_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QHeaderView, QLabel,
    QLineEdit, QSizePolicy, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_PolicyDialog(object):
    def setupUi(self, PolicyDialog):
        if not PolicyDialog.objectName():
            PolicyDialog.setObjectName(u"PolicyDialog")
        PolicyDialog.setMinimumSize(QSize(980, 680))
        self.dialogLayout = QVBoxLayout(PolicyDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.versionLabel = QLabel(PolicyDialog)
        self.versionLabel.setObjectName(u"versionLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.versionLabel)

        self.versionEdit = QLineEdit(PolicyDialog)
        self.versionEdit.setObjectName(u"versionEdit")
        self.versionEdit.setMaxLength(32)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.versionEdit)

        self.effectiveLabel = QLabel(PolicyDialog)
        self.effectiveLabel.setObjectName(u"effectiveLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.effectiveLabel)

        self.effectiveEdit = QDateEdit(PolicyDialog)
        self.effectiveEdit.setObjectName(u"effectiveEdit")
        self.effectiveEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.effectiveEdit)

        self.noteLabel = QLabel(PolicyDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(PolicyDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.baseLabel = QLabel(PolicyDialog)
        self.baseLabel.setObjectName(u"baseLabel")
        self.baseLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.baseLabel)

        self.parametersTable = QTableWidget(PolicyDialog)
        self.parametersTable.setObjectName(u"parametersTable")
        self.parametersTable.setAlternatingRowColors(True)
        self.parametersTable.horizontalHeader().setStretchLastSection(True)
        self.parametersTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.parametersTable)

        self.errorLabel = QLabel(PolicyDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #8a1f1f;")

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PolicyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(PolicyDialog)

        QMetaObject.connectSlotsByName(PolicyDialog)
    # setupUi

    def retranslateUi(self, PolicyDialog):
        PolicyDialog.setWindowTitle(QCoreApplication.translate("PolicyDialog", u"\uc0c8 \uaddc\uc81c \uc815\ucc45 \ubc84\uc804", None))
        self.versionLabel.setText(QCoreApplication.translate("PolicyDialog", u"\ubc84\uc804", None))
        self.versionEdit.setPlaceholderText(QCoreApplication.translate("PolicyDialog", u"\uc608: 2027.07-h2", None))
        self.effectiveLabel.setText(QCoreApplication.translate("PolicyDialog", u"\uc2dc\ud589\uc77c", None))
        self.effectiveEdit.setDisplayFormat(QCoreApplication.translate("PolicyDialog", u"yyyy-MM-dd", None))
        self.noteLabel.setText(QCoreApplication.translate("PolicyDialog", u"\uadfc\uac70\u00b7\uc124\uba85", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("PolicyDialog", u"\uc608: \uae08\uc735\uc704 \ubcf4\ub3c4\uc790\ub8cc 2027.06.xx, \uc2a4\ud2b8\ub808\uc2a4 \uae08\ub9ac 1.75%p", None))
    # retranslateUi

