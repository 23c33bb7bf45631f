from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def seed_list() -> Path:
    return ROOT / "references" / "recommended-literature.txt"


def load_script(name: str) -> ModuleType:
    """Import ``scripts/<name>.py`` (the generators of golden files and docs) as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
