"""A counselor loads a newer policy pack (the parameter files, zipped) from a USB stick: it is checked completely
before anything is replaced, an invalid pack changes nothing and says why, and the results say the pack's date.
YAML is read with the safe loader only."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from simulator.parameters import POLICY_DIR, default_parameters
from simulator.policy_pack import ACTIVE
from ui.crash_guard import data_dir
from ui.i18n import tr
from ui.session import Session

THIRD = "bengbu/birth_subsidy/third_child.yaml"
SECOND = "bengbu/birth_subsidy/second_child.yaml"
THIRD_REVIEWED = "2026-11-28"  # the third-child file's own review date
SHIPPED_DATE = default_parameters().pack_date.isoformat()  # the latest review date of any file
NEW_DATE = "2027-03-01"


@pytest.fixture
def user_data(home) -> Path:
    """The active pack is installed in the user's data folder, here under tmp_path, never in the real home."""
    return data_dir()


def make_pack(tmp_path: Path, name: str, change=None, extra: dict[str, str] | None = None, folder_in_zip: str = "policy",
              ) -> Path:
    """A copy of the shipped policy folder, changed by ``change(folder)``, zipped under ``folder_in_zip`` ("" for
    the zip's top level), plus ``extra`` members. What policy_pack reads: one sources.yaml, beside the
    national/anhui/bengbu folders, wherever it is in the zip."""
    work = tmp_path / "build" / name
    folder = work / "policy"
    shutil.copytree(POLICY_DIR, folder)
    if change is not None:
        change(folder)
    zip_path = tmp_path / "usb" / name
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, (Path(folder_in_zip) / path.relative_to(folder)).as_posix())
        for arcname, text in (extra or {}).items():
            zf.writestr(arcname, text)
    return zip_path


def newer_third_child_subsidy(folder: Path) -> None:
    """Reviewed on 2027-03-01: the third-child subsidy rises to 6000 from 2027, appended as a new dated value
    (history is never edited in place)."""
    path = folder / THIRD
    text = path.read_text(encoding="utf-8")
    assert f"last_reviewed: {THIRD_REVIEWED}" in text and text.endswith("2024-01-01: 5000\n")
    path.write_text(text.replace(f"last_reviewed: {THIRD_REVIEWED}", f"last_reviewed: {NEW_DATE}")
                    + "  2027-01-01: 6000\n", encoding="utf-8")


def third_child_subsidy(session: Session) -> list[float]:
    return [ln.amount for ln in session.result.select("birth_subsidy") if ln.child == 3]


def load(window, qtbot, path: Path) -> None:
    """Load as the File menu does, and wait for the check on the worker thread."""
    window.files.load_policy_pack(path)
    assert window.message_bar.text() == tr("win_pack_checking", file=path.name)  # said at once, not after the check
    qtbot.waitUntil(lambda: not window.files.installing, timeout=20_000)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()} \
        if folder.exists() else {}


def active_date(folder: Path) -> dt.date:
    """What the program would compute with at its next start."""
    session = Session()
    assert session.load_active_policy(folder) is None
    return session.base_params.pack_date


@pytest.mark.parametrize("folder_in_zip", ["policy", ""])
def test_a_valid_newer_pack_is_installed_and_the_results_say_its_date(window, qtbot, tmp_path, user_data, folder_in_zip):
    session = window.session
    before = session.result.totals()["money_received"]
    assert third_child_subsidy(session) == [5000]
    assert tr("win_as_of_note", date="2026-11-28", pack=SHIPPED_DATE) in window.headline.note.text()
    pack = make_pack(tmp_path, "policy-2027-03.zip", newer_third_child_subsidy, folder_in_zip=folder_in_zip)

    load(window, qtbot, pack)

    assert window.message_bar.text() == tr("win_pack_loaded", file=pack.name, date=NEW_DATE)
    assert "已载入政策数据包 policy-2027-03.zip（政策数据截至 2027-03-01）" in window.message_bar.text()
    assert "政策数据截至 2027-03-01" in window.headline.note.text()
    assert window.headline.note.text().startswith(tr("win_as_of_note", date="2026-11-28", pack=NEW_DATE))
    assert session.params.pack_date == dt.date(2027, 3, 1) and session.result.pack_date == dt.date(2027, 3, 1)
    assert session.params["bengbu.birth_subsidy.third_child"].values == (5000, 6000)
    assert third_child_subsidy(session) == [6000]  # the third child is born 2027-09-01
    assert session.result.totals()["money_received"] == before + 1000
    assert window.results.model.result is session.result
    window.set_lang("en")
    assert window.message_bar.text() == tr("win_pack_loaded", "en", file=pack.name, date=NEW_DATE)
    assert "policy data reviewed 2027-03-01" in window.headline.note.text()

    installed = user_data / "packs" / f"{NEW_DATE}-policy-2027-03"
    assert (installed / "sources.yaml").is_file() and (installed / THIRD).is_file()
    assert (user_data / ACTIVE).is_file()
    assert active_date(user_data) == dt.date(2027, 3, 1)
    assert not [p for p in (user_data / "packs").iterdir() if p.name.startswith(".")]  # no staging left behind


