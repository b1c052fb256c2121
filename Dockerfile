# Foro en vivo as one container: the dashboard on port 8501, behind the proxy of compose.yaml.
# Secrets (the [foro]/[acceso] TOML with the service account, the cookie secret) are mounted at
# run time as compose secrets, never copied here; .dockerignore keeps them out of the context too.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    FORO_CACHE_DIR=/var/lib/foro

# A user without a login or a password owns only the cache (last good read, the writes' outbox).
RUN useradd --system --uid 10001 --create-home --home-dir /home/foro foro \
    && mkdir -p /var/lib/foro && chown foro:foro /var/lib/foro

WORKDIR /app
# The exact versions the tests ran with (tools/lock.sh), installed before the code so that a code
# change does not reinstall them.
COPY requirements.lock ./
RUN pip install --no-cache-dir -r requirements.lock

COPY dashboard.py serve.py ./
COPY foro_data ./foro_data
COPY pages ./pages
COPY ui ./ui
COPY static ./static
COPY .streamlit/config.toml ./.streamlit/config.toml
COPY deploy/entrypoint.sh ./deploy/entrypoint.sh

USER foro
EXPOSE 8501
# python, not curl: the slim image has no curl, and adding it only for this would grow the image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status != 200)"]
ENTRYPOINT ["/app/deploy/entrypoint.sh"]
# serve.py, as app.sh: the pulse route (screens hear of new data without a script run each).
CMD ["streamlit", "run", "serve.py", "--server.headless", "true", "--server.address", "0.0.0.0", "--server.port", "8501"]
