# Generated from ui/head_office_page.ui by retention_desktop.gui.build_forms: DO NOT EDIT.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'head_office_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QTabWidget,
    QTableView, QVBoxLayout, QWidget)

class Ui_HeadOfficePage(object):
    def setupUi(self, HeadOfficePage):
        if not HeadOfficePage.objectName():
            HeadOfficePage.setObjectName(u"HeadOfficePage")
        self.pageLayout = QVBoxLayout(HeadOfficePage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = QLabel(HeadOfficePage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 15pt; font-weight: bold;")

        self.pageLayout.addWidget(self.titleLabel)

        self.messageLabel = QLabel(HeadOfficePage)
        self.messageLabel.setObjectName(u"messageLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.messageLabel.sizePolicy().hasHeightForWidth())
        self.messageLabel.setSizePolicy(sizePolicy)
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setVisible(False)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.messageLabel)

        self.tabs = QTabWidget(HeadOfficePage)
        self.tabs.setObjectName(u"tabs")
        self.productsTab = QWidget()
        self.productsTab.setObjectName(u"productsTab")
        self.productsTabLayout = QVBoxLayout(self.productsTab)
        self.productsTabLayout.setObjectName(u"productsTabLayout")
        self.productsTabButtons = QHBoxLayout()
        self.productsTabButtons.setObjectName(u"productsTabButtons")
        self.productsInfo = QLabel(self.productsTab)
        self.productsInfo.setObjectName(u"productsInfo")
        self.productsInfo.setWordWrap(True)

        self.productsTabButtons.addWidget(self.productsInfo)

        self.importProductsButton = QPushButton(self.productsTab)
        self.importProductsButton.setObjectName(u"importProductsButton")

        self.productsTabButtons.addWidget(self.importProductsButton)

        self.newProductButton = QPushButton(self.productsTab)
        self.newProductButton.setObjectName(u"newProductButton")

        self.productsTabButtons.addWidget(self.newProductButton)

        self.editProductButton = QPushButton(self.productsTab)
        self.editProductButton.setObjectName(u"editProductButton")

        self.productsTabButtons.addWidget(self.editProductButton)

        self.productsTabButtons.setStretch(0, 1)

        self.productsTabLayout.addLayout(self.productsTabButtons)

        self.productsView = QTableView(self.productsTab)
        self.productsView.setObjectName(u"productsView")
        self.productsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.productsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.productsView.setAlternatingRowColors(True)
        self.productsView.setSortingEnabled(True)
        self.productsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.productsView.horizontalHeader().setStretchLastSection(True)
        self.productsView.verticalHeader().setVisible(False)

        self.productsTabLayout.addWidget(self.productsView)

        self.tabs.addTab(self.productsTab, "")
        self.offersTab = QWidget()
        self.offersTab.setObjectName(u"offersTab")
        self.offersTabLayout = QVBoxLayout(self.offersTab)
        self.offersTabLayout.setObjectName(u"offersTabLayout")
        self.offersTabButtons = QHBoxLayout()
        self.offersTabButtons.setObjectName(u"offersTabButtons")
        self.offersInfo = QLabel(self.offersTab)
        self.offersInfo.setObjectName(u"offersInfo")
        self.offersInfo.setWordWrap(True)

        self.offersTabButtons.addWidget(self.offersInfo)

        self.importOffersButton = QPushButton(self.offersTab)
        self.importOffersButton.setObjectName(u"importOffersButton")

        self.offersTabButtons.addWidget(self.importOffersButton)

        self.offersTabButtons.setStretch(0, 1)

        self.offersTabLayout.addLayout(self.offersTabButtons)

        self.offersView = QTableView(self.offersTab)
        self.offersView.setObjectName(u"offersView")
        self.offersView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.offersView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.offersView.setAlternatingRowColors(True)
        self.offersView.setSortingEnabled(True)
        self.offersView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.offersView.horizontalHeader().setStretchLastSection(True)
        self.offersView.verticalHeader().setVisible(False)

        self.offersTabLayout.addWidget(self.offersView)

        self.tabs.addTab(self.offersTab, "")
        self.indexTab = QWidget()
        self.indexTab.setObjectName(u"indexTab")
        self.indexTabLayout = QVBoxLayout(self.indexTab)
        self.indexTabLayout.setObjectName(u"indexTabLayout")
        self.indexTabButtons = QHBoxLayout()
        self.indexTabButtons.setObjectName(u"indexTabButtons")
        self.indexInfo = QLabel(self.indexTab)
        self.indexInfo.setObjectName(u"indexInfo")
        self.indexInfo.setWordWrap(True)

        self.indexTabButtons.addWidget(self.indexInfo)

        self.importIndexButton = QPushButton(self.indexTab)
        self.importIndexButton.setObjectName(u"importIndexButton")

        self.indexTabButtons.addWidget(self.importIndexButton)

        self.indexTabButtons.setStretch(0, 1)

        self.indexTabLayout.addLayout(self.indexTabButtons)

        self.indexView = QTableView(self.indexTab)
        self.indexView.setObjectName(u"indexView")
        self.indexView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.indexView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.indexView.setAlternatingRowColors(True)
        self.indexView.setSortingEnabled(True)
        self.indexView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.indexView.horizontalHeader().setStretchLastSection(True)
        self.indexView.verticalHeader().setVisible(False)

        self.indexTabLayout.addWidget(self.indexView)

        self.tabs.addTab(self.indexTab, "")
        self.policyTab = QWidget()
        self.policyTab.setObjectName(u"policyTab")
        self.policyTabLayout = QVBoxLayout(self.policyTab)
        self.policyTabLayout.setObjectName(u"policyTabLayout")
        self.policyTabButtons = QHBoxLayout()
        self.policyTabButtons.setObjectName(u"policyTabButtons")
        self.policyInfo = QLabel(self.policyTab)
        self.policyInfo.setObjectName(u"policyInfo")
        self.policyInfo.setWordWrap(True)

        self.policyTabButtons.addWidget(self.policyInfo)

        self.importPolicyButton = QPushButton(self.policyTab)
        self.importPolicyButton.setObjectName(u"importPolicyButton")

        self.policyTabButtons.addWidget(self.importPolicyButton)

        self.newPolicyButton = QPushButton(self.policyTab)
        self.newPolicyButton.setObjectName(u"newPolicyButton")

        self.policyTabButtons.addWidget(self.newPolicyButton)

        self.policyTabButtons.setStretch(0, 1)

        self.policyTabLayout.addLayout(self.policyTabButtons)

        self.policiesView = QTableView(self.policyTab)
        self.policiesView.setObjectName(u"policiesView")
        self.policiesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.policiesView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.policiesView.setAlternatingRowColors(True)
        self.policiesView.setSortingEnabled(True)
        self.policiesView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.policiesView.horizontalHeader().setStretchLastSection(True)
        self.policiesView.verticalHeader().setVisible(False)

        self.policyTabLayout.addWidget(self.policiesView)

        self.policyParametersCaption = QLabel(self.policyTab)
        self.policyParametersCaption.setObjectName(u"policyParametersCaption")
        self.policyParametersCaption.setStyleSheet(u"font-weight: bold; margin-top: 6px;")

        self.policyTabLayout.addWidget(self.policyParametersCaption)

        self.policyParametersView = QTableView(self.policyTab)
        self.policyParametersView.setObjectName(u"policyParametersView")
        self.policyParametersView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.policyParametersView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.policyParametersView.setAlternatingRowColors(True)
        self.policyParametersView.setSortingEnabled(False)
        self.policyParametersView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.policyParametersView.horizontalHeader().setStretchLastSection(True)
        self.policyParametersView.verticalHeader().setVisible(False)

        self.policyTabLayout.addWidget(self.policyParametersView)

        self.tabs.addTab(self.policyTab, "")

        self.pageLayout.addWidget(self.tabs)

        self.pageLayout.setStretch(2, 1)

        self.retranslateUi(HeadOfficePage)

        QMetaObject.connectSlotsByName(HeadOfficePage)
    # setupUi

    def retranslateUi(self, HeadOfficePage):
        self.titleLabel.setText(QCoreApplication.translate("HeadOfficePage", u"\ubcf8\ubd80 \uad00\ub9ac", None))
        self.importProductsButton.setText(QCoreApplication.translate("HeadOfficePage", u"CSV \uac00\uc838\uc624\uae30\u2026", None))
        self.newProductButton.setText(QCoreApplication.translate("HeadOfficePage", u"\uc0c8 \uc0c1\ud488\u2026", None))
        self.editProductButton.setText(QCoreApplication.translate("HeadOfficePage", u"\uc218\uc815\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.productsTab), QCoreApplication.translate("HeadOfficePage", u"\uc7ac\ub300\ucd9c \uc0c1\ud488", None))
        self.importOffersButton.setText(QCoreApplication.translate("HeadOfficePage", u"CSV \uac00\uc838\uc624\uae30\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.offersTab), QCoreApplication.translate("HeadOfficePage", u"\ud0c0\ud589 \uae08\ub9ac \uacf5\uc2dc", None))
        self.importIndexButton.setText(QCoreApplication.translate("HeadOfficePage", u"CSV \uac00\uc838\uc624\uae30\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.indexTab), QCoreApplication.translate("HeadOfficePage", u"\uc9c0\ud45c\uae08\ub9ac", None))
        self.importPolicyButton.setText(QCoreApplication.translate("HeadOfficePage", u"JSON \uac00\uc838\uc624\uae30\u2026", None))
        self.newPolicyButton.setText(QCoreApplication.translate("HeadOfficePage", u"\uc0c8 \uc815\ucc45 \ubc84\uc804\u2026", None))
        self.policyParametersCaption.setText(QCoreApplication.translate("HeadOfficePage", u"\uc120\ud0dd\ud55c \ubc84\uc804\uc758 \uaddc\uc81c \uac12", None))
        self.tabs.setTabText(self.tabs.indexOf(self.policyTab), QCoreApplication.translate("HeadOfficePage", u"\uaddc\uc81c \uc815\ucc45", None))
        pass
    # retranslateUi

