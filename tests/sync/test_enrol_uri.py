"""The enrolment QR content (``kompassen://enrol?server=…&code=…``): made by the server's admin
command, read by the tablet from whatever a person typed or pasted; anything else is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from kompassen.server.auth import new_enrolment_code
from kompassen.server.cli import main as server_main
from kompassen.sync.enrol_uri import EnrolmentTextError, make_uri, parse_enrolment


@pytest.mark.parametrize(
    "server", ["https://sync.example.se", "http://127.0.0.1:8750", "https://x.se/kompassen"]
)
def test_the_uri_carries_server_and_code(server: str) -> None:
    code = new_enrolment_code()
    got = parse_enrolment(make_uri(server, code))
    assert (got.server, got.code) == (server, code)
    # pasted with spaces around it, or with a trailing slash on the address
    again = parse_enrolment(f"  {make_uri(server + '/', code)}\n")
    assert (again.server, again.code) == (server, code)


@pytest.mark.parametrize("typed", ["k7qx-m2pr-abcd-efgh", "K7QX M2PR ABCD EFGH", "K7QXM2PR"])
def test_a_bare_code_uses_the_configured_server(typed: str) -> None:
    got = parse_enrolment(typed)
    assert got.server is None and got.code == typed.strip()


HOSTILE = [
    "",
    "   ",
    "https://sync.example.se",  # an address, not a code
    "kompassen://enrol?server=https%3A%2F%2Fa.se",  # no code
    "kompassen://enrol?code=ABCD-EFGH",  # no server
    "kompassen://enrol?server=https%3A%2F%2Fa.se&server=https%3A%2F%2Fb.se&code=ABCD",
    "kompassen://enrol?server=https%3A%2F%2Fa.se&code=ABCD&code=EFGH",
    "kompassen://other?server=https%3A%2F%2Fa.se&code=ABCD",
    "kompassen://enrol/more?server=https%3A%2F%2Fa.se&code=ABCD",
    "kompassen://enrol?server=https%3A%2F%2Fa.se&code=ABCD#x",
    "kompassen://enrol?server=file%3A%2F%2F%2Fetc%2Fpasswd&code=ABCD",
    "kompassen://enrol?server=javascript%3Aalert(1)&code=ABCD",
    "kompassen://enrol?server=https%3A%2F%2Fuser%3Apw%40evil.se&code=ABCD",
    "kompassen://enrol?server=https%3A%2F%2Fa.se%3A99999&code=ABCD",
    "kompassen://enrol?server=https%3A%2F%2Fa.se%3Fx%3D1&code=ABCD",
    "kompassen://enrol?server=https%3A%2F%2Fa.se%0A&code=ABCD",
    "kompassen://enrol?server=https%3A%2F%2Fa.se&code=%00ABCD",
    "kompassen://enrol?server=https%3A%2F%2Fa.se&code=ABC",
    "kompassen://enrol?server=https%3A%2F%2Fa.se&code=DROP%20TABLE%3B",
    "kompassen://enrol?" + "&".join(f"k{i}=v" for i in range(20)),
    "kompassen://enrol?server=https%3A%2F%2F" + "a" * 600 + ".se&code=ABCD",
    "kompassen://enrol?server=https%3A%2F%2Fa.se&code=" + "A" * 3000,
    "ABCD\u202eEFGH",
    "ABCD;rm -rf",
    "ÅÄÖÅ-ÄÖÅÄ",
    "A" * 65,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_anything_else_is_refused_in_words(text: str) -> None:
    with pytest.raises(EnrolmentTextError) as info:
        parse_enrolment(text)
    assert info.value.sv and info.value.en


def test_enrolment_code_prints_the_uri_and_writes_the_qr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "server.db")
    assert server_main(["--db", db, "enrolment-code"]) == 0
    assert len(capsys.readouterr().out.split()) == 1  # scripts read the code alone, as before
    svg = tmp_path / "code.svg"
    args = ["--db", db, "enrolment-code", "--server", "https://sync.example.se", "--qr", str(svg)]
    assert server_main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    code, uri = lines[0], lines[1]
    got = parse_enrolment(uri)
    assert (got.server, got.code) == ("https://sync.example.se", code)
    assert len(lines) > 10  # the QR code as text
    assert svg.read_text("utf-8").lstrip().startswith(("<?xml", "<svg"))
    # a bad address spends no code; --qr without --server is refused
    assert server_main(["--db", db, "enrolment-code", "--server", "ftp://x.se"]) == 2
    assert "--server" in capsys.readouterr().err
    assert server_main(["--db", db, "enrolment-code", "--qr", str(svg)]) == 2
    assert "--qr" in capsys.readouterr().err
