"""Policy packs: a zip of the parameter files, loaded offline (from a USB stick) to update the rules.

A pack is checked completely — every file parsed with the safe YAML loader and validated, every parameter the
formulas need present, the example family simulated — before anything on disk changes. An invalid pack
changes nothing and says why, one line per problem.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from .caseio import atomic_write_text, load_example
from .parameters import POLICY_DIR, ParameterError, ParameterSet, load_parameters

# Safety limits on what a zip may unpack to (the shipped pack has ~55 files, ~100 KB), not policy figures.
MAX_FILES = 2_000  # files in one pack: a safety limit
MAX_BYTES = 20 * 1024 * 1024  # unpacked size: a safety limit
ACTIVE = "active.json"

# What is wrong with a pack, in both languages: a counselor loading it reads the window's language.
MESSAGES = {
    "too_many_files": ("数据包内的文件超过 {n} 个", "(pack): more than {n} files"),
    "unsafe_path": ("{file}：路径不安全（会写到数据包以外）", "(pack): {file}: unsafe path"),
    "symlink": ("{file}：数据包里不允许有符号链接", "(pack): {file}: symbolic links are not allowed"),
    "not_yaml": ("{file}：数据包里只应有 YAML 参数文件", "(pack): {file}: only YAML parameter files belong in a pack"),
    "too_large": ("解压后超过 {mb} MB", "(pack): larger than {mb} MB uncompressed"),
    "sources": ("数据包须在 national/anhui/bengbu 文件夹旁有且只有一个 sources.yaml",
                "(pack): must contain exactly one sources.yaml beside the national/anhui/bengbu folders"),
    "missing": ("{name}：数据包缺少这个参数（计算需要它）", "{name}: missing from the pack (the formulas need it)"),
    "example": ("用这个数据包无法计算示例家庭：{error}", "(pack): the example family cannot be computed with it: {error}"),
    "not_zip": ("{file}：不是可读取的 zip 文件（{error}）", "(pack): {file}: not a readable zip file ({error})"),
    "files": ("数据包中的参数文件有误（以下技术细节为英文，请转交数据包的提供方）：",
              "(pack): faults in its parameter files (technical details, for whoever made the pack):"),
}


class _Problems:
    """Problems said in both languages, raised together as one ParameterError."""

    def __init__(self) -> None:
        self.zh: list[str] = []
        self.en: list[str] = []

    def add(self, key: str, **values: object) -> None:
        zh, en = MESSAGES[key]
        self.zh.append(zh.format(**values))
        self.en.append(en.format(**values))

    def __bool__(self) -> bool:
        return bool(self.en)

    def error(self) -> ParameterError:
        return ParameterError(self.en, zh=self.zh)


def _safe_members(zf: zipfile.ZipFile) -> tuple[list[zipfile.ZipInfo], str]:
    """The YAML members and the folder inside the zip that holds sources.yaml; refuse anything unsafe."""
    problems, members, total = _Problems(), [], 0
    infos = zf.infolist()
    if len(infos) > MAX_FILES:
        problems.add("too_many_files", n=MAX_FILES)
        raise problems.error()
    for info in infos:
        name = PurePosixPath(info.filename)
        if info.filename.startswith("/") or ".." in name.parts or "\\" in info.filename:
            problems.add("unsafe_path", file=info.filename)
            continue
        if info.is_dir():
            continue
        if (info.external_attr >> 16) & 0o170000 == 0o120000:
            problems.add("symlink", file=info.filename)
            continue
        if name.suffix not in (".yaml", ".yml", ".md", ".txt"):
            problems.add("not_yaml", file=info.filename)
            continue
        total += info.file_size
        members.append(info)
    if total > MAX_BYTES:
        problems.add("too_large", mb=MAX_BYTES // (1024 * 1024))
    roots = [str(PurePosixPath(m.filename).parent) for m in members if PurePosixPath(m.filename).name == "sources.yaml"]
    if len(roots) != 1:
        problems.add("sources")
    if problems:
        raise problems.error()
    return members, roots[0]


def check_pack(params: ParameterSet, reference: ParameterSet) -> list[str]:
    """What a loaded pack lacks that the formulas need, and whether it can simulate the example family."""
    return _check(params, reference).en


def _check(params: ParameterSet, reference: ParameterSet) -> _Problems:
    problems = _Problems()
    for name in reference:
        if name not in params:
            problems.add("missing", name=name)
    if problems:
        return problems
    from .engine import simulate  # late: engine imports this module's neighbours

    try:
        simulate(load_example(), params)
    except Exception as e:
        problems.add("example", error=e)
    return problems


def _open(zip_path: str | Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(zip_path)
    except (OSError, zipfile.BadZipFile) as e:
        problems = _Problems()
        problems.add("not_zip", file=zip_path, error=e)
        raise problems.error() from None


def _extract_and_check(zip_path: str | Path, into: Path, reference: ParameterSet) -> tuple[ParameterSet, Path]:
    """Unpack the pack's safe members into ``into`` and validate what was unpacked (not the zip again: a file
    changed on the stick after the check must not be what gets installed); returns the parameters and the folder
    holding sources.yaml. Files beside that folder (a README) are unpacked but are not part of the pack."""
    with _open(zip_path) as zf:
        members, root = _safe_members(zf)
        for m in members:
            target = into / m.filename
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(m) as src, target.open("wb") as dst:
                shutil.copyfileobj(src, dst)
    folder = into / root
    try:
        params = load_parameters(folder)
    except ParameterError as e:  # file by file, key by key: technical, for whoever made the pack
        lead = _Problems()
        lead.add("files")
        raise ParameterError(lead.en + e.problems, zh=lead.zh + e.problems) from None
    problems = _check(params, reference)
    if problems:
        raise problems.error()
    return params, folder


def read_pack(zip_path: str | Path, reference: ParameterSet | None = None) -> ParameterSet:
    """Load and validate a pack without installing it; ParameterError lists every problem."""
    reference = reference or load_parameters(POLICY_DIR)
    with tempfile.TemporaryDirectory(prefix="policy-pack-") as tmp:
        return _extract_and_check(zip_path, Path(tmp), reference)[0]


def install_pack(zip_path: str | Path, data_dir: str | Path) -> ParameterSet:
    """Validate, then move the checked files under ``data_dir/packs/`` and make them the active pack; the pointer
    to the active pack is written last and atomically, so an interrupted install leaves the previous one active."""
    packs = Path(data_dir) / "packs"
    packs.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=packs))
    try:
        params, folder = _extract_and_check(zip_path, staging / "unpacked", load_parameters(POLICY_DIR))
        stem = f"{params.pack_date.isoformat()}-{Path(zip_path).stem}"
        final = packs / stem
        if final.exists():
            shutil.rmtree(final)
        folder.rename(final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    atomic_write_text(Path(data_dir) / ACTIVE, json.dumps({"pack": stem}) + "\n")
    return load_parameters(final)


def load_active(data_dir: str | Path | None) -> tuple[ParameterSet, str | None]:
    """The installed pack if there is a valid one, else the shipped pack with a message saying why."""
    shipped = load_parameters(POLICY_DIR)
    if data_dir is None:
        return shipped, None
    pointer = Path(data_dir) / ACTIVE
    if not pointer.exists():
        return shipped, None
    try:
        stem = json.loads(pointer.read_text(encoding="utf-8"))["pack"]
        params = load_parameters(Path(data_dir) / "packs" / stem)
        problems = check_pack(params, shipped)
        if problems:
            raise ParameterError(problems)
        return params, None
    except (OSError, ValueError, KeyError, TypeError) as e:
        return shipped, f"installed policy pack unusable, using the shipped one: {e}"
