#!/usr/bin/env bash
# Sets up .venv on first use, then starts the dashboard (demo data unless configured otherwise).
#   ./app.sh          only this computer (http://localhost:8501)
#   ./app.sh --red    the venue's network too: phones on the same Wi-Fi reach it; prints each
#                     role's address and a QR code (same as `red = true` under [foro])
# Any other argument goes to `streamlit run` (for example --server.port 8502).
set -euo pipefail
cd "$(dirname "$0")"
bash tools/setup_env.sh
red=0
port=8501
args=()
prev=""
for a in "$@"; do
  case "$a" in
    --red) red=1 ;;
    --server.port=*) port="${a#*=}"; args+=("$a") ;;
    *) [ "$prev" = "--server.port" ] && port="$a"; args+=("$a") ;;
  esac
  prev="$a"
done
if [ "$red" = 0 ] && .venv/bin/python -m foro_data sede --activa; then
  red=1
fi
if [ "$red" = 1 ]; then
  # The LAN address is found offline; handing it to Streamlit as browser.serverAddress also stops
  # Streamlit from asking an internet service for this machine's public address.
  ip=$(.venv/bin/python -m foro_data sede --ip)
  .venv/bin/python -m foro_data sede --puerto "$port"
  exec .venv/bin/streamlit run serve.py --server.address 0.0.0.0 --browser.serverAddress "$ip" \
    --server.port "$port" "${args[@]}"
fi
exec .venv/bin/streamlit run serve.py "${args[@]}"  # dashboard.py, gzip-compressed (serve.py)
