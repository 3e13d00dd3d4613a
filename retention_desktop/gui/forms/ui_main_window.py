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
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QMainWindow, QSizePolicy,
    QStackedWidget, QStatusBar, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1366, 768)
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.shellLayout = QHBoxLayout(self.centralWidget)
        self.shellLayout.setSpacing(0)
        self.shellLayout.setObjectName(u"shellLayout")
        self.shellLayout.setContentsMargins(0, 0, 0, 0)
        self.navFrame = QFrame(self.centralWidget)
        self.navFrame.setObjectName(u"navFrame")
        self.navFrame.setMinimumSize(QSize(180, 0))
        self.navFrame.setMaximumSize(QSize(180, 16777215))
        self.navFrame.setStyleSheet(u"QFrame#navFrame { background: #1f2d3d; }\n"
"QLabel { color: white; }\n"
"QListWidget { background: #1f2d3d; color: #e6edf3; border: none; font-size: 11pt; }\n"
"QListWidget::item { padding: 10px 14px; }\n"
"QListWidget::item:selected { background: #35506b; color: white; }")
        self.navLayout = QVBoxLayout(self.navFrame)
        self.navLayout.setObjectName(u"navLayout")
        self.brandLabel = QLabel(self.navFrame)
        self.brandLabel.setObjectName(u"brandLabel")
        self.brandLabel.setStyleSheet(u"font-size: 12pt; font-weight: bold; padding: 12px 8px;")

        self.navLayout.addWidget(self.brandLabel)

        self.navList = QListWidget(self.navFrame)
        self.navList.setObjectName(u"navList")
        self.navList.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.navLayout.addWidget(self.navList)


        self.shellLayout.addWidget(self.navFrame)

        self.pages = QStackedWidget(self.centralWidget)
        self.pages.setObjectName(u"pages")

        self.shellLayout.addWidget(self.pages)

        MainWindow.setCentralWidget(self.centralWidget)
        self.statusBar = QStatusBar(MainWindow)
        self.statusBar.setObjectName(u"statusBar")
        MainWindow.setStatusBar(self.statusBar)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"\ub9ac\ud150\uc158 \ub370\uc2a4\ud06c\ud1b1", None))
        self.brandLabel.setText(QCoreApplication.translate("MainWindow", u"\ub9ac\ud150\uc158 \ub370\uc2a4\ud06c\ud1b1", None))
    # retranslateUi

