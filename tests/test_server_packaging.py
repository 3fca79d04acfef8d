"""packaging/server/ and packaging/windows/: what can be proved about them on this machine.

The systemd unit is checked by systemd itself (``systemd-analyze verify`` and its offline
security review) and parsed for the hardening it promises; the sysusers snippet creates its
user in a scratch root. The nginx example really proxies TLS to a live server when nginx is
installed; Caddy's is validated by Caddy when it is; both must point at the unit's address.
The Containerfile's health check runs against a live server. The Inno Setup script cannot be
compiled on Linux: it is read for what an MDM deployment and a kept user folder need.
The ExecStart line itself runs from an installed wheel in tests/test_wheel.py.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from serverutil import LiveServer

REPO = Path(__file__).resolve().parents[1]
SERVER = REPO / "packaging" / "server"
UNIT = SERVER / "kompassen-server.service"
SYSUSERS = SERVER / "kompassen-sysusers.conf"
NGINX = SERVER / "nginx" / "kompassen.conf"
CADDY = SERVER / "caddy" / "Caddyfile"
CONTAINERFILE = SERVER / "Containerfile"
PREFIX = "/opt/kompassen-server"
STATE = "/var/lib/kompassen"

Unit = dict[str, dict[str, list[str]]]


def _parse_unit(text: str) -> Unit:
    """Sections -> key -> every value given (systemd allows a key more than once)."""
    unit: Unit = {}
    section: dict[str, list[str]] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = unit.setdefault(line[1:-1], {})
            continue
        key, _, value = line.partition("=")
        section.setdefault(key.strip(), []).append(value.strip())
    return unit


@pytest.fixture(scope="module")
def unit() -> Unit:
    return _parse_unit(UNIT.read_text())


def _exec_start(unit: Unit) -> list[str]:
    [line] = unit["Service"]["ExecStart"]
    return shlex.split(line)


def _option(argv: list[str], name: str) -> str:
    return argv[argv.index(name) + 1]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed here")
    return found


def test_unit_runs_the_server_on_loopback_with_its_database_in_the_state_dir(unit: Unit) -> None:
    service = unit["Service"]
    argv = _exec_start(unit)
    assert argv[0] == f"{PREFIX}/bin/kompassen-server"
    assert _option(argv, "--host") == "127.0.0.1"
    assert int(_option(argv, "--port")) > 1024  # no capability needed to bind it
    assert Path(_option(argv, "--db")).parent == Path(STATE)
    assert service["StateDirectory"] == [Path(STATE).name]
    assert service["StateDirectoryMode"] == ["0700"]
    assert service["Restart"] == ["on-failure"]
    assert unit["Install"]["WantedBy"] == ["multi-user.target"]


def test_unit_hardening(unit: Unit) -> None:
    service = {k: v[-1] for k, v in unit["Service"].items()}
    for key, value in {
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "NoNewPrivileges": "yes",
        "CapabilityBoundingSet": "",
        "AmbientCapabilities": "",
        "PrivateDevices": "yes",
        "RestrictSUIDSGID": "yes",
        "UMask": "0077",
    }.items():
        assert service.get(key) == value, key
    assert service["User"] not in ("", "root", "0")
    families = set(service["RestrictAddressFamilies"].split())
    assert families <= {"AF_INET", "AF_INET6", "AF_UNIX"}, families
    filters = unit["Service"]["SystemCallFilter"]
    assert "@system-service" in filters[0].split()
    # nothing outside the state directory is writable (ProtectSystem=strict)
    assert "ReadWritePaths" not in service


def _unit_with_stub(tmp_path: Path) -> Path:
    """The unit with ExecStart pointing at an executable that exists (verify checks that)."""
    stub = tmp_path / "bin" / "kompassen-server"
    stub.parent.mkdir()
    stub.write_text("#!/bin/sh\nexit 0\n")
    stub.chmod(0o755)
    copy = tmp_path / UNIT.name
    copy.write_text(UNIT.read_text().replace(f"{PREFIX}/bin/kompassen-server", str(stub)))
    return copy


def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path) -> None:
    tool = _tool("systemd-analyze")
    done = subprocess.run(
        [tool, "verify", "--man=no", str(_unit_with_stub(tmp_path))],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr.strip() == "", done.stderr


def test_systemd_security_review_rates_the_unit_ok(tmp_path: Path) -> None:
    """systemd's own exposure score: 0 (locked down) to 10 (unsafe); 'OK' is below 2."""
    tool = _tool("systemd-analyze")
    done = subprocess.run(
        [tool, "security", "--offline=yes", "--no-pager", str(_unit_with_stub(tmp_path))],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    found = re.search(r"Overall exposure level for \S+: (\d+\.\d+) (\w+)", done.stdout)
    assert found, done.stdout + done.stderr
    assert float(found.group(1)) < 2.0, done.stdout
    assert found.group(2) == "OK"


def test_sysusers_creates_the_units_user_without_a_shell(unit: Unit, tmp_path: Path) -> None:
    tool = _tool("systemd-sysusers")
    (tmp_path / "etc").mkdir()
    done = subprocess.run(
        [tool, f"--root={tmp_path}", str(SYSUSERS)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    users = {
        f[0]: f
        for f in (ln.split(":") for ln in (tmp_path / "etc" / "passwd").read_text().splitlines())
    }
    [user] = unit["Service"]["User"]
    assert user in users
    _name, _, uid, _gid, _gecos, home, shell = users[user]
    assert int(uid) < 1000  # a system user
    assert home == STATE
    assert shell.endswith("nologin")
    assert unit["Service"]["Group"] == [user]


def _unit_upstream(unit: Unit) -> str:
    argv = _exec_start(unit)
    return f"{_option(argv, '--host')}:{_option(argv, '--port')}"


def test_proxy_examples_forward_to_the_units_address(unit: Unit) -> None:
    upstream = _unit_upstream(unit)
    nginx = NGINX.read_text()
    assert re.findall(r"^\s*server\s+(\S+?);", nginx, re.M) == [upstream]
    assert re.search(r"^\s*listen 443 ssl", nginx, re.M)
    assert re.search(r"return 301 https://", nginx)
    caddy = CADDY.read_text()
    assert re.findall(r"^\s*reverse_proxy\s+(\S+)", caddy, re.M) == [upstream]
    # releases are up to 32 MiB: both let more through so the server answers 413 itself
    assert int(re.search(r"client_max_body_size (\d+)m;", nginx)[1]) > 32  # type: ignore[index]
    assert int(re.search(r"max_size (\d+)MB", caddy)[1]) > 32  # type: ignore[index]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[str]:
    with LiveServer() as server:
        yield server.start(tmp_path / "server.db")


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    openssl = _tool("openssl")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    done = subprocess.run(
        [
            *(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=kompassen.example.org", "-keyout", str(key), "-out", str(cert)),
            *("-addext", "subjectAltName=DNS:kompassen.example.org,IP:127.0.0.1"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return cert, key


def test_nginx_example_serves_the_api_over_tls(live_server: str, tmp_path: Path) -> None:
    """The example as written, with its certificate, ports and file paths moved to tmp."""
    nginx = _tool("nginx")
    cert, key = _self_signed(tmp_path)
    https, http = _free_port(), _free_port()
    backend = live_server.removeprefix("http://")
    site = (
        NGINX.read_text()
        .replace("127.0.0.1:8750", backend)
        .replace("listen 443 ", f"listen 127.0.0.1:{https} ")
        .replace("listen 80;", f"listen 127.0.0.1:{http};")
        .replace("/etc/ssl/certs/kompassen.example.org.pem", str(cert))
        .replace("/etc/ssl/private/kompassen.example.org.key", str(key))
    )
    site = re.sub(r"^\s*listen \[::\].*$", "", site, flags=re.M)
    (tmp_path / "kompassen.conf").write_text(site)
    temp = tmp_path / "temp"
    temp.mkdir()
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\ndaemon off;\n"
        "worker_processes 1;\nevents { worker_connections 64; }\n"
        "http {\n"
        f"  access_log {tmp_path}/access.log;\n"
        + "".join(
            f"  {kind}_temp_path {temp}/{kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + f"  include {tmp_path}/kompassen.conf;\n}}\n"
    )
    argv = [nginx, "-p", str(tmp_path), "-e", str(tmp_path / "error.log")]
    argv += ["-c", str(tmp_path / "nginx.conf")]
    if os.geteuid() == 0:
        # as root nginx would hand its workers to 'nobody', who cannot read tmp_path
        conf = tmp_path / "nginx.conf"
        conf.write_text("user root;\n" + conf.read_text())
    test = subprocess.run([*argv, "-t"], capture_output=True, text=True, timeout=60, check=False)
    assert test.returncode == 0, test.stderr
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        with httpx.Client(verify=ssl.create_default_context(cafile=str(cert)), timeout=5) as client:
            health = _get_when_up(client, f"https://127.0.0.1:{https}/api/v1/health", proc)
            assert health.json()["status"] == "ok"
            plain = client.get(
                f"http://127.0.0.1:{http}/api/v1/health",
                headers={"Host": "kompassen.example.org"},
            )
            assert plain.status_code == 301
            assert plain.headers["location"].startswith("https://kompassen.example.org/")
    finally:
        proc.terminate()
        proc.communicate(timeout=20)


def _get_when_up(client: httpx.Client, url: str, proc: subprocess.Popen[str]) -> httpx.Response:
    """GET once nginx listens (it starts in the background; give up if it died)."""
    deadline = time.monotonic() + 20
    while True:
        try:
            return client.get(url, headers={"Host": "kompassen.example.org"})
        except httpx.ConnectError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_caddy_accepts_the_example_and_proxies_to_the_unit(unit: Unit, tmp_path: Path) -> None:
    caddy = _tool("caddy")
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    env["PATH"] = "/usr/bin:/bin"
    done = subprocess.run(
        [caddy, "adapt", "--config", str(CADDY), "--adapter", "caddyfile"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    config = json.loads(done.stdout)
    dials = re.findall(r'"dial":\s*"([^"]+)"', json.dumps(config))
    assert dials == [_unit_upstream(unit)]
    assert "kompassen.example.org" in json.dumps(config)
    done = subprocess.run(
        [caddy, "validate", "--config", str(CADDY), "--adapter", "caddyfile"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr


def _instructions(path: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of a Containerfile, continuation lines joined."""
    text = re.sub(r"\\\n", " ", path.read_text())
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def test_containerfile_runs_the_server_extra_as_a_user_with_a_volume() -> None:
    steps = _instructions(CONTAINERFILE)
    words = [w for w, _ in steps]
    args = dict(steps)  # the last of each
    assert steps[0] == ("FROM", "python:3.11-slim")
    assert args["USER"] not in ("root", "0")
    assert words.index("USER") < words.index("CMD")
    assert json.loads(args["VOLUME"]) == [STATE]
    cmd = json.loads(args["CMD"])
    assert cmd[0] == "kompassen-server"
    assert Path(_option(cmd, "--db")).parent == Path(STATE)
    assert args["EXPOSE"] == _option(cmd, "--port")
    installs = [a for w, a in steps if w == "RUN" and "pip install" in a]
    assert len(installs) == 1 and "[server]" in installs[0]
    assert "HEALTHCHECK" in words


def _healthcheck(port: int) -> list[str]:
    """The HEALTHCHECK's exec form, with this machine's python and the given port."""
    [args] = [a for w, a in _instructions(CONTAINERFILE) if w == "HEALTHCHECK"]
    cmd = json.loads(args[args.index("CMD ") + 4 :])
    assert cmd[0] == "python"
    cmd_port = _option(json.loads(dict(_instructions(CONTAINERFILE))["CMD"]), "--port")
    return [sys.executable, *(a.replace(f":{cmd_port}/", f":{port}/") for a in cmd[1:])]


def test_container_healthcheck_passes_on_a_live_server_and_fails_without(
    live_server: str,
) -> None:
    port = int(live_server.rsplit(":", 1)[1])
    up = subprocess.run(_healthcheck(port), capture_output=True, text=True, timeout=30)
    assert up.returncode == 0, up.stderr
    down = subprocess.run(_healthcheck(_free_port()), capture_output=True, text=True, timeout=30)
    assert down.returncode != 0
