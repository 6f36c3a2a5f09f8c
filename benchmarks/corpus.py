"""A deterministic synthetic content folder of guide- and article-sized Chinese documents.

Usage: python benchmarks/corpus.py SIZE FOLDER   (SIZE: number of index documents, e.g. 10000)

About a fifth of the documents are guides (about 900 characters: summary, conditions, materials,
steps); the rest
are policies and their articles (one to three sentences each), as in the sample content. Words come
from a fixed list of service terms and from jieba's own dictionary, drawn with Zipf weights, so
posting lists have a realistic long tail. The same SIZE always gives the same files.
"""

from __future__ import annotations

import itertools
import random
import sys
from dataclasses import dataclass
from pathlib import Path

SEED = 20261122
GUIDE_SHARE = 0.2

# Service vocabulary: what guides are about, what people bring, who decides, what they do.
OBJECTS = """
居民身份证 临时身份证 户口 居住证 出生医学证明 死亡医学证明 结婚证 离婚证 残疾人证 老年人优待证
社会保障卡 医保卡 养老金 失业保险金 生育津贴 低保金 特困供养金 临时救助金 高龄津贴 护理补贴
丧葬补助金 抚恤金 住房公积金 营业执照 食品经营许可证 宅基地 耕地地力保护补贴 优待证 入学 学籍
驾驶证 不动产登记 户口迁移 户口注销 户籍证明 无犯罪记录证明 亲属关系证明 独生子女证 生育登记
新生儿落户 异地就医备案 医疗费用报销 大病保险 长期护理保险 就业创业证 失业登记 职业技能培训补贴
创业担保贷款 公租房 廉租房 危房改造 农机购置补贴 种粮补贴 退役军人报到 退役金 残疾人两项补贴
殡葬补贴 火化 公证 法律援助
""".split()
OBJECTS += """
工伤认定 工伤保险待遇 职业病诊断 劳动能力鉴定 失业保险关系转移 医保关系转移 养老保险关系转移
社保缴费基数 灵活就业参保 城乡居民养老保险 城乡居民医疗保险 职工医疗保险 门诊慢特病 生育保险
异地长期居住备案 特困人员认定 低保边缘家庭认定 孤儿基本生活费 事实无人抚养儿童 困境儿童 留守儿童
流浪乞讨人员救助 残疾人辅助器具 重度残疾人护理 残疾人就业 盲人按摩 无障碍改造 精神障碍患者救助
康复救助 老年人助餐 居家养老服务 养老机构备案 长寿补贴 百岁老人 老年人意外伤害保险 婚姻状况证明
收养登记 出生登记 户口簿 临时户口 集体户口 户籍迁入 户籍迁出 姓名变更 民族成分变更 居住登记
港澳通行证 台湾通行证 护照 出入境证件 机动车登记 驾驶人体检 车辆年检 交通违法处理 个体工商户
农民专业合作社 小微企业 企业开办 税务登记 发票领用 社保登记 公章刻制 银行开户 建设工程规划许可
施工许可 房屋租赁备案 物业维修资金 燃气开户 供水报装 供电报装 不动产抵押 林权登记 土地承包经营权
农村土地流转 动物防疫 种子生产经营许可 农药经营许可 渔船登记 农业保险 退役军人优待 伤残抚恤
烈士褒扬 军属优待 义务兵家庭优待金 入伍 学生资助 助学贷款 中职免学费
""".split()
# Who a service is for: real service names are unique, and often say it (城乡居民, 企业职工…).
QUALIFIERS = """
城乡居民 企业职工 机关事业单位 灵活就业人员 农村 城镇 外地 本地 残疾人 老年人 新生儿 未成年人
退役军人 个体工商户 小微企业 高校毕业生 困难群众 低收入家庭 独生子女家庭 计划生育家庭 失业人员
农民工 港澳台居民 外籍人员 烈士遗属 重度残疾人 特困人员 孤儿 留守老人 育龄妇女 在校学生
""".split()

ACTIONS = """
申领 换领 补领 办理 申请 注销 变更 登记 备案 审批 认证 提取 领取 发放 转移接续 续期 签注 核定
审核确认
""".split()
MATERIALS = """
申请人居民身份证 居民户口簿 授权委托书 代理人居民身份证 近期免冠照片 结婚证 出生医学证明
死亡医学证明 火化证明 亲属关系证明 社会保障卡 本人银行卡 残疾人证 居住证 营业执照 经营场所使用证明
收入证明 病历 诊断证明 劳动合同 租房合同 房产证 村委会证明 学籍证明 退役证 户籍证明 申请表 承诺书
缴费凭证
""".split()
DEPARTMENTS = """
县公安局 县民政局 县人力资源和社会保障局 县医疗保障局 县卫生健康委员会 住房公积金管理中心
县市场监督管理局 县农业农村局 县退役军人事务局 县教育局 县残疾人联合会 县自然资源局 乡镇人民政府
""".split()
ISSUERS = """
国务院 全国人民代表大会常务委员会 民政部 公安部 人力资源社会保障部 国家医疗保障局 住房和城乡建设部
财政部 农业农村部 国家卫生健康委员会 省人民政府 市人民政府 县人民政府
""".split()
POLICY_KINDS = "条例 办法 规定 实施细则 暂行办法 通知 意见 决定".split()
GLUE = "的 和 及 或者 以及 按照 根据 对于 符合 需要 应当 可以 不得 由 向 在 对 将 为".split()
CLAUSE_ENDS = "。 ； 。 。".split()
SITUATIONS = """
家里 老人 孩子 去世 丢了 过期 外地 打工 生病 没钱 困难 离婚 结婚 退休 失业 出生 上学 开店 种地
盖房 看病
""".split()


