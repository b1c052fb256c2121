#!/usr/bin/env bash
# Sets up .venv on first use, then starts the dashboard (demo data unless configured otherwise).
set -euo pipefail
cd "$(dirname "$0")"
bash tools/setup_env.sh
exec .venv/bin/streamlit run serve.py "$@"  # dashboard.py, gzip-compressed (serve.py)
