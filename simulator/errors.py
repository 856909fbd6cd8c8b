"""Input problems as one line each, naming the field path (``children[1].birth_date: ...``), in zh or en."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

# Messages for the pydantic error types a case file can trigger; others fall back to pydantic's English.
_ZH = {
    "missing": "缺少此项",
    "extra_forbidden": "不认识的字段",
    "literal_error": "取值无效，应为：{expected}",
    "date_from_datetime_parsing": "日期无效，应为 YYYY-MM-DD",
    "date_parsing": "日期无效，应为 YYYY-MM-DD",
    "date_type": "日期无效，应为 YYYY-MM-DD",
    "date_not_number": "日期应写成 YYYY-MM-DD，不能只填数字",
    "date_out_of_model_range": "日期应在 {earliest} 至 {latest} 之间",
    "greater_than_equal": "不能小于 {ge}",
    "less_than_equal": "不能大于 {le}",
    "greater_than": "必须大于 {gt}",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "model_type": "应为对象",
    "model_attributes_type": "应为对象",
    "list_type": "应为列表",
    "too_long": "项目过多（最多 {max_length} 项）",
    "finite_number": "应为有限的数字",
    # a parent's jobs (household.py)
    "flat_with_jobs": "已填写 jobs（各段工作），{name} 应写在每段工作里",
    "flat_in_schema_2": "案例版本 2 的工作信息应写在 jobs（各段工作）里",
    "no_job": "至少需要一段工作（没有工作的时期，单位类型选“无”）",
    "job_from_missing": "只有第一段工作可以不填起始日期（表示一直如此）",
    "job_order": "应晚于上一段工作的起始日期（{previous}）",
    "jobs_need_schema_2": "jobs（各段工作）需要案例版本 schema_version 2（本文件为 1）",
}


# Messages of the household's own cross-field checks, in Chinese.
_MODEL_ZH = {
    "mother/father: at least one parent is needed": "mother/father: 至少需要填写一位家长（母亲或父亲）",
}


def field_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(case)"


def validation_messages(err: ValidationError, lang: str = "en") -> list[str]:
    lines = []
    for e in err.errors(include_url=False):
        path, msg = field_path(e["loc"]), e["msg"]
        below = (e.get("ctx") or {}).get("field")
        if below:  # a cross-field check names the field it found at fault, below the model that checked it
            path = below if path == "(case)" else f"{path}.{below}"
        if e["type"] == "value_error":
            # model-level checks put the field path in the message itself
            msg = msg.removeprefix("Value error, ")
            if lang == "zh":
                msg = _MODEL_ZH.get(msg, msg)
            lines.append(msg if ":" in msg.split(" ")[0] else f"{path}: {msg}")
            continue
        if lang == "zh" and e["type"] in _ZH:
            ctx = dict(e.get("ctx") or {})
            try:
                msg = _ZH[e["type"]].format(**ctx)
            except (KeyError, IndexError):
                msg = _ZH[e["type"]].split("{")[0].rstrip("：，")
        lines.append(f"{path}: {msg}")
    return lines


def json_error_message(err: json.JSONDecodeError, lang: str = "en") -> str:
    if lang == "zh":
        return f"(case): 不是有效的 JSON（第 {err.lineno} 行第 {err.colno} 列：{err.msg}）"
    return f"(case): not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})"
