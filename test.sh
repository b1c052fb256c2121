#!/usr/bin/env bash
# Sets up .venv (and, as root, Debian's chromium for the browser tests) on first use, then runs
# the linters (ruff, mypy) and the whole test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
bash tools/setup_env.sh
# Browser tests use Debian's chromium (Playwright cannot download browsers here) and an emoji
# font so that page icons render in screenshots.
if [ ! -x /usr/bin/chromium ] || [ ! -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Instalando chromium y fuentes (Debian) para las pruebas en navegador…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null
  else
    echo "Aviso: falta /usr/bin/chromium; las pruebas en navegador se saltearán (instale el paquete chromium)." >&2
  fi
fi
# Linters first: a finding (or an unformatted file) fails the run.
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
