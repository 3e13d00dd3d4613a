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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

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

        self.hintLabel = QLabel(SearchPage)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setVisible(False)
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setStyleSheet(u"background: #e8f1fb; color: #1f4e79; border-radius: 4px; padding: 8px 10px;")

        self.searchLayout.addWidget(self.hintLabel)

        self.resultsView = QTableView(SearchPage)
        self.resultsView.setObjectName(u"resultsView")
        self.resultsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resultsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.resultsView.setAlternatingRowColors(True)
        self.resultsView.setSortingEnabled(False)
        self.resultsView.horizontalHeader().setStretchLastSection(True)
        self.resultsView.verticalHeader().setVisible(False)

        self.searchLayout.addWidget(self.resultsView)

        self.pagingLayout = QHBoxLayout()
        self.pagingLayout.setObjectName(u"pagingLayout")
        self.countLabel = QLabel(SearchPage)
        self.countLabel.setObjectName(u"countLabel")

        self.pagingLayout.addWidget(self.countLabel)

        self.pagingSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.pagingLayout.addItem(self.pagingSpacer)

        self.moreButton = QPushButton(SearchPage)
        self.moreButton.setObjectName(u"moreButton")
        self.moreButton.setVisible(False)

        self.pagingLayout.addWidget(self.moreButton)


        self.searchLayout.addLayout(self.pagingLayout)


        self.retranslateUi(SearchPage)

        QMetaObject.connectSlotsByName(SearchPage)
    # setupUi

    def retranslateUi(self, SearchPage):
        self.titleLabel.setText(QCoreApplication.translate("SearchPage", u"\uace0\uac1d \uac80\uc0c9", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("SearchPage", u"\uc774\ub984(\uc608: \uae40\ud558\ub298), \uace0\uac1d\ubc88\ud638(C\u2026), \ud734\ub300\uc804\ud654 \ub05d 4\uc790\ub9ac, \ub300\ucd9c\ubc88\ud638(L\u2026) \u2014 Ctrl+F", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("SearchPage", u"\uace0\uac1d \uac80\uc0c9\uc5b4", None))
#endif // QT_CONFIG(accessibility)
        self.hintLabel.setText("")
#if QT_CONFIG(accessibility)
        self.resultsView.setAccessibleName(QCoreApplication.translate("SearchPage", u"\uac80\uc0c9 \uacb0\uacfc", None))
#endif // QT_CONFIG(accessibility)
        self.countLabel.setText("")
        self.moreButton.setText(QCoreApplication.translate("SearchPage", u"\ub2e4\uc74c 50\uba85 \ub354 \ubcf4\uae30", None))
#if QT_CONFIG(tooltip)
        self.moreButton.setToolTip(QCoreApplication.translate("SearchPage", u"\uacb0\uacfc\ub97c 50\uba85\uc529 \ub354 \ubd88\ub7ec\uc635\ub2c8\ub2e4 (\ubaa9\ub85d \ub05d\uae4c\uc9c0 \uc2a4\ud06c\ub864\ud574\ub3c4 \ubd88\ub7ec\uc635\ub2c8\ub2e4)", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

