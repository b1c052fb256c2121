#!/usr/bin/env bash
# Creates .venv with Python 3.11 on first use and installs the exact versions of requirements.lock;
# reinstalls only when the lock (or requirements.txt) changes. Used by ./app.sh and ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-$(command -v python3.11 || command -v python3)}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.requirements.sha256
want=$(cat requirements.lock requirements.txt | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r requirements.lock
  locked_from=$(sed -n 's/^# requirements.txt sha256: //p' requirements.lock)
  if [ "$locked_from" != "$(sha256sum requirements.txt | cut -d' ' -f1)" ]; then
    # A dependency was added since the lock was made: install its range too, and say so.
    echo "Aviso: requirements.lock no corresponde a requirements.txt; ejecute bash tools/lock.sh." >&2
    .venv/bin/python -m pip install --quiet -r requirements.txt
  fi
  echo "$want" > "$stamp"
fi
