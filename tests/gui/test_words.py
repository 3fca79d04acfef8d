"""Words a field worker reads (issue #13 point 11), on the real app, packs and translations.

Swedish-only catalogue notes are marked in English; counts use Qt plural forms and read as
correct English for one and for two; guides have one name everywhere ("Lösningar"/"Solutions");
no developer wording ("före produktion") reaches the field; a label made of a kind and a name
never repeats itself; placeholder text is readable (WCAG 4.5:1) in the day and night themes.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.core.model import Service, Text
from kompassen.core.report import Report
from kompassen.gui.app import build_window
from kompassen.gui.field.detail_page import DetailPage
from kompassen.gui.field.reports.page import ReportsPage
from kompassen.gui.field.reports.sync_status import SyncStatusButton
from kompassen.gui.field.services import FieldServices
from kompassen.gui.field.window import FieldWindow
from kompassen.gui.field.words import catalogue_text, two_part_label
from kompassen.gui.theme import PALETTES, Theme, contrast

REPO = Path(__file__).resolve().parents[2]
TS_DIR = REPO / "resources" / "translations"
AREAS = REPO / "data" / "areas"
USER_GUIDE = REPO / "docs" / "USER_GUIDE.md"

# wording meant for developers, never for somebody in the street
DEVELOPER_WORDING = re.compile(
    r"före produktion|för produktion|before production|for production|testdata|test data"
    r"|utvecklar|developer|lorem ipsum|todo\b|fixme",
    re.IGNORECASE,
)
# the other name for guides; "användarguide" (the manual's own title) is not a guide
OTHER_GUIDE_WORD = re.compile(r"(?<![\w/])guid(e|er|en|erna|es)?\b", re.IGNORECASE)


# ---------------------------------------------------------------------------- helpers


def _ts_messages(lang: str) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS_DIR / f"kompassen_{lang}.ts").getroot()
    return [
        (ctx.findtext("name") or "", msg.findtext("source") or "", msg)
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    ]


def _shown_texts(root: QWidget) -> list[str]:
    return [lab.text() for lab in root.findChildren(QLabel) if lab.isVisibleTo(root)]


def _services(svc: FieldServices) -> list[Service]:
    return [
        s for a in svc.reader.areas() for s in svc.reader.services(svc.reader.service_ids(a.id))
    ]


@pytest.fixture
def english(services: FieldServices) -> Iterator[FieldServices]:
    """The app in English, GUI texts from the built .qm (as a worker who chose English sees it)."""
    assert services.translations.set_language("en")
    services.state.set_lang("en")
    yield services
    services.translations.set_language("sv")


@pytest.fixture
def page(qtbot: QtBot, services: FieldServices) -> Iterator[DetailPage]:
    p = DetailPage(services)
    qtbot.addWidget(p)
    p.resize(800, 1280)
    yield p
    p.deleteLater()


def _show(qtbot: QtBot, page: DetailPage, service_id: str) -> list[str]:
    page.show_service(service_id)
    with qtbot.waitExposed(page):
        page.show()
    return _shown_texts(page)


def _submit(svc: FieldServices, text: str) -> None:
    area = svc.reader.area("klara")
    assert area is not None
    report = Report(
        kind="unsolved",
        area_id="klara",
        occurred_at=svc.clock.now().isoformat(timespec="seconds"),
        text=text,
    )
    svc.outbox.submit(report, area.sealing_public_key)


# ---------------------------------------------------------------------------- plurals


def test_waiting_reports_read_as_correct_english_for_one_and_two(
    qtbot: QtBot, english: FieldServices
) -> None:
    status = SyncStatusButton(english)
    reports = ReportsPage(english)
    qtbot.addWidget(status)
    qtbot.addWidget(reports)
    reports.show()
    seen = []
    for n, want in ((1, "1 report is waiting"), (2, "2 reports are waiting")):
        _submit(english, f"Rapport nummer {n}.")
        reports.refresh()
        for text in (status.describe(), reports.sync_text.text()):
            seen.append(text)
            assert want in text, text
    joined = "\n".join(seen)
    assert "1 reports" not in joined and "(s)" not in joined and "waits" not in joined


def test_every_count_agrees_with_its_number_in_english(english: FieldServices) -> None:
    """Each plural message, translated for 1 and for 2: no "1 reports", no "2 report is"."""
    problems = []
    numerus = [(c, s) for c, s, m in _ts_messages("en") if m.get("numerus") == "yes"]
    assert len(numerus) >= 15  # every count on screen goes through Qt's plural forms
    for context, source in numerus:
        one, two = (QCoreApplication.translate(context, source, "", n) for n in (1, 2))
        for n, text in ((1, one), (2, two)):
            if not text or "%n" in text or "(s)" in text:
                problems.append(f"{source!r} n={n}: {text!r}")
        if re.search(r"\b1 \w+s (are|were|have)\b|\b1 \w+ (are|were|have)\b", one):
            problems.append(f"plural verb with 1: {one!r}")
        if re.search(r"\b2 \w+ (is|was|has)\b", two):
            problems.append(f"singular verb with 2: {two!r}")
        w1, w2 = re.search(r"\b1 (\w+)", one), re.search(r"\b2 (\w+)", two)
        if w1 and w2 and w2[1].endswith("s") and w1[1] == w2[1]:
            problems.append(f"plural noun with 1: {one!r}")
    assert not problems, "\n".join(problems)


def test_no_count_is_formatted_into_a_message_by_hand() -> None:
    """A count in a message is %n (Qt plural forms), never "{n}" filled in by .format()."""
    by_hand = re.compile(r"\{(n|count|k|total|waiting|left)\}")
    allowed = {
        "{n} av {max} tecken",  # "1 of 2000 characters": the noun follows the maximum
        "Rubrik: {title}, {count}",  # {count} is itself a %n message ("1 place")
        "Installerar {name} … {index} av {count}",  # "pack 1 of 2": no noun after the count
    }
    not_counts = re.compile(r"nummer|numret|ring|kopiera|sms|steg|kopplad", re.IGNORECASE)
    found = [
        s
        for _c, s, m in _ts_messages("en")
        if m.get("numerus") != "yes"
        and by_hand.search(s)
        and s not in allowed
        and not not_counts.search(s)  # a phone number, a step's number, a service's name
    ]
    assert not found, found


# ---------------------------------------------------------------------------- Swedish only


def test_catalogue_text_marks_swedish_only_in_english(english: FieldServices) -> None:
    assert catalogue_text(Text("Ring först."), "en") == "(in Swedish) Ring först."
    assert catalogue_text("Ring först.", "en") == "(in Swedish) Ring först."
    assert catalogue_text(Text("Ring först.", "Call first."), "en") == "Call first."
    assert catalogue_text(Text("Ring först.", "Call first."), "sv") == "Ring först."
    assert catalogue_text("Ring först.", "sv") == "Ring först."
    assert catalogue_text("", "en") == ""


def test_swedish_only_notes_on_the_detail_page_are_marked_in_english(
    qtbot: QtBot, english: FieldServices, page: DetailPage
) -> None:
    svc = english
    with_notes = [s for s in _services(svc) if s.provenance.note or (s.hours and s.hours.note)]
    assert with_notes, "the shipped packs no longer have Swedish-only notes to show"
    for s in with_notes[:5]:
        shown = _show(qtbot, page, s.id)
        notes = [n for n in (s.provenance.note, s.hours.note if s.hours else "") if n]
        for note in notes:
            holding = [t for t in shown if note in t]
            assert holding, (s.id, note)
            assert all(t.startswith("(in Swedish) ") for t in holding), holding
        # a text the catalogue has in English is shown in English, unmarked
        assert s.description.en in shown
        assert not any(t.startswith("(in Swedish)") and s.description.en in t for t in shown)


def test_swedish_notes_are_not_marked_in_swedish(
    qtbot: QtBot, services: FieldServices, page: DetailPage
) -> None:
    s = next(s for s in _services(services) if s.provenance.note)
    shown = _show(qtbot, page, s.id)
    assert s.provenance.note in shown
    assert not any("svenska)" in t or "Swedish" in t for t in shown)


# ---------------------------------------------------------------------------- one name


def test_guides_have_one_name_in_every_gui_text_and_the_user_guide() -> None:
    problems = [
        f"{c}: {s!r}"
        for c, s, m in _ts_messages("en")
        for text in (s, *(f.text or "" for f in m.iter("numerusform")), m.findtext("translation"))
        if text and OTHER_GUIDE_WORD.search(text)
    ]
    manual = re.sub(r"\]\([^)]*\)", "]", USER_GUIDE.read_text(encoding="utf-8"))  # link targets
    problems += [line for line in manual.splitlines() if OTHER_GUIDE_WORD.search(line)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang, word", [("sv", "Lösningar"), ("en", "Solutions")])
def test_the_tab_and_the_page_use_the_same_word(
    qtbot: QtBot, ctx: AppContext, lang: str, word: str
) -> None:
    w: FieldWindow = build_window(ctx, "klara", synchronous=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    if lang == "en":
        assert w.svc.translations.set_language("en")
        w.svc.state.set_lang("en")
    w.show_page("guides")
    page = w.guides_page
    tab = w.nav_buttons["guides"]
    qtbot.waitUntil(lambda: page.list_heading.text() == word and tab.text() == word)
    assert page.list.accessibleName() == word
    assert word.lower()[:-2] in page.back_button.text().lower()  # "← Alla lösningar"
    w.svc.translations.set_language("sv")
    w.close()


# ---------------------------------------------------------------------------- developer words


def _pack_texts(node: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a pack document with its path; the signing keys' note is not shown."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k != "public_keys":
                yield from _pack_texts(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _pack_texts(v, f"{path}[{i}]")
    elif isinstance(node, str):
        yield path, node


def test_no_developer_wording_in_any_text_a_field_worker_reads() -> None:
    found = [
        f"{c}: {text!r}"
        for c, s, m in _ts_messages("en")
        for text in (s, m.findtext("translation") or "")
        if DEVELOPER_WORDING.search(text)
    ]
    packs = sorted(AREAS.glob("*/*.json"))
    assert len(packs) >= 10
    for doc in packs:
        for where, text in _pack_texts(json.loads(doc.read_text(encoding="utf-8"))):
            if DEVELOPER_WORDING.search(text):
                found.append(f"{doc.parent.name}/{doc.name}{where}: {text!r}")
    assert not found, "\n".join(found)


# ---------------------------------------------------------------------------- no repeats


def test_two_part_label_never_repeats_its_first_part() -> None:
    assert two_part_label("Akut", "Akut") == "Akut"
    assert two_part_label("Akut", "akut: ring 112") == "akut: ring 112"
    assert two_part_label("Akut", "Akut fara") == "Akut fara"
    assert two_part_label("Emergency", "Emergency") == "Emergency"
    assert two_part_label("Akut", "Vid livsfara") == "Akut – Vid livsfara"
    assert two_part_label("Akut", "Akutmottagning") == "Akut – Akutmottagning"
    assert two_part_label("Växel", "") == "Växel"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_phone_title_in_the_shipped_data_repeats_itself(
    qtbot: QtBot, services: FieldServices, page: DetailPage, lang: str
) -> None:
    if lang == "en":
        assert services.translations.set_language("en")
        services.state.set_lang("en")
    with_phones = [s for s in _services(services) if s.phones]
    assert len(with_phones) >= 20
    repeats = []
    for s in with_phones:
        for text in _show(qtbot, page, s.id):
            head, sep, tail = text.partition(" – ")
            if sep and head and tail.casefold().startswith(head.casefold()):
                repeats.append(f"{s.id}: {text!r}")
    services.translations.set_language("sv")
    assert not repeats, "\n".join(repeats)


# ---------------------------------------------------------------------------- placeholders


def _seen(colour: QColor, background: str) -> str:
    """The colour as drawn: a translucent placeholder is blended over the field's background."""
    bg = QColor(background)
    a = colour.alphaF()
    pairs = zip(colour.getRgb()[:3], bg.getRgb()[:3], strict=True)
    mix = [round(a * c + (1 - a) * b) for c, b in pairs]
    return QColor(*mix).name()


@pytest.mark.parametrize("name", ["day", "night"])
def test_placeholder_text_has_enough_contrast(qtbot: QtBot, ctx: AppContext, name: str) -> None:
    theme = Theme(name)
    theme.apply(ctx.clock.now(), force=True)
    p = PALETTES[name]
    fields: list[QWidget] = [QLineEdit(), QPlainTextEdit()]
    for f in fields:
        qtbot.addWidget(f)
        f.setPlaceholderText("Sök")  # type: ignore[attr-defined]
        f.show()
    for f in fields:
        colour = f.palette().color(QPalette.ColorRole.PlaceholderText)
        for background in (p.surface, p.window):  # a line edit is a card, a text box the window
            ratio = contrast(_seen(colour, background), background)
            assert ratio >= 4.5, (name, type(f).__name__, colour.getRgb(), round(ratio, 2))
    QCoreApplication.processEvents()
