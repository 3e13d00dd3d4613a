# Generated from ui/main_window.ui by retention_desktop.gui.build_forms: DO NOT EDIT.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
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
    QLabel, QLineEdit, QMainWindow, QSizePolicy,
    QSpacerItem, QStatusBar, QTableView, QVBoxLayout,
    QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 760)
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.mainLayout = QVBoxLayout(self.centralWidget)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.officerLabel = QLabel(self.centralWidget)
        self.officerLabel.setObjectName(u"officerLabel")
        self.officerLabel.setStyleSheet(u"font-size: 15pt; font-weight: bold;")

        self.headerLayout.addWidget(self.officerLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.customerCountLabel = QLabel(self.centralWidget)
        self.customerCountLabel.setObjectName(u"customerCountLabel")
        self.customerCountLabel.setStyleSheet(u"font-size: 13pt;")

        self.headerLayout.addWidget(self.customerCountLabel)


        self.mainLayout.addLayout(self.headerLayout)

        self.searchEdit = QLineEdit(self.centralWidget)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)
        self.searchEdit.setEnabled(False)

        self.mainLayout.addWidget(self.searchEdit)

        self.resultsView = QTableView(self.centralWidget)
        self.resultsView.setObjectName(u"resultsView")
        self.resultsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resultsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.resultsView.setAlternatingRowColors(True)
        self.resultsView.horizontalHeader().setStretchLastSection(True)
        self.resultsView.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.resultsView)

        MainWindow.setCentralWidget(self.centralWidget)
        self.statusBar = QStatusBar(MainWindow)
        self.statusBar.setObjectName(u"statusBar")
        MainWindow.setStatusBar(self.statusBar)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Retention Desktop", None))
        self.officerLabel.setText(QCoreApplication.translate("MainWindow", u"\ub85c\uadf8\uc778 \uc900\ube44 \uc911\u2026", None))
        self.customerCountLabel.setText(QCoreApplication.translate("MainWindow", u"\uace0\uac1d \uc218 \u2014", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"\uace0\uac1d \uac80\uc0c9: \uc774\ub984, \uace0\uac1d\ubc88\ud638, \uc804\ud654\ubc88\ud638 \ub05d 4\uc790\ub9ac, \ub300\ucd9c\ubc88\ud638 (Ctrl+F)", None))
    # retranslateUi

