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
import struct
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

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


# ---- packaging/windows/kompassen.iss (Inno Setup 6; compiled on Windows only) -----------------

ISS = REPO / "packaging" / "windows" / "kompassen.iss"
SPEC = REPO / "packaging" / "kompassen.spec"
# Windows knows an installation by this id: upgrades and the uninstaller find it with it.
# A new id would install a second Kompassen beside the first. Never change it.
APP_ID = "{{EB241E7D-55EB-41CB-B1A7-4761E2C095C5}"
# folders of the user (and of every user) that hold a user's own files
USER_FOLDERS = (
    "{localappdata}",
    "{userappdata}",
    "{userdocs}",
    "{userdesktop}",
    "{userprograms}",
    "{%LOCALAPPDATA",
    "{%APPDATA",
    "{%USERPROFILE",
)

Iss = dict[str, list[str]]


def _iss_sections(text: str) -> Iss:
    """Section -> its lines (comments and preprocessor lines left out; [Code] kept whole)."""
    sections: Iss = {}
    current: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        in_code = current is sections.get("Code")
        if re.fullmatch(r"\[\w+\]", line):
            current = sections.setdefault(line[1:-1], [])
            continue
        if not line or line.startswith("#") or (line.startswith(";") and not in_code):
            continue
        if in_code and line.startswith("//"):
            continue
        current.append(line)
    return sections


@pytest.fixture(scope="module")
def iss() -> Iss:
    return _iss_sections(ISS.read_text(encoding="utf-8"))


def _directives(lines: list[str]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in lines)


def _entries(lines: list[str]) -> list[dict[str, str]]:
    """`Name: "x"; Flags: a b` lines as dicts (values unquoted)."""
    out = []
    for line in lines:
        entry = {}
        for part in re.findall(r'(\w+):\s*("[^"]*"|[^;]*)', line):
            entry[part[0]] = part[1].strip().strip('"')
        out.append(entry)
    return out


def test_iss_installs_per_machine_with_a_stable_app_id(iss: Iss) -> None:
    setup = _directives(iss["Setup"])
    assert setup["AppId"] == APP_ID
    assert setup["PrivilegesRequired"] == "admin"
    # no "install for me only" dialog: an MDM install must not be able to stop at a question
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"].startswith("{autopf}\\")
    assert setup["ArchitecturesInstallIn64BitMode"].startswith("x64")
    assert setup["AppVersion"] == "{#AppVersion}"
    assert "{#AppVersion}" in setup["OutputBaseFilename"]
    # never a reboot, never a prompt to close the running app
    assert setup["RestartIfNeededByRun"] == "no"
    assert setup["CloseApplications"] == "force"
    assert "AlwaysRestart" not in setup


def test_iss_is_silent_deployable(iss: Iss) -> None:
    """With /VERYSILENT /SUPPRESSMSGBOXES /NORESTART nothing waits for a person."""
    for run in _entries(iss.get("Run", [])):
        flags = run.get("Flags", "").split()
        assert "skipifsilent" in flags or "runhidden" in flags, run
    code = "\n".join(iss["Code"])
    # MsgBox ignores /SUPPRESSMSGBOXES; the script must not ask at all
    assert not re.search(
        r"\b(MsgBox|SuppressibleMsgBox|TaskDialogMsgBox|CreateInputQueryPage)\b", code
    )
    tasks = {t["Name"]: t for t in _entries(iss["Tasks"])}
    # every task off unless asked for (/TASKS="tablet" or /TABLET=1)
    assert all("unchecked" in t.get("Flags", "").split() for t in tasks.values()), tasks
    assert "tablet" in tasks


def test_iss_has_a_start_menu_entry_for_the_bundles_program(iss: Iss) -> None:
    icons = _entries(iss["Icons"])
    start = [i for i in icons if i["Name"].startswith("{autoprograms}") and "Tasks" not in i]
    assert len(start) == 1 and start[0]["Filename"] == "{app}\\{#AppExe}"
    text = ISS.read_text(encoding="utf-8")
    exe = re.search(r'#define AppExe "([^"]+)"', text)[1]  # type: ignore[index]
    bundle = re.search(r'"\.\.\\\.\.\\dist\\(\w+)"', text)[1]  # type: ignore[index]
    spec = SPEC.read_text()
    # the spec's COLLECT folder and EXE name are what the script takes as its source
    assert re.search(rf'COLLECT\((?s:.*?)name="{bundle}"', spec)
    assert re.search(rf'EXE\((?s:.*?)name="{Path(exe).stem}"', spec)
    [files] = _entries(iss["Files"])
    assert files["Source"] == "{#BundleDir}\\*" and files["DestDir"] == "{app}"
    assert {"recursesubdirs", "createallsubdirs"} <= set(files["Flags"].split())


