#!/bin/sh
# Container entry point: hands the mounted secrets to Streamlit without baking them into the image.
# The cookie secret must be the same on every replica (a session's cookies, XSRF included, are
# signed by whichever replica served the page and checked by whichever serves the next request),
# so it comes from one compose secret, read at start.
set -eu
if [ -r /run/secrets/cookie_secret ]; then
  STREAMLIT_SERVER_COOKIE_SECRET=$(cat /run/secrets/cookie_secret)
  export STREAMLIT_SERVER_COOKIE_SECRET
fi
if [ -z "${STREAMLIT_SERVER_COOKIE_SECRET:-}" ]; then
  echo "Falta el secreto cookie_secret (secrets/cookie_secret): las réplicas no compartirían sus cookies." >&2
  exit 1
fi
exec "$@"