@dataclass(frozen=True)
class Corpus:
    folder: Path
    documents: int
    guides: int
    policies: int
    articles: int


def _general_words(rng: random.Random, count: int) -> list[str]:
    """Common two- to four-character words from jieba's dictionary, in frequency order."""
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    candidates = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word, frequency, _ = line.split(" ", 2)
        if 2 <= len(word) <= 4 and 200 <= int(frequency) <= 200000 and word.isalpha():
            candidates.append((int(frequency), word))
    candidates.sort(reverse=True)
    picked = rng.sample(candidates[: count * 4], count)
    picked.sort(reverse=True)
    return [word for _, word in picked]


class Writer:
    """Makes sentences from Zipf-weighted draws over the service and general vocabularies."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.general = _general_words(rng, 4000)
        self.domain = OBJECTS + ACTIONS + MATERIALS + SITUATIONS
        # Cumulative weights once: choices() would otherwise add them up on every draw.
        self._general_weights = list(
            itertools.accumulate(1 / (rank + 1) for rank in range(len(self.general)))
        )
        self._domain_weights = list(
            itertools.accumulate(1 / (rank + 1) ** 0.7 for rank in range(len(self.domain)))
        )

    def word(self) -> str:
        if self.rng.random() < 0.45:
            return self.rng.choices(self.domain, cum_weights=self._domain_weights)[0]
        return self.rng.choices(self.general, cum_weights=self._general_weights)[0]

    def clause(self) -> str:
        parts = []
        for _ in range(self.rng.randint(3, 6)):
            parts.append(self.word())
            if self.rng.random() < 0.5:
                parts.append(self.rng.choice(GLUE))
        if self.rng.random() < 0.08:
            parts.append(
                str(self.rng.randint(1, 90)) + self.rng.choice(["个工作日", "元", "周岁", "日"])
            )
        return "".join(parts)

    def sentence(self) -> str:
        clauses = [self.clause() for _ in range(self.rng.randint(1, 3))]
        return "，".join(clauses) + self.rng.choice(CLAUSE_ENDS)

    def paragraph(self, sentences: int) -> str:
        return "".join(self.sentence() for _ in range(sentences))


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _guide_yaml(writer: Writer, number: int, name: str, subject: str) -> tuple[str, str]:
    rng = writer.rng
    guide_id = f"synthetic-guide-{number:06d}"
    aliases = [f"{subject}{rng.choice(ACTIONS)}", f"{rng.choice(SITUATIONS)}{subject}", subject]
    aliases += [writer.clause() for _ in range(rng.randint(0, 2))]
    materials = rng.sample(MATERIALS, rng.randint(3, 8))
    lines = [
        f"id: {guide_id}",
        f"name: {_quote(name)}",
        f"name_en: {_quote(f'Synthetic service {number}')}",
        f"aliases: [{', '.join(_quote(alias) for alias in dict.fromkeys(aliases))}]",
        "category: synthetic",
        "service_type: 公共服务",
        f"department: {_quote(rng.choice(DEPARTMENTS))}",
        "office: synthetic-office",
        f"summary: {_quote(writer.paragraph(rng.randint(5, 9)))}",
        "eligibility:",
    ]
    for rule in range(rng.randint(1, 4)):
        lines += [
            f"  - id: rule-{rule}",
            "    when: hukou_local",
            f"    text: {_quote(writer.clause())}",
        ]
    lines.append("materials:")
    for index, material in enumerate(materials):
        lines += [
            f"  - id: material-{index}",
            f"    name: {_quote(material)}",
            "    form: 原件",
            "    source: 申请人自备",
            "    state: required",
        ]
        if rng.random() < 0.6:
            lines.append(f"    note: {_quote(writer.sentence())}")
    lines.append("steps:")
    lines += [f"  - {_quote(writer.sentence())}" for _ in range(rng.randint(3, 6))]
    lines += [
        "time_limits:",
        f"  legal: {_quote(f'{rng.randint(1, 60)}个工作日')}",
        f"  promised: {_quote(f'{rng.randint(1, 20)}个工作日')}",
        "case_type: 承诺件",
        f"fee: {_quote(rng.choice(['不收费', '工本费20元', '每证10元']))}",
        "visits: 1",
        "channels: [窗口, 网办]",
        'version: "2026.1"',
        "reviewed: 2026-11-01",
    ]
    lines.append(f"note: {_quote(writer.paragraph(rng.randint(1, 2)))}")
    return guide_id, "\n".join(lines) + "\n"


def _policy_yaml(writer: Writer, number: int, articles: int) -> tuple[str, str]:
    rng = writer.rng
    policy_id = f"synthetic-policy-{number:06d}"
    title = f"{rng.choice(OBJECTS)}{rng.choice(ACTIONS)}{rng.choice(POLICY_KINDS)}"
    lines = [
        f"id: {policy_id}",
        f"title: {_quote(title)}",
        f"issuer: {_quote(rng.choice(ISSUERS))}",
        f"doc_number: {_quote(f'示例〔2026〕{number}号')}",
        "issued: 2020-01-01",
        "effective: 2020-03-01",
        f"status: {rng.choice(['effective'] * 8 + ['amended'])}",
        "level: national",
        "articles:" if articles else "articles: []",
    ]
    for article in range(1, articles + 1):
        lines += [
            f'  - number: "{article}"',
            f"    heading: {_quote(rng.choice(OBJECTS) + rng.choice(ACTIONS))}",
            f"    digest: {_quote(writer.paragraph(rng.randint(1, 3)))}",
        ]
    return policy_id, "\n".join(lines) + "\n"


_REGISTRIES = {
    "guides/_categories.yaml": (
        "categories:\n  - {id: synthetic, name: 综合服务, name_en: Synthetic services}\n"
    ),
    "guides/_locality.yaml": (
        "name: 示例县\nname_en: Sample county\nfictional: true\noffices:\n"
        "  - id: synthetic-office\n    name: 示例县政务服务中心\n    address: 示例路1号\n"
        '    hours: 工作日\n    phone: "0000-0000000"\n'
    ),
    "guides/_facts/common.yaml": (
        "facts:\n  - id: hukou_local\n    type: boolean\n"
        "    label: {zh: 户籍在本县吗？, en: Local hukou?}\n"
    ),
}


def _names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """Unique service names (qualifier + object + action), each with its object."""
    names: dict[str, str] = {}
    while len(names) < count:
        subject = rng.choice(OBJECTS)
        qualifier = rng.choice(QUALIFIERS) if rng.random() < 0.6 else ""
        names.setdefault(f"{qualifier}{subject}{rng.choice(ACTIONS)}", subject)
    return list(names.items())


def generate(size: int, folder: Path) -> Corpus:
    """Write a content folder with `size` index documents (guides, policies and articles)."""
    rng = random.Random(SEED)
    writer = Writer(rng)
    for relative, text in _REGISTRIES.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "guides" / "synthetic").mkdir(parents=True, exist_ok=True)
    (folder / "policies").mkdir(parents=True, exist_ok=True)
    guides = max(1, int(size * GUIDE_SHARE))
    for number, (name, subject) in enumerate(_names(rng, guides)):
        guide_id, text = _guide_yaml(writer, number, name, subject)
        (folder / "guides" / "synthetic" / f"{guide_id}.yaml").write_text(text, encoding="utf-8")
    remaining = size - guides
    policies = articles = 0
    while remaining > 0:
        count = min(rng.randint(8, 16), remaining - 1)
        policy_id, text = _policy_yaml(writer, policies, count)
        (folder / "policies" / f"{policy_id}.yaml").write_text(text, encoding="utf-8")
        policies += 1
        articles += count
        remaining -= count + 1
    return Corpus(folder, guides + policies + articles, guides, policies, articles)


def queries(count: int, seed: int = SEED) -> list[str]:
    """Queries as people type them: a service name, a word or two, a situation, pinyin initials."""
    rng = random.Random(seed + 1)
    writer = Writer(rng)
    made: list[str] = []
    while len(made) < count:
        shape = rng.random()
        if shape < 0.3:
            made.append(rng.choice(OBJECTS) + rng.choice(ACTIONS))
        elif shape < 0.55:
            made.append(" ".join(writer.word() for _ in range(rng.randint(1, 2))))
        elif shape < 0.85:
            made.append(
                rng.choice(SITUATIONS) + writer.clause()[:12] + rng.choice(["怎么办", "吗", ""])
            )
        else:
            made.append(rng.choice(["sfz", "gjj", "shebaoka", "hukou", "dibao", "ylj", "jzz"]))
    return made


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    corpus = generate(int(argv[0]), Path(argv[1]))
    print(
        f"{corpus.documents} documents: {corpus.guides} guides, {corpus.policies} policies, "
        f"{corpus.articles} articles in {corpus.folder}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
