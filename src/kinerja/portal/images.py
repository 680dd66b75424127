"""Uploaded photos are shrunk before they are stored, so a public page stays light on slow networks."""

from io import BytesIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from PIL import Image, ImageOps

MAX_SIDE = 1200
JPEG_QUALITY = 75


def shrink_image(upload: UploadedFile) -> ContentFile:
    """A JPEG at most MAX_SIDE pixels on its longer side, upright, without EXIF (no GPS of the author)."""
    upload.seek(0)
    with Image.open(upload) as original:
        picture = ImageOps.exif_transpose(original)
        picture.thumbnail((MAX_SIDE, MAX_SIDE))
        if picture.mode != "RGB":
            background = Image.new("RGB", picture.size, "white")
            rgba = picture.convert("RGBA")
            background.paste(rgba, mask=rgba.getchannel("A"))
            picture = background
        out = BytesIO()
        picture.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return ContentFile(out.getvalue(), name=Path(upload.name or "gambar").stem[:80] + ".jpg")
