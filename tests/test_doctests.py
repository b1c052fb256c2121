"""The ``>>>`` examples in foro_data's docstrings are tests too."""

import doctest
import importlib
import pkgutil

import pytest

import foro_data

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(foro_data.__path__, "foro_data.") if not m.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