def test_iss_takes_its_version_from_the_bundles_metadata() -> None:
    text = ISS.read_text(encoding="utf-8")
    assert re.search(r'FindFirst\(.*"_internal\\kompassen-\*\.dist-info", faDirectory\)', text)
    spec = SPEC.read_text()
    assert 'copy_metadata("kompassen")' in spec
    # PyInstaller 6 puts everything but the executable in _internal unless told otherwise
    assert "contents_directory" not in spec


def test_iss_never_deletes_a_users_data(iss: Iss) -> None:
    """Drafts and unsent reports live in the user's folders (device/paths.py, platformdirs:
    %LOCALAPPDATA%\\Kompassen): no line of the script names those folders."""
    for name, lines in iss.items():
        for line in lines:
            for folder in USER_FOLDERS:
                assert folder.lower() not in line.lower(), (name, line)
    for section in ("UninstallDelete", "InstallDelete"):
        for entry in _entries(iss.get(section, [])):
            target = entry["Name"]
            assert target.startswith("{app}\\") or target.startswith(
                "{commonappdata}\\{#AppName}"
            ), (section, target)
    code = "\n".join(iss["Code"])
    assert "DelTree" not in code
    # the only file the code deletes is the machine defaults file it writes
    assert re.findall(r"DeleteFile\(([^)]*\))", code) == ["DefaultsFile()"]


def test_iss_tablet_defaults_are_what_the_app_reads(iss: Iss) -> None:
    """The JSON the [Code] writes, rebuilt from its string pieces, read by machine_defaults."""
    from kompassen.device import machine_defaults

    code = "\n".join(iss["Code"])
    path = re.search(r"ExpandConstant\('\{commonappdata\}\\\{#AppName\}\\([^']+)'\)", code)
    assert path and path[1] == machine_defaults.FILE_NAME
    [windows] = machine_defaults.candidates(
        {"ProgramData": "C:\\ProgramData"}, platform="win32", frozen=False
    )
    assert PureWindowsPath(str(windows)).parts[-2:] == ("Kompassen", "defaults.json")
    assert re.search(r'#define AppName "Kompassen"', ISS.read_text(encoding="utf-8"))
    start = re.search(r"Json := '([^']*)';", code)[1]  # type: ignore[index]
    area = re.search(r"Json := Json \+ '([^']*)' \+ Area \+ '([^']*)';", code)
    end = re.search(r"Json := Json \+ '([^']*)' \+ #13#10;", code)[1]  # type: ignore[index]
    assert area
    for written, expected_area in (
        (start + end, None),
        (start + area[1] + "klara" + area[2] + end, "klara"),
    ):
        got = machine_defaults.parse(json.loads(written))
        assert got.kiosk is True and got.area == expected_area, written


def test_iss_area_ids_are_the_servers() -> None:
    """/AREA= keeps exactly the characters an area id may have (server/models.py)."""
    from kompassen.server.models import AREA_ID_PATTERN

    code = ISS.read_text(encoding="utf-8").split("function CleanAreaId", 1)[1].split("end;")[0]
    ranges = re.findall(r"\(C >= '(.)'\) and \(C <= '(.)'\)", code)
    singles = re.findall(r"\(C = '(.)'\)", code)
    accepted = {chr(c) for lo, hi in ranges for c in range(ord(lo), ord(hi) + 1)} | set(singles)
    allowed = {chr(c) for c in range(32, 127) if re.fullmatch(AREA_ID_PATTERN, chr(c))}
    assert accepted == allowed


def test_release_docs_name_the_installers_app_id_and_the_units_files() -> None:
    """Intune's detection rule and the admin guide's commands are the shipped files' own."""
    releasing = (REPO / "docs" / "RELEASING.md").read_text()
    guid = APP_ID.strip("{}")
    assert f"{{{guid}}}_is1" in releasing
    admin = (REPO / "docs" / "ADMIN_GUIDE.md").read_text()
    argv = _exec_start(_parse_unit(UNIT.read_text()))
    assert " ".join(argv) in admin.replace("\n  ", " ")
    for path in (UNIT, SYSUSERS, NGINX, CADDY, CONTAINERFILE):
        assert path.relative_to(REPO).as_posix() in admin + releasing, path


def test_windows_icon_holds_every_size_as_a_readable_png(tmp_path: Path) -> None:
    """make_icon.py's .ico: each directory entry points at a PNG of the size it claims."""
    if not (REPO / "resources" / "icons" / "kompassen.svg").is_file():
        pytest.skip("no app icon yet (resources/icons/kompassen.svg)")
    out = tmp_path / "kompassen.ico"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "windows" / "make_icon.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1) and count >= 6
    sizes = set()
    for i in range(count):
        w, h, _c, _r, planes, bpp, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        png = data[offset : offset + length]
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and planes == 1 and bpp == 32
        width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
        assert (width, height) == (w or 256, h or 256)
        sizes.add(width)
    assert {16, 32, 48, 256} <= sizes


# ---- the installer for real, under Wine (only where Inno Setup's compiler is at hand) ----------

