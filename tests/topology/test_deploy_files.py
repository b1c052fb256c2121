"""The Dockerfile and compose.yaml, read as text (no image can be built on these machines): they run
the configuration files the topology tests run, as a non-root user, with a health check that
needs no curl, and no secret ever enters the image."""

from __future__ import annotations

import re
from pathlib import Path

from tests.topology.conftest import NGINX_CONF, render_site

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
COMPOSE = (ROOT / "compose.yaml").read_text(encoding="utf-8")
DOCKERIGNORE = (ROOT / ".dockerignore").read_text(encoding="utf-8")


def _instructions(name: str) -> list[str]:
    """Every ``NAME ...`` instruction of the Dockerfile, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [line.split(None, 1)[1] for line in text.splitlines() if line.startswith(name + " ")]


def _directives(conf: str) -> str:
    return "\n".join(line.split("#", 1)[0] for line in conf.splitlines())


def test_the_image_is_slim_python_311_and_installs_the_lock_file() -> None:
    assert _instructions("FROM") == ["python:3.11-slim"]
    assert any("pip install" in r and "-r requirements.lock" in r for r in _instructions("RUN"))
    assert any(c.startswith("requirements.lock") for c in _instructions("COPY"))


def test_the_app_runs_as_a_user_that_is_not_root() -> None:
    users = _instructions("USER")
    assert users and users[-1].strip() not in ("root", "0", "0:0")
    assert any("useradd" in r and users[-1].strip() in r for r in _instructions("RUN"))


def test_the_healthcheck_asks_streamlit_with_python_not_curl() -> None:
    (check,) = _instructions("HEALTHCHECK")
    assert "/_stcore/health" in check and "python" in check
    assert not re.search(r"\b(curl|wget)\b", check)


def test_no_secret_is_copied_into_the_image_and_the_context_keeps_them_out() -> None:
    copies = " ".join(_instructions("COPY") + _instructions("ADD"))
    assert "secrets" not in copies and ".json" not in copies
    assert not re.search(r"^COPY \. ", DOCKERFILE, flags=re.M)  # nothing copied wholesale
    assert not any("COOKIE_SECRET" in e or "private_key" in e for e in _instructions("ENV"))
    for ignored in (".streamlit/secrets.toml", "secrets", ".git", ".venv"):
        assert ignored in DOCKERIGNORE.splitlines()


def test_the_image_runs_the_streamlit_settings_the_tests_run() -> None:
    copies = _instructions("COPY")
    assert ".streamlit/config.toml ./.streamlit/config.toml" in copies
    assert "deploy/entrypoint.sh ./deploy/entrypoint.sh" in copies
    assert "serve.py" in " ".join(_instructions("CMD"))  # as app.sh and the topology test run it
    assert any(c.startswith("dashboard.py serve.py") for c in copies)


def test_compose_runs_three_replicas_behind_the_proxy_config_the_topology_test_runs() -> None:
    mount = re.search(r"-\s*\./(\S+):/etc/nginx/conf\.d/default\.conf", COMPOSE)
    assert mount and ROOT / mount.group(1) == NGINX_CONF
    assert re.search(r"replicas:\s*3\b", COMPOSE)
    assert "FORO_REDIS_URL: redis://redis:6379" in COMPOSE and re.search(r"^  redis:\n", COMPOSE, flags=re.M)
    # The compose line the test rewrites is the one that names the app service.
    conf = NGINX_CONF.read_text(encoding="utf-8")
    assert "server app:8501" in _directives(conf)
    rendered = _directives(render_site(conf, [1, 2, 3], 9))
    assert "server app:8501" not in rendered and rendered.count("server 127.0.0.1:") == 3


def test_compose_mounts_the_secrets_and_never_writes_them() -> None:
    assert re.search(r"foro_secrets:\n\s+file: \./secrets/secrets\.toml", COMPOSE)
    assert re.search(r"cookie_secret:\n\s+file: \./secrets/cookie_secret", COMPOSE)
    assert "FORO_SECRETS: /run/secrets/foro_secrets" in COMPOSE
    assert "COOKIE_SECRET:" not in COMPOSE  # only the mounted file, read by deploy/entrypoint.sh
    entry = (ROOT / "deploy" / "entrypoint.sh").read_text(encoding="utf-8")
    assert "/run/secrets/cookie_secret" in entry and "STREAMLIT_SERVER_COOKIE_SECRET" in entry


def test_the_proxy_keeps_what_streamlit_needs_and_does_not_group_clients_by_network() -> None:
    conf = NGINX_CONF.read_text(encoding="utf-8")
    code = _directives(conf)
    assert "ip_hash" not in code
    assert re.search(r"hash \$\w+ consistent;", code)
    assert "proxy_set_header Host $http_host;" in code  # the port too: Origin and Host must match
    assert "proxy_set_header Upgrade $http_upgrade;" in code
    assert re.search(r"gzip on;", code) and "application/javascript" in code and "text/css" in code
    timeout = re.search(r"proxy_read_timeout (\d+)([smh]);", code)
    assert timeout and int(timeout.group(1)) * {"s": 1, "m": 60, "h": 3600}[timeout.group(2)] >= 600
    toml = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert "enableXsrfProtection = true" in toml and "enableCORS = true" in toml
    assert not re.search(r"^cookieSecret\s*=", toml, flags=re.M)
