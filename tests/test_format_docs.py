"""The style gallery (the seed list in every bundled style) cannot drift from the code."""

from __future__ import annotations

import importlib.util

from .conftest import ROOT


def test_style_gallery_is_current():
    spec = importlib.util.spec_from_file_location("generate_style_gallery",
                                                  ROOT / "scripts" / "generate_style_gallery.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "styles.md").read_text(encoding="utf-8") == module.gallery(), \
        "docs/styles.md is stale: run scripts/generate_style_gallery.py"


def test_gallery_shows_every_bundled_style():
    from polybib._styles import BUNDLED

    text = (ROOT / "docs" / "styles.md").read_text(encoding="utf-8")
    assert all(f"`--style {style}`" in text for style in BUNDLED)
