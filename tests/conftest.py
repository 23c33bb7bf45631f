from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def seed_list() -> Path:
    return ROOT / "references" / "recommended-literature.txt"
