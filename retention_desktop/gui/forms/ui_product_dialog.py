# Generated from ui/product_dialog.ui by retention_desktop.gui.build_forms: DO NOT EDIT.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'product_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_ProductDialog(object):
    def setupUi(self, ProductDialog):
        if not ProductDialog.objectName():
            ProductDialog.setObjectName(u"ProductDialog")
        ProductDialog.setMinimumSize(QSize(520, 0))
        self.dialogLayout = QVBoxLayout(ProductDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.codeLabel = QLabel(ProductDialog)
        self.codeLabel.setObjectName(u"codeLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(ProductDialog)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(32)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.nameLabel = QLabel(ProductDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ProductDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.loanKindLabel = QLabel(ProductDialog)
        self.loanKindLabel.setObjectName(u"loanKindLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.loanKindLabel)

        self.loanKindEdit = QComboBox(ProductDialog)
        self.loanKindEdit.setObjectName(u"loanKindEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.loanKindEdit)

        self.rateTypeLabel = QLabel(ProductDialog)
        self.rateTypeLabel.setObjectName(u"rateTypeLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.rateTypeLabel)

        self.rateTypeEdit = QComboBox(ProductDialog)
        self.rateTypeEdit.setObjectName(u"rateTypeEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.rateTypeEdit)

        self.indexNameLabel = QLabel(ProductDialog)
        self.indexNameLabel.setObjectName(u"indexNameLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.indexNameLabel)

        self.indexNameEdit = QComboBox(ProductDialog)
        self.indexNameEdit.setObjectName(u"indexNameEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.indexNameEdit)

        self.minAmountLabel = QLabel(ProductDialog)
        self.minAmountLabel.setObjectName(u"minAmountLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.minAmountLabel)

        self.minAmountEdit = QLineEdit(ProductDialog)
        self.minAmountEdit.setObjectName(u"minAmountEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.minAmountEdit)

        self.maxAmountLabel = QLabel(ProductDialog)
        self.maxAmountLabel.setObjectName(u"maxAmountLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.maxAmountLabel)

        self.maxAmountEdit = QLineEdit(ProductDialog)
        self.maxAmountEdit.setObjectName(u"maxAmountEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.maxAmountEdit)

        self.minTermLabel = QLabel(ProductDialog)
        self.minTermLabel.setObjectName(u"minTermLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.minTermLabel)

        self.minTermEdit = QSpinBox(ProductDialog)
        self.minTermEdit.setObjectName(u"minTermEdit")
        self.minTermEdit.setMinimum(1)
        self.minTermEdit.setMaximum(600)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.minTermEdit)

        self.maxTermLabel = QLabel(ProductDialog)
        self.maxTermLabel.setObjectName(u"maxTermLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.maxTermLabel)

        self.maxTermEdit = QSpinBox(ProductDialog)
        self.maxTermEdit.setObjectName(u"maxTermEdit")
        self.maxTermEdit.setMinimum(1)
        self.maxTermEdit.setMaximum(600)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.maxTermEdit)

        self.minScoreLabel = QLabel(ProductDialog)
        self.minScoreLabel.setObjectName(u"minScoreLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.minScoreLabel)

        self.minScoreEdit = QSpinBox(ProductDialog)
        self.minScoreEdit.setObjectName(u"minScoreEdit")
        self.minScoreEdit.setMinimum(1)
        self.minScoreEdit.setMaximum(1000)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.minScoreEdit)

        self.listSpreadLabel = QLabel(ProductDialog)
        self.listSpreadLabel.setObjectName(u"listSpreadLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.listSpreadLabel)

        self.listSpreadEdit = QLineEdit(ProductDialog)
        self.listSpreadEdit.setObjectName(u"listSpreadEdit")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.listSpreadEdit)

        self.minRateLabel = QLabel(ProductDialog)
        self.minRateLabel.setObjectName(u"minRateLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.minRateLabel)

        self.minRateEdit = QLineEdit(ProductDialog)
        self.minRateEdit.setObjectName(u"minRateEdit")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.minRateEdit)

        self.maxRateLabel = QLabel(ProductDialog)
        self.maxRateLabel.setObjectName(u"maxRateLabel")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.maxRateLabel)

        self.maxRateEdit = QLineEdit(ProductDialog)
        self.maxRateEdit.setObjectName(u"maxRateEdit")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.maxRateEdit)

        self.prepaymentFeeLabel = QLabel(ProductDialog)
        self.prepaymentFeeLabel.setObjectName(u"prepaymentFeeLabel")

        self.formLayout.setWidget(13, QFormLayout.ItemRole.LabelRole, self.prepaymentFeeLabel)

        self.prepaymentFeeEdit = QLineEdit(ProductDialog)
        self.prepaymentFeeEdit.setObjectName(u"prepaymentFeeEdit")

        self.formLayout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.prepaymentFeeEdit)

        self.waiverLabel = QLabel(ProductDialog)
        self.waiverLabel.setObjectName(u"waiverLabel")

        self.formLayout.setWidget(14, QFormLayout.ItemRole.LabelRole, self.waiverLabel)

        self.waiverEdit = QLineEdit(ProductDialog)
        self.waiverEdit.setObjectName(u"waiverEdit")

        self.formLayout.setWidget(14, QFormLayout.ItemRole.FieldRole, self.waiverEdit)

        self.feesLabel = QLabel(ProductDialog)
        self.feesLabel.setObjectName(u"feesLabel")

        self.formLayout.setWidget(15, QFormLayout.ItemRole.LabelRole, self.feesLabel)

        self.feesEdit = QLineEdit(ProductDialog)
        self.feesEdit.setObjectName(u"feesEdit")

        self.formLayout.setWidget(15, QFormLayout.ItemRole.FieldRole, self.feesEdit)

        self.activeCheck = QCheckBox(ProductDialog)
        self.activeCheck.setObjectName(u"activeCheck")
        self.activeCheck.setChecked(True)

        self.formLayout.setWidget(16, QFormLayout.ItemRole.FieldRole, self.activeCheck)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ProductDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #8a1f1f;")

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ProductDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(ProductDialog)

        QMetaObject.connectSlotsByName(ProductDialog)
    # setupUi

    def retranslateUi(self, ProductDialog):
        ProductDialog.setWindowTitle(QCoreApplication.translate("ProductDialog", u"\uc7ac\ub300\ucd9c \uc0c1\ud488", None))
        self.codeLabel.setText(QCoreApplication.translate("ProductDialog", u"\uc0c1\ud488 \ucf54\ub4dc", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("ProductDialog", u"\uc608: RL-CR-FX36 (\uc601\ubb38 \ub300\ubb38\uc790\u00b7\uc22b\uc790\u00b7-)", None))
        self.nameLabel.setText(QCoreApplication.translate("ProductDialog", u"\uc0c1\ud488\uba85", None))
        self.loanKindLabel.setText(QCoreApplication.translate("ProductDialog", u"\ub300\ucd9c \uc885\ub958", None))
        self.rateTypeLabel.setText(QCoreApplication.translate("ProductDialog", u"\uae08\ub9ac \uc720\ud615", None))
        self.indexNameLabel.setText(QCoreApplication.translate("ProductDialog", u"\uae30\uc900 \uc9c0\ud45c", None))
        self.minAmountLabel.setText(QCoreApplication.translate("ProductDialog", u"\ucd5c\uc18c \uae08\uc561 (\uc6d0)", None))
        self.minAmountEdit.setPlaceholderText(QCoreApplication.translate("ProductDialog", u"\uc608: 5,000,000", None))
        self.maxAmountLabel.setText(QCoreApplication.translate("ProductDialog", u"\ucd5c\ub300 \uae08\uc561 (\uc6d0)", None))
        self.maxAmountEdit.setPlaceholderText(QCoreApplication.translate("ProductDialog", u"\uc608: 150,000,000", None))
        self.minTermLabel.setText(QCoreApplication.translate("ProductDialog", u"\ucd5c\ub2e8 \uae30\uac04 (\uac1c\uc6d4)", None))
        self.maxTermLabel.setText(QCoreApplication.translate("ProductDialog", u"\ucd5c\uc7a5 \uae30\uac04 (\uac1c\uc6d4)", None))
        self.minScoreLabel.setText(QCoreApplication.translate("ProductDialog", u"\ucd5c\uc800 \uc2e0\uc6a9\uc810\uc218", None))
        self.listSpreadLabel.setText(QCoreApplication.translate("ProductDialog", u"\uae30\uc900 \uac00\uc0b0\uae08\ub9ac (%p)", None))
        self.minRateLabel.setText(QCoreApplication.translate("ProductDialog", u"\ucd5c\uc800 \uae08\ub9ac (%)", None))
        self.maxRateLabel.setText(QCoreApplication.translate("ProductDialog", u"\ucd5c\uace0 \uae08\ub9ac (%)", None))
        self.prepaymentFeeLabel.setText(QCoreApplication.translate("ProductDialog", u"\uc911\ub3c4\uc0c1\ud658\uc218\uc218\ub8cc\uc728 (%)", None))
        self.waiverLabel.setText(QCoreApplication.translate("ProductDialog", u"\uc7ac\ub300\ucd9c \uc2dc \uc218\uc218\ub8cc \uba74\uc81c (%)", None))
        self.feesLabel.setText(QCoreApplication.translate("ProductDialog", u"\ubd80\ub300\ube44\uc6a9 (\uc6d0)", None))
        self.activeCheck.setText(QCoreApplication.translate("ProductDialog", u"\ud310\ub9e4 \uc911 (\ud574\uc81c\ud558\uba74 \uc0c8 \uc7ac\ub300\ucd9c\uc5d0 \uc4f0\uc774\uc9c0 \uc54a\uc2b5\ub2c8\ub2e4)", None))
    # retranslateUi

