"""Build tiny content folders in tests from YAML snippets."""

from __future__ import annotations

import textwrap
from pathlib import Path

FACTS = """\
facts:
  - id: applicant_role
    type: choice
    label: {zh: 谁来办理？, en: Who is applying?}
    short: {zh: 办理人, en: Applicant}
    choices:
      - {value: self, label: {zh: 本人, en: In person}}
      - {value: agent, label: {zh: 委托代理人, en: An agent}}
  - id: age
    type: number
    label: {zh: 几周岁？, en: Age?}
    short: {zh: 年龄, en: Age}
    min: 0
    max: 150
    integer: true
  - id: hukou_local
    type: boolean
    label: {zh: 本县户籍？, en: Local hukou?}
    short: {zh: 本县户籍, en: Local hukou}
    yes: {zh: 户籍在本县, en: local hukou}
    no: {zh: 户籍不在本县, en: hukou elsewhere}
"""

LOCALITY = """\
name: 示例县
name_en: Sample County
fictional: true
offices:
  - {id: hall, name: 政务大厅, address: 示例路1号, hours: 工作日, phone: "0000-5550000"}
"""

CATEGORIES = """\
categories:
  - {id: elderly, name: 老年人服务, name_en: Older people}
"""

POLICY = """\
id: elderly-law
title: 示例老年人法
issuer: 示例机关
doc_number: 示例〔2020〕1号
issued: 2020-01-01
effective: 2020-02-01
status: effective
level: national
articles:
  - {number: "3", heading: 补贴, digest: 高龄老人可以领补贴。}
"""

GUIDE = """\
id: allowance
name: 高龄津贴申领
name_en: Longevity allowance
aliases: [高龄补贴]
category: elderly
service_type: 行政给付
department: 县民政局
office: hall
summary: 八十周岁以上本县户籍老人可以按月领取高龄津贴。
eligibility:
  - id: old-enough
    when: age >= 80
    text: 年满八十周岁
    basis: {policy: elderly-law, article: "3"}
  - id: local
    when: hukou_local
    text: 本县户籍
materials:
  - {id: applicant-id-card, name: 申请人居民身份证, form: 原件, source: 申请人自备, state: required}
  - id: power-of-attorney
    name: 授权委托书
    form: 原件
    source: 申请人自备
    state: required
    when: applicant_role == "agent"
  - id: hukou-booklet
    name: 居民户口簿
    form: 原件
    source: 数据共享
    state: shared
steps: [申请, 审核, 发放]
time_limits: {legal: 20个工作日, promised: 10个工作日}
case_type: 承诺件
fee: 不收费
visits: 1
channels: [窗口]
basis:
  - {policy: elderly-law, article: "3"}
codes: {basic: "0502000001", implementation: "990000050200000100100001"}
refusal: [不满八十周岁的]
delivery: [按月发放到本人账户]
fee_basis: {text: 不收费}
version: "2026.1"
reviewed: 2026-11-01
examples:
  - name: 本人
    answers: {applicant_role: self, age: 85, hukou_local: true}
    expect: {eligibility: likely, materials: [applicant-id-card, hukou-booklet]}
  - name: 代办
    answers: {applicant_role: agent, age: 85, hukou_local: true}
    expect:
      eligibility: likely
      materials: [applicant-id-card, power-of-attorney, hukou-booklet]
"""


def write_content(root: Path, files: dict[str, str] | None = None) -> Path:
    """A minimal valid content folder; `files` adds or replaces files by relative path."""
    contents = {
        "guides/_facts/common.yaml": FACTS,
        "guides/_locality.yaml": LOCALITY,
        "guides/_categories.yaml": CATEGORIES,
        "guides/elderly/allowance.yaml": GUIDE,
        "policies/elderly-law.yaml": POLICY,
    }
    contents.update(files or {})
    for relative, text in contents.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root
