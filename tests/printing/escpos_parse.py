"""A small ESC/POS reader for tests: the commands Caixa emits, as tokens, plus the QR
payloads (native GS ( k store) and raster images (GS v 0) found in a job."""

ESC, GS, DLE = 0x1B, 0x1D, 0x10
ONE_ARG_ESC = b"t!Ead-M"


def tokens(data: bytes) -> list[tuple]:
    out: list[tuple] = []
    i = 0
    while i < len(data):
        b = data[i]
        if b == ESC:
            c = data[i + 1]
            if c == ord("@"):
                out.append(("ESC @",))
                i += 2
            elif c in ONE_ARG_ESC:
                out.append((f"ESC {chr(c)}", data[i + 2]))
                i += 3
            elif c == ord("p"):
                out.append(("ESC p", data[i + 2], data[i + 3], data[i + 4]))
                i += 5
            else:
                raise ValueError(f"unknown ESC {c:#x} at {i}")
        elif b == GS:
            c = data[i + 1]
            if c == ord("!"):
                out.append(("GS !", data[i + 2]))
                i += 3
            elif c == ord("V"):
                m = data[i + 2]
                if m in (65, 66):
                    out.append(("GS V", m, data[i + 3]))
                    i += 4
                else:
                    out.append(("GS V", m))
                    i += 3
            elif c == ord("(") and data[i + 2] == ord("k"):
                n = data[i + 3] + 256 * data[i + 4]
                out.append(("GS ( k", data[i + 5:i + 5 + n]))
                i += 5 + n
            elif c == ord("v") and data[i + 2] == ord("0"):
                wb = data[i + 4] + 256 * data[i + 5]
                h = data[i + 6] + 256 * data[i + 7]
                out.append(("GS v 0", wb, h, data[i + 8:i + 8 + wb * h]))
                i += 8 + wb * h
            else:
                raise ValueError(f"unknown GS {c:#x} at {i}")
        elif b == DLE and data[i + 1] == 0x04:
            out.append(("DLE EOT", data[i + 2]))
            i += 3
        else:
            j = i
            while j < len(data) and data[j] not in (ESC, GS):
                j += 1
            out.append(("text", data[i:j]))
            i = j
    return out


def native_qr_payloads(data: bytes) -> list[str]:
    """Data of every 'store QR data' function (cn '1', fn 'P' = 80, m '0')."""
    return [t[1][3:].decode("utf-8") for t in tokens(data)
            if t[0] == "GS ( k" and t[1][:3] == b"1P0"]


def raster_images(data: bytes) -> list:
    """Every GS v 0 raster as a Pillow 'L' image (black = printed dot)."""
    from PIL import Image

    images = []
    for t in tokens(data):
        if t[0] == "GS v 0":
            _, wb, h, raster = t
            inverted = bytes(255 - x for x in raster)   # ESC/POS 1 = dot; PIL '1' 1 = white
            images.append(Image.frombytes("1", (wb * 8, h), inverted).convert("L"))
    return images


def text_of(data: bytes, codec: str = "cp858") -> str:
    return b"".join(t[1] for t in tokens(data) if t[0] == "text").decode(codec)


def dump(data: bytes) -> list[str]:
    """Readable lines for a golden-file diff (images summarised by size and checksum)."""
    import zlib

    lines = []
    for t in tokens(data):
        if t[0] == "text":
            lines.extend(f"text {line!r}" for line in t[1].split(b"\n"))
        elif t[0] == "GS v 0":
            lines.append(f"GS v 0 {t[1] * 8}x{t[2]} crc={zlib.crc32(t[3]):08x}")
        else:
            lines.append(" ".join(str(x) for x in t))
    return lines
