"""The bundled Korean font (NanumGothic, SIL OFL) registered once, under a lock: with reportlab for the
printed proposal (``register_korean_fonts``), with matplotlib for the screens' charts
(``register_matplotlib_fonts``).

Registration is process-wide state: two threads rendering their first PDFs at once used to race (one
saw the regular face registered and used the bold one before the other had registered it:
``Can't map determine family/bold/italic for nanumgothicbold``). Each function registers both faces
before it reports the fonts ready; every renderer calls it again (a no-op once done). The proposal's
path never imports matplotlib (issue 16: its import was about a second of a cold proposal command).
Qt's registration is in ``gui.fonts``.
"""

from __future__ import annotations

import threading

from retention_desktop.data.locations import resources_dir

FONT, BOLD = "NanumGothic", "NanumGothicBold"
_lock = threading.Lock()
_ready: set[str] = set()


def register_korean_fonts() -> None:
    """Both faces with reportlab (the PDF's fonts), once for every thread."""
    if "reportlab" in _ready:
        return
    with _lock:
        if "reportlab" in _ready:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        fonts = resources_dir() / "fonts"
        pdfmetrics.registerFont(TTFont(FONT, str(fonts / "NanumGothic.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(fonts / "NanumGothicBold.ttf")))
        # <b> inside a NanumGothic paragraph means NanumGothicBold (there is no italic face)
        for bold, italic, face in ((0, 0, FONT), (1, 0, BOLD), (0, 1, FONT), (1, 1, BOLD)):
            addMapping(FONT, bold, italic, face)
        _ready.add("reportlab")


def register_matplotlib_fonts() -> None:
    """Both faces with matplotlib (the screens' charts), once for every thread."""
    if "matplotlib" in _ready:
        return
    with _lock:
        if "matplotlib" in _ready:
            return
        import matplotlib
        from matplotlib import font_manager

        for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
            font_manager.fontManager.addfont(str(path))
        matplotlib.rcParams["font.family"] = FONT
        matplotlib.rcParams["axes.unicode_minus"] = False  # the font's minus sign is the ASCII one
        _ready.add("matplotlib")
