"""Objects that live once per server process, keyed by configuration, out of any client's reach.

Streamlit's ``st.cache_resource`` is cleared by a ``clear_cache`` websocket message that any
visitor can send, without a passcode (issue 18, finding 1). The shared Sheet reader (its
one-read-per-interval guard) and the writer (its sender thread) must survive that, so they live
here: built once per key under a lock, never dropped, so no reset can start a second sender thread
or an extra Sheet read.
"""

from __future__ import annotations

import threading
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class PerProcess(Generic[T]):
    """One object per key for the whole process; ``factory`` runs at most once per key.

    >>> built = []
    >>> shared = PerProcess[list[str]]("demo")
    >>> a = shared.get("k", lambda: built.append(1) or ["x"])
    >>> b = shared.get("k", lambda: built.append(1) or ["y"])
    >>> a is b, built
    (True, [1])
    """

    def __init__(self, name: str):
        self.name = name
        self._items: dict[str, T] = {}
        self._lock = threading.Lock()

    def get(self, key: str, factory: Callable[[], T]) -> T:
        # The lock is held while building: two first viewers arriving together build one object.
        # A factory that raises stores nothing, so the next viewer tries again.
        with self._lock:
            if key not in self._items:
                self._items[key] = factory()
            return self._items[key]

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)
