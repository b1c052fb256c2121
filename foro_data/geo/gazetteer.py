"""The shipped gazetteer's storage: places, names, first- and second-level regions, key pools.

Only storage and lookups live here; choosing between places is resolver.py's job. The file
(``foro_data/data/gazetteer.tsv.gz``) is written by ``tools/build_gazetteer.py`` from GeoNames
(CC BY 4.0); its sections are described there.
"""

from __future__ import annotations

import gzip
import threading
from array import array
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Iterable, NamedTuple

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "gazetteer.tsv.gz"


class Place(NamedTuple):
    nombre: str
    lat: float
    lon: float
    pais: str
    admin1: str  # "CC.code"
    poblacion: int
    geonameid: int
    municipio: int  # number of its second-level region (partido, município…), -1 when unknown


class Municipio(NamedTuple):
    """A second-level region (partido, departamento, município), placed at its seat."""

    nombre: str
    admin1: str
    sede: int  # place number of its seat


class _Block:
    """Lines of one section of the raw text, found through an array of line offsets."""

    def __init__(self, raw: bytes, start: int, end: int) -> None:
        self._raw = raw
        lines = raw[start : end - 1].split(b"\n") if end > start else []
        # Each line's length plus its newline, summed: map() keeps this loop in C (the load budget).
        self.off = array("L", accumulate(map((1).__add__, map(len, lines)), initial=start))

    def __len__(self) -> int:
        return len(self.off) - 1

    def __getitem__(self, n: int) -> bytes:
        return self._raw[self.off[n] : self.off[n + 1] - 1]

    def find(self, target: bytes) -> int:
        """Line number equal to ``target`` in a sorted block, or -1 (binary search)."""
        lo, hi = 0, len(self)
        while lo < hi:
            mid = (lo + hi) // 2
            if self[mid] < target:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self) and self[lo] == target else -1


class Gazetteer:
    """Places by folded name, first-level regions, municipalities, per-country key pools.

    The decompressed file stays one ``bytes`` object; places and keys are found through arrays of
    line offsets (keys are sorted, so a lookup is a binary search) and a place is parsed only when a
    lookup needs it. Python objects per line would cost about 20 MB more; this keeps the load under
    the 200 ms / 50 MB budget (see bench/bench_geo.py).
    """

    def __init__(self, path: Path = DATA_FILE) -> None:
        raw = gzip.decompress(path.read_bytes())
        self._raw = raw
        # Lines "#name" open the sections; no place name starts with "#".
        bounds: dict[str, tuple[int, int]] = {}
        pos = 0
        while pos < len(raw):
            eol = raw.index(b"\n", pos)
            name = raw[pos + 1 : eol].decode("ascii")
            nxt = raw.find(b"\n#", eol)
            end = len(raw) if nxt < 0 else nxt + 1
            bounds[name] = (eol + 1, end)
            pos = end
        self.meta = dict(line.split("\t", 1) for line in self._text(*bounds["meta"]).splitlines())
        self._places_block = _Block(raw, *bounds["places"])
        self._keys = _Block(raw, *bounds["keys"])
        self._ids = _Block(raw, *bounds["ids"])
        self._mkeys = _Block(raw, *bounds["mkeys"])
        self._mids = _Block(raw, *bounds["mids"])
        self._cc_start = bounds["countries"][0]
        self.admin1_names: dict[str, str] = {}
        self._admin1_by_alias: dict[str, set[str]] = {}
        for line in self._text(*bounds["admin1"]).splitlines():
            code, name, aliases = line.split("\t")
            self.admin1_names[code] = name
            for alias in aliases.split("|"):
                if alias:
                    self._admin1_by_alias.setdefault(alias, set()).add(code)
        self.municipios: list[Municipio] = []
        for line in self._text(*bounds["admin2"]).splitlines():
            code, name, seat = line.split("\t")
            self.municipios.append(Municipio(name, code, int(seat)))
        self._places: dict[int, Place] = {}
        self._pools: dict[str, array] | None = None
        self._lock = threading.Lock()

    def _text(self, start: int, end: int) -> str:
        return self._raw[start:end].decode("utf-8")

    def __len__(self) -> int:
        return len(self._places_block)

    def place(self, n: int) -> Place:
        p = self._places.get(n)
        if p is None:
            name, lat, lon, cc, a1, pop, gid, mun = self._places_block[n].decode("utf-8").split("\t")
            p = Place(name, float(lat), float(lon), cc, f"{cc}.{a1}", int(pop), int(gid), int(mun) if mun else -1)
            self._places[n] = p
        return p

    def country_of(self, n: int) -> str:
        start = self._cc_start + 2 * n
        return self._raw[start : start + 2].decode("ascii")

    def lookup(self, key: str) -> list[int]:
        """Place numbers whose name or an alternate name folds to ``key``."""
        k = self._keys.find(key.encode("ascii", "ignore"))
        return [int(x) for x in self._ids[k].split(b",")] if k >= 0 else []

    def municipalities(self, key: str) -> list[int]:
        """Municipality numbers whose name folds to ``key`` ("partido de" and the like removed)."""
        k = self._mkeys.find(key.encode("ascii", "ignore"))
        return [int(x) for x in self._mids[k].split(b",")] if k >= 0 else []

    def admin1(self, text: str) -> set[str]:
        """First-level region codes (``"AR.13"``) a folded province text may name."""
        return set(self._admin1_by_alias.get(text, ()))

    def region_name(self, code: str) -> str:
        return self.admin1_names.get(code, "")

    def pool(self, countries: Iterable[str]) -> list[str]:
        """Folded keys of places in ``countries`` (for typo search), cached per set of countries."""
        return list(self._pool(frozenset(countries)))

    @lru_cache(maxsize=16)  # noqa: B019 - one Gazetteer per process, kept for its whole life
    def _pool(self, countries: frozenset[str]) -> tuple[str, ...]:
        with self._lock:
            if self._pools is None:
                # Built on the first typo only: key numbers per country, ~1 MB.
                pools: dict[str, array] = {}
                cc_of = self._raw[self._cc_start :]
                for k in range(len(self._keys)):
                    ids = self._ids[k].split(b",")
                    for cc in {cc_of[2 * int(x) : 2 * int(x) + 2] for x in ids}:
                        pools.setdefault(cc.decode("ascii"), array("L")).append(k)
                self._pools = pools
        numbers = sorted({k for cc in countries for k in self._pools.get(cc, ())})
        return tuple(self._keys[k].decode("ascii") for k in numbers)


_GAZETTEER: Gazetteer | None = None
_GAZETTEER_LOCK = threading.Lock()


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use (once, even when threads ask together)."""
    global _GAZETTEER
    if _GAZETTEER is None:
        with _GAZETTEER_LOCK:
            if _GAZETTEER is None:
                _GAZETTEER = Gazetteer()
    return _GAZETTEER
