"""Fixtures for search tests: a small content folder, and a warm jieba table for every cache."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from govtui.search import SearchIndex, open_index

REPOSITORY = Path(__file__).resolve().parent.parent.parent

GUIDE = """\
id: {id}
name: {name}
name_en: {name_en}
aliases: [{aliases}]
category: {category}
service_type: 行政确认
department: {department}
office: hall
summary: {summary}
materials:
  - {{id: applicant-id-card, name: 申请人居民身份证, form: 原件, source: 申请人自备,
      state: required}}
  - {{id: photo, name: 近期免冠照片, form: 原件, source: 申请人自备, state: required}}
steps: [到窗口提交材料, 窗口审核后办结]
time_limits: {{legal: 20个工作日, promised: 10个工作日}}
case_type: 承诺件
fee: 不收费
visits: 1
channels: [窗口]
version: "2026.1"
reviewed: 2026-11-01
"""

GUIDES = {
    "identity/id-card-renewal": {
        "name": "居民身份证换领",
        "name_en": "Resident ID card renewal (expired or damaged)",
        "aliases": "身份证过期, 换身份证, 身份证到期",
        "category": "identity",
        "department": "县公安局",
        "summary": "身份证有效期满或者损坏的，到户籍所在地派出所换领新证，换证时交回旧证。",
    },
    "identity/id-card-replacement": {
        "name": "居民身份证补领",
        "name_en": "Resident ID card replacement (lost)",
        "aliases": "身份证丢了, 补办身份证",
        "category": "identity",
        "department": "县公安局",
        "summary": "身份证丢失或被盗的，申请补领，可以同时办理挂失。",
    },
    "assistance/dibao-application": {
        "name": "最低生活保障审核确认",
        "name_en": "Minimum living allowance (dibao) application",
        "aliases": "低保, 吃低保, 申请低保",
        "category": "assistance",
        "department": "县民政局",
        "summary": "家庭人均收入低于本县低保标准的本县户籍家庭，可以申请按月领取低保金。",
    },
    "assistance/residence-permit": {
        "name": "居住证申领",
        "name_en": "Residence permit application",
        "aliases": "办居住证, 外地人居住证",
        "category": "assistance",
        "department": "县公安局",
        "summary": "离开户籍地到本县居住半年以上的，可以申领居住证，享受本地基本公共服务。",
    },
}

POLICIES = {
    "id-card-law": """\
id: id-card-law
title: 居民身份证法
title_en: Resident Identity Card Law
issuer: 全国人民代表大会常务委员会
doc_number: 主席令第四号
status: effective
level: national
articles:
  - {number: "11", heading: 换领补领, digest: 身份证有效期满的应当换领；身份证丢失的应当申请补领。}
  - {number: "21", heading: 证件工本费, digest: 申领、换领、补领身份证要交工本费。}
""",
    "old-id-card-rules": """\
id: old-id-card-rules
title: 居民身份证旧条例
issuer: 国务院
doc_number: 旧令第一号
status: repealed
superseded_by: id-card-law
level: national
articles:
  - {number: "5", heading: 换领补领, digest: 身份证有效期满的应当换领；身份证丢失的应当申请补领。}
""",
}

REGISTRIES = {
    "guides/_categories.yaml": """\
categories:
  - {id: identity, name: 户籍与身份证, name_en: Household registration and ID}
  - {id: assistance, name: 社会救助, name_en: Social assistance}
""",
    "guides/_locality.yaml": """\
name: 示例县
name_en: Sample County
fictional: true
offices:
  - {id: hall, name: 政务大厅, address: 示例路1号, hours: 工作日, phone: "0000-5550000"}
""",
    "guides/_facts/common.yaml": """\
facts:
  - id: hukou_local
    type: boolean
    label: {zh: 本县户籍？, en: Local hukou?}
""",
    "guides/_synonyms.yaml": """\
synonyms:
  - {official: 居住证, terms: [暂住证], kind: old_name}
  - {official: 居民身份证, terms: [身份证, 二代证], kind: colloquial}
""",
    "guides/bundles/id-card-matters.yaml": """\
id: id-card-matters
name: 身份证一件事
name_en: ID card matters in one go
aliases: [身份证的事一次办]
lead_department: 县公安局
office: hall
summary: 身份证换领和补领一起办。
guides: [id-card-renewal, id-card-replacement]
version: "2026.1"
reviewed: 2026-11-01
""",
}


def write_content(root: Path) -> Path:
    """A small but complete content folder: four guides, a bundle, two policies, synonyms."""
    for relative, text in REGISTRIES.items():
        _write(root / relative, text)
    for relative, values in GUIDES.items():
        guide_id = relative.split("/")[1]
        _write(root / "guides" / f"{relative}.yaml", GUIDE.format(id=guide_id, **values))
    for policy_id, text in POLICIES.items():
        _write(root / "policies" / f"{policy_id}.yaml", text)
    return root


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def shared_resources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tables builds share (jieba's dictionary, common pinyin), made once per session."""
    from govtui.search.lexicon import common_pinyin, write_dictionary

    folder = tmp_path_factory.mktemp("resources")
    write_dictionary(["身份证"], folder / "scratch.txt", folder)
    common_pinyin(folder)
    (folder / "scratch.txt").unlink()
    return folder


@pytest.fixture(autouse=True)
def warm_resources(isolated_directories: None, shared_resources: Path) -> None:
    """Link the session's shared tables into this test's cache dir, as a second build finds them."""
    target = Path(os.environ["GOVTUI_CACHE_DIR"]) / "search" / "resources"
    target.mkdir(parents=True, exist_ok=True)
    for table in shared_resources.iterdir():
        os.link(table, target / table.name)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_content(tmp_path / "content")


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    """The cache dir the autouse fixtures prepared (GOVTUI_CACHE_DIR)."""
    return Path(os.environ["GOVTUI_CACHE_DIR"])


@pytest.fixture
def small_index(content: Path) -> Iterator[SearchIndex]:
    index = open_index(content)
    yield index
    index.close()


@pytest.fixture(scope="session")
def sample_index(
    tmp_path_factory: pytest.TempPathFactory, shared_resources: Path
) -> Iterator[SearchIndex]:
    """The index of the shipped sample content, built once per session in its own cache."""
    cache_dir = tmp_path_factory.mktemp("sample-cache")
    shutil.copytree(shared_resources, cache_dir / "search" / "resources")
    index = open_index(REPOSITORY, cache_dir=cache_dir)
    yield index
    index.close()
