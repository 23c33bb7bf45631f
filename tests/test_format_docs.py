"""The style gallery (the seed list in every bundled style) cannot drift from the code."""

from __future__ import annotations


from .conftest import ROOT, load_script


def test_style_gallery_is_current():
    module = load_script("generate_style_gallery")
    assert (ROOT / "docs" / "styles.md").read_text(encoding="utf-8") == module.gallery(), \
        "docs/styles.md is stale: run scripts/generate_style_gallery.py"


def test_gallery_shows_every_bundled_style():
    from polybib._styles import BUNDLED

    text = (ROOT / "docs" / "styles.md").read_text(encoding="utf-8")
    assert all(f"`--style {style}`" in text for style in BUNDLED)
