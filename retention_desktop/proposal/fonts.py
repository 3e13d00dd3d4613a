"""The bundled Korean font (NanumGothic, SIL OFL) registered with reportlab and matplotlib once, under a lock.

Registration is process-wide state: two threads rendering their first PDFs at once used to race (one
saw the regular face registered and used the bold one before the other had registered it:
``Can't map determine family/bold/italic for nanumgothicbold``). ``register_korean_fonts`` registers
both faces with both libraries before it reports the fonts ready; the app and the command line call
it at start-up, and every renderer calls it again (a no-op once done). Qt's registration is in
``gui.fonts``.
"""

from __future__ import annotations

import threading

from retention_desktop.data.locations import resources_dir

FONT, BOLD = "NanumGothic", "NanumGothicBold"
_lock = threading.Lock()
_ready = False


def register_korean_fonts() -> None:
    global _ready
    if _ready:
        return
    with _lock:
        if _ready:
            return
        import matplotlib
        from matplotlib import font_manager
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        fonts = resources_dir() / "fonts"
        pdfmetrics.registerFont(TTFont(FONT, str(fonts / "NanumGothic.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(fonts / "NanumGothicBold.ttf")))
        # <b> inside a NanumGothic paragraph means NanumGothicBold (there is no italic face)
        for bold, italic, face in ((0, 0, FONT), (1, 0, BOLD), (0, 1, FONT), (1, 1, BOLD)):
            addMapping(FONT, bold, italic, face)
        for path in sorted(fonts.glob("*.ttf")):
            font_manager.fontManager.addfont(str(path))
        matplotlib.rcParams["font.family"] = FONT
        matplotlib.rcParams["axes.unicode_minus"] = False  # the font's minus sign is the ASCII one
        _ready = True