# Each builds a pack on the "USB stick" and names what the message must say: the file at fault and why.
def _not_a_zip(tmp_path: Path) -> tuple[Path, dict[str, list[str]]]:
    path = tmp_path / "usb" / "notes.zip"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("这不是政策数据包", encoding="utf-8")
    return path, {"zh": ["notes.zip：不是可读取的 zip 文件"], "en": ["notes.zip: not a readable zip file"]}


def _missing_parameter(tmp_path: Path) -> tuple[Path, dict[str, list[str]]]:
    pack = make_pack(tmp_path, "missing.zip", lambda folder: (folder / THIRD).unlink())
    return pack, {"zh": ["bengbu.birth_subsidy.third_child：数据包缺少这个参数"],
                  "en": ["bengbu.birth_subsidy.third_child: missing from the pack"]}


def _out_of_range(tmp_path: Path) -> tuple[Path, dict[str, list[str]]]:
    def change(folder: Path) -> None:
        newer_third_child_subsidy(folder)
        path = folder / THIRD
        path.write_text(path.read_text(encoding="utf-8").replace("2027-01-01: 6000", "2027-01-01: 2000000"),
                        encoding="utf-8")

    technical = [f"{THIRD}: values.2027-01-01:", "above the maximum"]  # file and key, as the pack's maker wrote them
    return make_pack(tmp_path, "range.zip", change), {"zh": ["数据包中的参数文件有误", *technical],
                                                      "en": ["faults in its parameter files", *technical]}


def _python_tag(tag: str):
    def build(tmp_path: Path) -> tuple[Path, dict[str, list[str]]]:
        marker = tmp_path / "pwned"

        def change(folder: Path) -> None:
            path = folder / SECOND
            first, rest = path.read_text(encoding="utf-8").split("\n", 1)
            assert first.startswith("description:")
            path.write_text(f"description: {tag.format(marker=marker)}\n{rest}", encoding="utf-8")

        return make_pack(tmp_path, "tagged.zip", change), {"zh": ["数据包中的参数文件有误", f"{SECOND}: not valid YAML"],
                                                           "en": [f"{SECOND}: not valid YAML"]}

    return build


def _escaping_path(arcname: str):
    def build(tmp_path: Path) -> tuple[Path, dict[str, list[str]]]:
        name = arcname.format(tmp=tmp_path.as_posix())
        pack = make_pack(tmp_path, "slip.zip", newer_third_child_subsidy, {name: "description: escaped\n"})
        return pack, {"zh": [f"{name}：路径不安全"], "en": [f"{name}: unsafe path"]}

    return build


INVALID = {
    "not a zip": _not_a_zip,
    "a required parameter missing": _missing_parameter,
    "a value above its maximum": _out_of_range,
    "a python object tag": _python_tag('!!python/object/apply:os.system ["touch {marker}"]'),
    "a python name tag": _python_tag("!!python/name:os.system"),
    "a path escaping the folder": _escaping_path("../escape.yaml"),
    "a path escaping from inside": _escaping_path("policy/../../escape.yaml"),
    "an absolute path": _escaping_path("{tmp}/escape.yaml"),
}


