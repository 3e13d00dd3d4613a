# Generated from ui/search_page.ui by retention_desktop.gui.build_forms: DO NOT EDIT.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'search_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QLabel,
    QLineEdit, QSizePolicy, QTableView, QVBoxLayout,
    QWidget)

class Ui_SearchPage(object):
    def setupUi(self, SearchPage):
        if not SearchPage.objectName():
            SearchPage.setObjectName(u"SearchPage")
        self.searchLayout = QVBoxLayout(SearchPage)
        self.searchLayout.setObjectName(u"searchLayout")
        self.titleLabel = QLabel(SearchPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 15pt; font-weight: bold;")

        self.searchLayout.addWidget(self.titleLabel)

        self.searchEdit = QLineEdit(SearchPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.searchLayout.addWidget(self.searchEdit)

        self.resultsView = QTableView(SearchPage)
        self.resultsView.setObjectName(u"resultsView")
        self.resultsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resultsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.resultsView.setAlternatingRowColors(True)
        self.resultsView.setSortingEnabled(False)
        self.resultsView.horizontalHeader().setStretchLastSection(True)
        self.resultsView.verticalHeader().setVisible(False)

        self.searchLayout.addWidget(self.resultsView)

        self.countLabel = QLabel(SearchPage)
        self.countLabel.setObjectName(u"countLabel")

        self.searchLayout.addWidget(self.countLabel)


        self.retranslateUi(SearchPage)

        QMetaObject.connectSlotsByName(SearchPage)
    # setupUi

    def retranslateUi(self, SearchPage):
        self.titleLabel.setText(QCoreApplication.translate("SearchPage", u"\uace0\uac1d \uac80\uc0c9", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("SearchPage", u"\uc774\ub984(\uc608: \uae40\ud558\ub298), \uace0\uac1d\ubc88\ud638(C\u2026), \ud734\ub300\uc804\ud654 \ub05d 4\uc790\ub9ac, \ub300\ucd9c\ubc88\ud638(L\u2026) \u2014 Ctrl+F", None))
        self.countLabel.setText("")
        pass
    # retranslateUi

