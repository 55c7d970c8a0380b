"""Layout elements → ESC/POS bytes, built in python-escpos' ``Dummy`` (LIBRARIES §1).

The whole receipt is rendered in memory and sent later as one job: testable byte for byte,
and a printer failure never leaves half a receipt on paper.

Code page: ``ESC @`` (INIT) resets the printer's character table, and python-escpos 3.1
does not know that, so the one code page of the profile is pinned right *after* INIT and
magic per-character switching is off: the encoder knows only that one page, so it cannot
emit ``ESC t`` on its own. Characters the page lacks are replaced before they reach escpos
(``printable``), never sent as a code-page switch a cheap clone would misread.
"""

import copy
import logging
import re
import unicodedata

from pos.domain.company import Issuer
from pos.domain.documents import Document
from pos.domain.errors import ValidationError

from ._escpos import escpos
from .layout import QR, Cut, Element, Feed, Logo, Separator, Text, receipt_lines, visible
from .profile import Profile
from .qrimage import module_px_for, qr_image, qr_modules

log = logging.getLogger(__name__)

# Replacements for characters a code page lacks; same width where possible.
_FALLBACK = {"€": "EUR", "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"',
             "…": "...", "\u00a0": " ", "•": "*", "×": "x"}


def printable(text: str, codec: str) -> str:
    """Text the code page can encode, and nothing else: no control character from data
    ever reaches the printer (``visible``), then fallbacks, then the letter without its
    accent. This is the one door data text goes through into the ESC/POS stream."""
    out = []
    for ch in visible(text):
        try:
            ch.encode(codec)
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        if ch in _FALLBACK:
            out.append(_FALLBACK[ch])
            continue
        plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
        out.append(plain or "?")
    return "".join(out)


def _fit(line: str, room: int) -> str:
    """A fallback ('€' → 'EUR') may lengthen a line: take the extra from the padding."""
    while len(line) > room:
        runs = list(re.finditer(r" {2,}", line))
        if not runs:
            break
        longest = max(runs, key=lambda m: len(m.group()))
        line = line[:longest.start()] + line[longest.start() + 1:]
    return line


def codepage_slot(profile: Profile) -> int:
    """``ESC t n`` slot: the profile's override, or the one python-escpos knows."""
    if profile.codepage_slot is not None:
        return profile.codepage_slot
    caps = escpos().capabilities
    try:
        pages = caps.get_profile_class(profile.escpos_profile).profile_data["codePages"]
    except KeyError:
        raise ValidationError(f"Perfil python-escpos desconhecido: {profile.escpos_profile}."
                              ) from None
    for slot, name in pages.items():
        if name == profile.codepage:
            return int(slot)
    raise ValidationError(f"O perfil {profile.escpos_profile} não indica a posição da página "
                          f"{profile.codepage}: configure codepage_slot (veja a página de "
                          "autoteste da impressora).")


def _escpos_profile(profile: Profile):
    """A python-escpos Profile whose media width and cutter flags are ours.

    With an 'Unknown' media width, escpos 3.1 ``image()`` prints a notice to stdout; and
    its ``cut()`` silently becomes a feed on profiles without cutter flags. Both follow
    our profile instead.
    """
    esc = escpos()
    try:
        base = esc.capabilities.get_profile_class(profile.escpos_profile)
    except KeyError:
        raise ValidationError(f"Perfil python-escpos desconhecido: {profile.escpos_profile}."
                              ) from None
    data = copy.deepcopy(base.profile_data)
    data["media"] = {"dpi": profile.dpi,
                     "width": {"mm": round(profile.paper_px / profile.dpi * 25.4, 1),
                               "pixels": profile.paper_px}}
    data["features"] = {**data.get("features", {}), "paperFullCut": profile.cutter,
                        "paperPartCut": profile.cutter,
                        "qrCode": profile.native_qr}
    cls = type("CaixaProfile", (esc.capabilities.Profile,), {"profile_data": data})
    return cls(columns=profile.columns, features=data["features"])