@pytest.mark.parametrize("kind", list(INVALID))
def test_an_invalid_pack_changes_nothing_and_says_why(window, qtbot, tmp_path, user_data, kind):
    session = window.session
    load(window, qtbot, make_pack(tmp_path, "policy-2027-03.zip", newer_third_child_subsidy))  # installed earlier
    installed, params, result = snapshot(user_data), session.params, session.result
    totals, note = result.totals(), window.headline.note.text()
    pack, reasons = INVALID[kind](tmp_path)

    load(window, qtbot, pack)

    message = window.message_bar.text()
    assert message.startswith(tr("win_pack_invalid", file=pack.name) + "\n")
    assert message.startswith(f"政策数据包 {pack.name} 无效，没有作任何更改：")
    for reason in reasons["zh"]:
        assert reason in message
    assert "(pack)" not in message and "missing from" not in message  # the pack's own faults said in Chinese
    assert session.params is params and session.result is result and session.result.totals() == totals
    assert window.headline.note.text() == note and "政策数据截至 2027-03-01" in note
    assert snapshot(user_data) == installed  # nothing replaced, no temporary files left
    assert active_date(user_data) == dt.date(2027, 3, 1)
    assert not (tmp_path / "pwned").exists()
    assert not list(tmp_path.rglob("escape.yaml"))
    window.set_lang("en")
    message = window.message_bar.text()
    assert message.startswith(tr("win_pack_invalid", "en", file=pack.name) + "\n")
    for reason in reasons["en"]:
        assert reason in message


def test_an_invalid_pack_with_nothing_installed_leaves_the_shipped_pack_in_use(window, qtbot, tmp_path, user_data):
    session = window.session
    params, result = session.params, session.result
    pack, _ = _out_of_range(tmp_path)

    load(window, qtbot, pack)

    assert window.message_bar.text().startswith(tr("win_pack_invalid", file=pack.name))
    assert session.params is params and session.result is result
    assert snapshot(user_data) == {}
    assert active_date(user_data) == dt.date.fromisoformat(SHIPPED_DATE)
    assert f"政策数据截至 {SHIPPED_DATE}" in window.headline.note.text()


def test_the_file_menu_loads_a_pack_chosen_in_the_file_dialog(window, qtbot, tmp_path, user_data, monkeypatch):
    action = window.commands["policy_pack"]
    assert action in window.commands.menus["file"].actions()
    assert action.text() == tr("win_act_policy_pack") == "载入政策数据包…"
    pack = make_pack(tmp_path, "policy-2027-03.zip", newer_third_child_subsidy)
    asked = []

    def choose(parent, title, folder, file_filter):
        asked.append((title, file_filter))
        return str(pack), file_filter

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    action.trigger()
    assert asked == [(tr("win_act_policy_pack"), tr("win_pack_filter"))]
    qtbot.waitUntil(lambda: not window.files.installing, timeout=20_000)
    assert window.message_bar.text() == tr("win_pack_loaded", file=pack.name, date=NEW_DATE)
    assert active_date(user_data) == dt.date(2027, 3, 1)


def test_a_valid_pack_with_a_readme_beside_its_folder_is_installed(window, qtbot, tmp_path, user_data):
    pack = make_pack(tmp_path, "policy-2027-03.zip", newer_third_child_subsidy,
                     extra={"README.md": "政策数据包说明 / notes for the counselor\n"})

    load(window, qtbot, pack)

    assert window.message_bar.text() == tr("win_pack_loaded", file=pack.name, date=NEW_DATE)
    assert active_date(user_data) == dt.date(2027, 3, 1)


@pytest.mark.parametrize(("fault", "zh", "en"), [
    (OSError(28, "No space left on device"), "读写失败：[Errno 28] No space left on device",
     "(pack): [Errno 28] No space left on device"),
    (RuntimeError("unexpected"), "检查时出错：RuntimeError", "(pack): RuntimeError"),
])
def test_a_disk_fault_or_an_unexpected_one_while_installing_is_said_in_both_languages(
        window, qtbot, tmp_path, user_data, monkeypatch, fault, zh, en):
    import simulator.policy_pack

    def fail(*_args, **_kwargs):
        raise fault

    monkeypatch.setattr(simulator.policy_pack, "install_pack", fail)
    params = window.session.params
    pack = make_pack(tmp_path, "policy-2027-03.zip", newer_third_child_subsidy)
    load(window, qtbot, pack)
    assert window.message_bar.text() == tr("win_pack_invalid", file=pack.name) + "\n" + zh
    window.set_lang("en")
    assert window.message_bar.text() == tr("win_pack_invalid", "en", file=pack.name) + "\n" + en
    assert window.session.params is params
