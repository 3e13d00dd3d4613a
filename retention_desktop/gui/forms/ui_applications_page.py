# Generated from ui/applications_page.ui by retention_desktop.gui.build_forms: DO NOT EDIT.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'applications_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QFrame, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_ApplicationsPage(object):
    def setupUi(self, ApplicationsPage):
        if not ApplicationsPage.objectName():
            ApplicationsPage.setObjectName(u"ApplicationsPage")
        self.pageLayout = QVBoxLayout(ApplicationsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.headLayout = QHBoxLayout()
        self.headLayout.setObjectName(u"headLayout")
        self.titleLabel = QLabel(ApplicationsPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 15pt; font-weight: bold;")

        self.headLayout.addWidget(self.titleLabel)

        self.headSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headLayout.addItem(self.headSpacer)

        self.stateFilterLabel = QLabel(ApplicationsPage)
        self.stateFilterLabel.setObjectName(u"stateFilterLabel")

        self.headLayout.addWidget(self.stateFilterLabel)

        self.stateFilter = QComboBox(ApplicationsPage)
        self.stateFilter.setObjectName(u"stateFilter")

        self.headLayout.addWidget(self.stateFilter)


        self.pageLayout.addLayout(self.headLayout)

        self.newFrame = QFrame(ApplicationsPage)
        self.newFrame.setObjectName(u"newFrame")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.newFrame.sizePolicy().hasHeightForWidth())
        self.newFrame.setSizePolicy(sizePolicy)
        self.newFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.newLayout = QHBoxLayout(self.newFrame)
        self.newLayout.setObjectName(u"newLayout")
        self.newLabel = QLabel(self.newFrame)
        self.newLabel.setObjectName(u"newLabel")

        self.newLayout.addWidget(self.newLabel)

        self.acceptedCombo = QComboBox(self.newFrame)
        self.acceptedCombo.setObjectName(u"acceptedCombo")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.acceptedCombo.sizePolicy().hasHeightForWidth())
        self.acceptedCombo.setSizePolicy(sizePolicy1)

        self.newLayout.addWidget(self.acceptedCombo)

        self.createButton = QPushButton(self.newFrame)
        self.createButton.setObjectName(u"createButton")

        self.newLayout.addWidget(self.createButton)


        self.pageLayout.addWidget(self.newFrame)

        self.messageLabel = QLabel(ApplicationsPage)
        self.messageLabel.setObjectName(u"messageLabel")
        sizePolicy.setHeightForWidth(self.messageLabel.sizePolicy().hasHeightForWidth())
        self.messageLabel.setSizePolicy(sizePolicy)
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setVisible(False)

        self.pageLayout.addWidget(self.messageLabel)

        self.splitter = QSplitter(ApplicationsPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.listPanel = QWidget(self.splitter)
        self.listPanel.setObjectName(u"listPanel")
        self.listLayout = QVBoxLayout(self.listPanel)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.applicationsView = QTableView(self.listPanel)
        self.applicationsView.setObjectName(u"applicationsView")
        self.applicationsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.applicationsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.applicationsView.setAlternatingRowColors(True)
        self.applicationsView.setSortingEnabled(True)
        self.applicationsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.applicationsView.horizontalHeader().setStretchLastSection(True)
        self.applicationsView.verticalHeader().setVisible(False)

        self.listLayout.addWidget(self.applicationsView)

        self.countLabel = QLabel(self.listPanel)
        self.countLabel.setObjectName(u"countLabel")

        self.listLayout.addWidget(self.countLabel)

        self.splitter.addWidget(self.listPanel)
        self.detailPanel = QWidget(self.splitter)
        self.detailPanel.setObjectName(u"detailPanel")
        self.detailLayout = QVBoxLayout(self.detailPanel)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.detailTitle = QLabel(self.detailPanel)
        self.detailTitle.setObjectName(u"detailTitle")
        self.detailTitle.setStyleSheet(u"font-size: 12pt; font-weight: bold;")

        self.detailLayout.addWidget(self.detailTitle)

        self.summaryLayout = QFormLayout()
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.customerCaption = QLabel(self.detailPanel)
        self.customerCaption.setObjectName(u"customerCaption")

        self.summaryLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.customerCaption)

        self.customerValue = QLabel(self.detailPanel)
        self.customerValue.setObjectName(u"customerValue")

        self.summaryLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.customerValue)

        self.loanCaption = QLabel(self.detailPanel)
        self.loanCaption.setObjectName(u"loanCaption")

        self.summaryLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.loanCaption)

        self.loanValue = QLabel(self.detailPanel)
        self.loanValue.setObjectName(u"loanValue")

        self.summaryLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.loanValue)

        self.productCaption = QLabel(self.detailPanel)
        self.productCaption.setObjectName(u"productCaption")

        self.summaryLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.productCaption)

        self.productValue = QLabel(self.detailPanel)
        self.productValue.setObjectName(u"productValue")

        self.summaryLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.productValue)

        self.termsCaption = QLabel(self.detailPanel)
        self.termsCaption.setObjectName(u"termsCaption")

        self.summaryLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.termsCaption)

        self.termsValue = QLabel(self.detailPanel)
        self.termsValue.setObjectName(u"termsValue")

        self.summaryLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.termsValue)

        self.originCaption = QLabel(self.detailPanel)
        self.originCaption.setObjectName(u"originCaption")

        self.summaryLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.originCaption)

        self.originValue = QLabel(self.detailPanel)
        self.originValue.setObjectName(u"originValue")

        self.summaryLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.originValue)


        self.detailLayout.addLayout(self.summaryLayout)

        self.eventsCaption = QLabel(self.detailPanel)
        self.eventsCaption.setObjectName(u"eventsCaption")
        self.eventsCaption.setStyleSheet(u"font-weight: bold; margin-top: 6px;")

        self.detailLayout.addWidget(self.eventsCaption)

        self.eventsView = QTableView(self.detailPanel)
        self.eventsView.setObjectName(u"eventsView")
        self.eventsView.setAlternatingRowColors(True)
        self.eventsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.eventsView.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.eventsView.horizontalHeader().setStretchLastSection(True)
        self.eventsView.verticalHeader().setVisible(False)

        self.detailLayout.addWidget(self.eventsView)

        self.actionLayout = QHBoxLayout()
        self.actionLayout.setObjectName(u"actionLayout")
        self.commentEdit = QLineEdit(self.detailPanel)
        self.commentEdit.setObjectName(u"commentEdit")
        self.commentEdit.setMaxLength(500)

        self.actionLayout.addWidget(self.commentEdit)

        self.submitButton = QPushButton(self.detailPanel)
        self.submitButton.setObjectName(u"submitButton")

        self.actionLayout.addWidget(self.submitButton)

        self.approveButton = QPushButton(self.detailPanel)
        self.approveButton.setObjectName(u"approveButton")

        self.actionLayout.addWidget(self.approveButton)

        self.rejectButton = QPushButton(self.detailPanel)
        self.rejectButton.setObjectName(u"rejectButton")

        self.actionLayout.addWidget(self.rejectButton)

        self.executeButton = QPushButton(self.detailPanel)
        self.executeButton.setObjectName(u"executeButton")

        self.actionLayout.addWidget(self.executeButton)

        self.cancelButton = QPushButton(self.detailPanel)
        self.cancelButton.setObjectName(u"cancelButton")

        self.actionLayout.addWidget(self.cancelButton)


        self.detailLayout.addLayout(self.actionLayout)

        self.documentsCaption = QLabel(self.detailPanel)
        self.documentsCaption.setObjectName(u"documentsCaption")
        self.documentsCaption.setStyleSheet(u"font-weight: bold; margin-top: 6px;")

        self.detailLayout.addWidget(self.documentsCaption)

        self.documentsHolder = QWidget(self.detailPanel)
        self.documentsHolder.setObjectName(u"documentsHolder")
        self.documentsLayout = QVBoxLayout(self.documentsHolder)
        self.documentsLayout.setObjectName(u"documentsLayout")
        self.documentsLayout.setContentsMargins(0, 0, 0, 0)

        self.detailLayout.addWidget(self.documentsHolder)

        self.splitter.addWidget(self.detailPanel)

        self.pageLayout.addWidget(self.splitter)

        self.pageLayout.setStretch(3, 1)

        self.retranslateUi(ApplicationsPage)

        QMetaObject.connectSlotsByName(ApplicationsPage)
    # setupUi

    def retranslateUi(self, ApplicationsPage):
        self.titleLabel.setText(QCoreApplication.translate("ApplicationsPage", u"\uc7ac\ub300\ucd9c \uc2e0\uccad", None))
        self.stateFilterLabel.setText(QCoreApplication.translate("ApplicationsPage", u"\uc0c1\ud0dc", None))
        self.newLabel.setText(QCoreApplication.translate("ApplicationsPage", u"\uace0\uac1d\uc774 \uc218\ub77d\ud55c \uc81c\uc548\uc11c", None))
        self.createButton.setText(QCoreApplication.translate("ApplicationsPage", u"\uc2e0\uccad\uc11c \uc791\uc131", None))
        self.detailTitle.setText(QCoreApplication.translate("ApplicationsPage", u"\uc2e0\uccad\uc744 \uc120\ud0dd\ud558\uc138\uc694", None))
        self.customerCaption.setText(QCoreApplication.translate("ApplicationsPage", u"\uace0\uac1d", None))
        self.loanCaption.setText(QCoreApplication.translate("ApplicationsPage", u"\uc0c1\ud658\ud560 \ub300\ucd9c \u2192 \uc0c8 \ub300\ucd9c", None))
        self.productCaption.setText(QCoreApplication.translate("ApplicationsPage", u"\uc0c1\ud488", None))
        self.termsCaption.setText(QCoreApplication.translate("ApplicationsPage", u"\uae08\uc561 \u00b7 \uae08\ub9ac \u00b7 \uae30\uac04", None))
        self.originCaption.setText(QCoreApplication.translate("ApplicationsPage", u"\uc791\uc131", None))
        self.eventsCaption.setText(QCoreApplication.translate("ApplicationsPage", u"\uc9c4\ud589 \uc774\ub825", None))
        self.commentEdit.setPlaceholderText(QCoreApplication.translate("ApplicationsPage", u"\ucc98\ub9ac \uc758\uacac (\uc774\ub825\uc5d0 \ub0a8\uc2b5\ub2c8\ub2e4)", None))
        self.submitButton.setText(QCoreApplication.translate("ApplicationsPage", u"\uc2ec\uc0ac \uc694\uccad", None))
        self.approveButton.setText(QCoreApplication.translate("ApplicationsPage", u"\uc2b9\uc778", None))
        self.rejectButton.setText(QCoreApplication.translate("ApplicationsPage", u"\uac70\uc808", None))
        self.executeButton.setText(QCoreApplication.translate("ApplicationsPage", u"\uc2e4\ud589", None))
        self.cancelButton.setText(QCoreApplication.translate("ApplicationsPage", u"\uc2e0\uccad \ucde8\uc18c", None))
        self.documentsCaption.setText(QCoreApplication.translate("ApplicationsPage", u"\ucca8\ubd80 \uc11c\ub958", None))
        pass
    # retranslateUi