def _centred(img, width: int):
    """Pad an image on the left so it sits in the middle of the paper.

    Padding (instead of ESC a 1) works on printers that ignore justification for raster
    images; only the left side is padded, to keep the job small on slow serial links.
    """
    from PIL import Image

    left = max(0, (width - img.width) // 2)
    if not left:
        return img
    out = Image.new("1", (left + img.width, img.height), 1)
    out.paste(img, (left, 0))
    return out


class _Job:
    def __init__(self, profile: Profile):
        self.profile = profile.validate()
        esc = escpos()
        self.const = esc.constants
        self.p = esc.printer.Dummy(
            profile=_escpos_profile(profile),
            magic_encode_args={"encoder": esc.Encoder({profile.codepage: codepage_slot(
                profile)})})
        self.p.hw("INIT")
        self.p.charcode(profile.codepage)     # after INIT, never before (LIBRARIES §1.3)
        self.align, self.bold, self.size = "left", False, (1, 1)   # state after ESC @

    def style(self, align: str = "left", bold: bool = False, size=(1, 1)) -> None:
        if size != self.size:
            # ESC ! also clears emphasis, so bold is re-sent after a size change.
            if size == (1, 1):
                self.p.set(normal_textsize=True)
            else:
                self.p.set(double_width=size[0] == 2, double_height=size[1] == 2)
            self.size, self.bold = size, False
        if bold != self.bold:
            self.p.set(bold=bold)
            self.bold = bold
        if align != self.align:
            self.p.set(align=align)
            self.align = align

    def line(self, text: str, room: int) -> None:
        """The only place text enters the job: made printable, then one line feed."""
        self.p.text(_fit(printable(text, self.profile.codec), room) + "\n")

    def text(self, el: Text) -> None:
        self.style(el.align, el.bold, (el.width, el.height))
        self.line(el.text, self.profile.columns // el.width)

    def qr(self, payload: str) -> None:
        prof = self.profile
        if prof.native_qr:
            # The printer picks the version: size the module for the smallest one it could.
            n = module_px_for(qr_modules(payload, spec=False), prof.dpi, prof.qr_min_mm)
            self.style("center")
            self.p.qr(payload, ec=self.const.QR_ECLEVEL_M, size=min(n, 16), native=True)
            self.p.text("\n")
        else:
            self.style("left")
            img = qr_image(payload, prof.dpi, prof.qr_min_mm, max_px=prof.paper_px)
            self.p.image(_centred(img, prof.paper_px))

    def logo(self) -> None:
        if not self.profile.logo:
            return
        from PIL import Image

        try:
            img = Image.open(self.profile.logo)
            img.load()
        except OSError as exc:
            # A missing logo must not stop a fiscal receipt from printing.
            log.warning("logo not printed: %s", exc)
            return
        if img.width > self.profile.paper_px:
            height = round(img.height * self.profile.paper_px / img.width)
            img = img.resize((self.profile.paper_px, height))
        bg = Image.new("RGBA", img.size, "white")
        bg.alpha_composite(img.convert("RGBA"))
        self.style("left")
        self.p.image(_centred(bg.convert("L").convert("1"), self.profile.paper_px))

    def cut(self) -> None:
        self.p.print_and_feed(self.profile.feed_lines)
        if self.profile.cutter:
            self.p._raw(self.const.PAPER_PART_CUT if self.profile.cut_mode == "PART"
                        else self.const.PAPER_FULL_CUT)
        # Without a cutter the feed alone brings the last line past the tear bar.

    def drawer(self) -> None:
        pin = 0 if self.profile.drawer_pin == 2 else 1
        t = max(1, min(255, self.profile.drawer_pulse_ms // 2))   # units of 2 ms
        self.p.cashdraw([27, 112, pin, t, t])

    def add(self, el: Element) -> None:
        if isinstance(el, Text):
            self.text(el)
        elif isinstance(el, Separator):
            self.style()
            self.line(el.char * self.profile.columns, self.profile.columns)
        elif isinstance(el, QR):
            self.qr(el.payload)
        elif isinstance(el, Feed):
            self.p.ln(el.lines)
        elif isinstance(el, Logo):
            self.logo()
        elif isinstance(el, Cut):
            self.cut()


def render(elements: list[Element], profile: Profile, open_drawer: bool = False) -> bytes:
    """One ESC/POS job: INIT, code page, the elements; the drawer kick last if asked."""
    job = _Job(profile)
    for el in elements:
        job.add(el)
    if open_drawer:
        job.drawer()
    return job.p.output


def render_receipt(doc: Document, issuer: Issuer, qr_payload: str, profile: Profile,
                   copy: int = 0, reprint: bool = False, open_drawer: bool = False) -> bytes:
    elements = receipt_lines(doc, issuer, qr_payload, profile.columns, copy, reprint)
    return render(elements, profile, open_drawer)


def drawer_kick(profile: Profile) -> bytes:
    """Open the cash drawer without printing (the kick goes through the printer)."""
    job = _Job(profile)
    job.drawer()
    return job.p.output
