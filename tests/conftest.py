"""Shared test setup."""

import pytest

from foro_data import access


@pytest.fixture(autouse=True)
def _fresh_wrong_passcode_count():
    # The server-wide count of wrong passcodes would otherwise carry over from earlier tests and
    # slow them down (up to 8 s per wrong passcode).
    access.WRONG_PASSCODES.clear()
    yield
    access.WRONG_PASSCODES.clear()
