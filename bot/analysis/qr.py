"""QR codes in a mail's images (quishing): decoded offline, never followed.

The decoder (zxing-cpp, with Pillow to read PNG/JPEG/GIF/BMP/WebP) is imported only when a mail
has an image, so the analysis start-up does not pay for it. Bounds: intake keeps at most
``Limits.max_images`` images of at most ``Limits.max_image_bytes`` each; an image larger than
``MAX_PIXELS`` is not decoded (decompression bombs), and a larger one is scaled down first.
Anything the decoders reject is skipped: an unreadable image is not a finding.
"""

from __future__ import annotations

import io
import warnings

MAX_PIXELS = 16_000_000
SCALE_TO = 1200  # longest side, in pixels, before decoding (a code in a mail image is large)
MAX_CODES = 10
MIN_SIDE = 60  # smaller images (tracking pixels, icons) hold no readable code
MIN_BYTES = 200


def qr_texts(images: tuple[bytes, ...]) -> list[str]:
    """The text of every QR code found in the images (at most ``MAX_CODES``)."""
    if not images:
        return []
    try:
        import zxingcpp
        from PIL import Image, UnidentifiedImageError
    except ImportError:  # the optional decoder is not installed: no QR reading, no failure
        return []
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    found: list[str] = []
    for data in images:
        if len(data) < MIN_BYTES:
            continue
        try:
            with warnings.catch_warnings(), Image.open(io.BytesIO(data)) as img:
                warnings.simplefilter("ignore")  # Pillow's notes about odd palettes: not ours to print
                if img.width * img.height > MAX_PIXELS or min(img.width, img.height) < MIN_SIDE:
                    continue
                img.seek(0)
                frame = img.convert("L")
            if max(frame.size) > SCALE_TO:
                frame.thumbnail((SCALE_TO, SCALE_TO))
            results = zxingcpp.read_barcodes(
                frame, formats=zxingcpp.BarcodeFormats([zxingcpp.BarcodeFormat.QRCode, zxingcpp.BarcodeFormat.MicroQRCode])
            )
        except (UnidentifiedImageError, OSError, ValueError, EOFError, SyntaxError, RuntimeError,
                Image.DecompressionBombError, MemoryError):
            continue
        for result in results:
            text = (result.text or "").strip()
            if text and text not in found:
                found.append(text[:4096])
            if len(found) >= MAX_CODES:
                return found
    return found
