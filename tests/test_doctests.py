"""The module docstrings are documentation and tests: run every polybib module's doctests
(on the installed package, so that the tests check what users get)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import polybib

MODULES = sorted(m.name for m in pkgutil.walk_packages(polybib.__path__, "polybib."))


@pytest.mark.parametrize("name", ["polybib", *MODULES])
def test_module_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    assert result.failed == 0
