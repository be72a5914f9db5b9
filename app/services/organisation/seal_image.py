"""The organisation's seal image: checked and normalised to a transparent PNG with Pillow.

A mediator picks a scan, a photo or a drawing of the seal (PNG or JPEG). It is stored as a
PNG in RGBA so a transparent background stays transparent on the documents (reportlab
draws it with `mask="auto"`), turned upright when a phone photo says so in its EXIF, and
scaled down so its longer side is at most `MAX_SIDE` pixels (a 4 cm seal at 300 dpi needs
about 470). Pillow is already installed at run time (reportlab requires it).
"""

from __future__ import annotations

import io
from typing import Any

from app.domain.errors import InputError, Problem

MAX_FILE_BYTES = 10 * 1024 * 1024
MIN_SIDE = 64
MAX_SIDE = 1200
MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding them
ACCEPTED_FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "MPO": "JPEG"}  # MPO: some phones' JPEGs


def _refuse(reason: str, path: str) -> InputError:
    return InputError([Problem(path, reason)])


def _open(data: bytes, path: str) -> Any:
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise _refuse("无法识别这个图片文件：请选择 PNG 或 JPEG 格式的印章图片。", path) from error
    if image.format not in ACCEPTED_FORMATS:
        raise _refuse(
            f"印章图片的格式是 {image.format}，只支持 PNG 或 JPEG：请另存为 PNG 后重试。", path
        )
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise _refuse(
            f"印章图片过大（{width}×{height} 像素）：请缩小到 {MAX_SIDE} 像素左右后重试。", path
        )
    if min(width, height) < MIN_SIDE:
        raise _refuse(
            f"印章图片太小（{width}×{height} 像素），打印会模糊："
            f"请使用每边至少 {MIN_SIDE} 像素的图片（建议 500 像素以上）。",
            path,
        )
    return image


def normalise_seal(data: bytes, *, path: str = "seal_png") -> bytes:
    """PNG or JPEG bytes → an upright RGBA PNG, longer side at most `MAX_SIDE` pixels.

    Raises InputError (at `path`) for an empty, oversized, tiny, damaged or non-image file.
    """
    from PIL import Image, ImageOps

    if not data:
        raise _refuse("印章图片文件是空的：请重新选择。", path)
    if len(data) > MAX_FILE_BYTES:
        size_mb = len(data) / (1024 * 1024)
        raise _refuse(
            f"印章图片文件过大（{size_mb:.1f} MB，最多 {MAX_FILE_BYTES // (1024 * 1024)} MB）："
            "请压缩或缩小后重试。",
            path,
        )
    image = _open(data, path)
    try:
        image.load()
        upright = ImageOps.exif_transpose(image) or image
        rgba = upright.convert("RGBA")
    except (OSError, ValueError, SyntaxError) as error:
        raise _refuse("印章图片文件已损坏，无法读取：请重新扫描或导出后再选择。", path) from error
    rgba.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    rgba.save(out, "PNG", optimize=True)
    return out.getvalue()


def image_size(png: bytes) -> tuple[int, int]:
    """Width and height of a stored seal image, in pixels."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        width, height = image.size
    return int(width), int(height)