ISCC_ENV = "KOMPASSEN_ISCC"  # path to ISCC.exe, e.g. from `npm install innosetup-compiler`


@dataclass
class Wine:
    """A throw-away Wine prefix (64-bit Windows) and the commands run in it."""

    prefix: Path
    env: dict[str, str]

    def run(self, *argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            ["xvfb-run", "-a", "wine", *argv],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            cwd=cwd,
            env=self.env,
        )
        # the uninstaller hands over to a copy of itself: wait until Wine has nothing running
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=120, check=False)
        return done

    @property
    def c(self) -> Path:
        return self.prefix / "drive_c"


@pytest.mark.slow
def test_installer_compiles_installs_upgrades_and_uninstalls_under_wine(tmp_path: Path) -> None:
    """ISCC compiles the script; the setup installs silently per machine, writes the tablet
    defaults, replaces _internal on an upgrade, and its uninstaller leaves a user's data."""
    iscc = os.environ.get(ISCC_ENV)
    if not iscc or not Path(iscc).is_file():
        pytest.skip(f"set {ISCC_ENV} to Inno Setup's ISCC.exe (and install wine, xvfb)")
    for tool in ("wine", "wineserver", "xvfb-run"):
        _tool(tool)
    from kompassen import __version__
    from kompassen.device import machine_defaults

    # the script in its place in a scratch tree, beside a stand-in for the onedir bundle
    tree = tmp_path / "tree"
    (tree / "packaging" / "windows").mkdir(parents=True)
    shutil.copy2(ISS, tree / "packaging" / "windows" / ISS.name)
    internal = tree / "dist" / "kompassen" / "_internal"
    (internal / f"kompassen-{__version__}.dist-info").mkdir(parents=True)
    (internal / f"kompassen-{__version__}.dist-info" / "METADATA").write_text("Name: kompassen\n")
    (tree / "dist" / "kompassen" / "kompassen.exe").write_bytes(b"MZ stand-in")
    if (REPO / "resources" / "icons" / "kompassen.svg").is_file():  # SetupIconFile= too
        icon = tree / "packaging" / "windows" / "kompassen.ico"
        made = subprocess.run(
            [
                sys.executable,
                str(REPO / "packaging" / "windows" / "make_icon.py"),
                "--out",
                str(icon),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert made.returncode == 0, made.stderr
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISPLAY", "WAYLAND"))}
    env.update(WINEPREFIX=str(tmp_path / "wine"), WINEDEBUG="-all", WINEARCH="win64")
    wine = Wine(tmp_path / "wine", env)
    boot = subprocess.run(
        ["xvfb-run", "-a", "wineboot", "-i"], env=env, capture_output=True, timeout=300, check=False
    )
    assert boot.returncode == 0, boot.stderr

    built = wine.run(iscc, "/Q", "packaging\\windows\\kompassen.iss", cwd=tree)
    assert built.returncode == 0, built.stdout + built.stderr
    setup = tree / "dist" / f"kompassen-{__version__}-windows-x64-setup.exe"
    assert setup.is_file()
    silent = ("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART")

    app = wine.c / "Program Files" / "Kompassen"
    defaults = wine.c / "ProgramData" / "Kompassen" / "defaults.json"
    assert wine.run(str(setup), *silent, "/TABLET=1", "/AREA=klara").returncode == 0
    assert (app / "kompassen.exe").is_file() and (app / "unins000.exe").is_file()
    got = machine_defaults.parse(json.loads(defaults.read_text()))
    assert (got.kiosk, got.area) == (True, "klara")
    menu = wine.c / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    assert (menu / "Kompassen.lnk").is_file()
    # 64-bit registry view, the key and version an Intune detection rule reads
    registry = (wine.prefix / "system.reg").read_text(encoding="utf-8", errors="replace")
    key = f"[Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Uninstall\\\\{APP_ID[1:]}_is1]"
    assert key in registry
    assert f'"DisplayVersion"="{__version__}"' in registry.split(key, 1)[1].split("\n[", 1)[0]

    # a user's data, and a file an older bundle had
    [user_local] = [
        p for p in (wine.c / "users").glob("*/AppData/Local") if "Public" not in p.parts
    ]
    data = user_local / "Kompassen" / "device.db"
    data.parent.mkdir(parents=True)
    data.write_text("drafts and unsent reports")
    (app / "_internal" / "stale.pyd").write_text("from the old version")

    assert wine.run(str(setup), *silent).returncode == 0  # an upgrade, no tablet option
    assert not (app / "_internal" / "stale.pyd").exists()
    assert json.loads(defaults.read_text())["kiosk"] is True  # kept
    assert wine.run(str(setup), *silent, "/TABLET=0").returncode == 0
    assert not defaults.exists()

    assert wine.run(str(app / "unins000.exe"), *silent).returncode == 0
    assert not app.exists()
    assert not defaults.parent.exists()
    assert not (menu / "Kompassen.lnk").exists()
    assert data.read_text() == "drafts and unsent reports"
