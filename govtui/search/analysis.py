"""Text analysis for indexing and querying: folding, runs, stop words, segmentation, pinyin."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

RunKind = Literal["han", "latin", "digit"]

# Han characters: the basic block, extension A, the compatibility block and extensions B to F.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
_RUN = re.compile(f"([{_HAN}]+)|([a-z]+)|([0-9]+)")
_HAN_ONLY = re.compile(f"[{_HAN}]+")

# Function words, question words and the ubiquitous verbs of service talk. They are dropped as
# words and as single characters, so a long question is ranked by what it is about.
CHINESE_STOP_WORDS = frozenset(
    """
    的 了 吗 呢 吧 啊 呀 么 嘛 哦 哈 啦 咧 呗 嗯 哎 唉 喔 哇 噢 着 过 得 地 之 其 及 与 和 或 且
    而 是 不 没 没有 不是 有 在 到 去 来 给 让 把 被 从 对 向 于 以 为 为了 就 还 也 都 又 再 才
    只 很 太 我 我们 你 你们 您 他 她 它 他们 她们 咱 咱们 俺 自己 人家 这 那 这个 那个 这些 那些
    这里 那里 这边 那边 什么 啥 怎么 怎样 怎么样 如何 咋 咋办 怎么办 怎么弄 哪 哪个 哪些 哪里 哪儿
    哪家 哪边 谁 几 多少 多久 多长 吗 是否 能否 可否 能 能不能 可以 可不可以 可不 会 会不会 要
    要不要 需要 需 想 应该 得 必须 办 办理 弄 搞 请问 请 一下 下 一个 个 些 点 等 等等 之类 方面
    问题 情况 事情 时候 现在 已经 刚 刚刚 马上 还是 或者 然后 如果 但是 可是 因为 所以 虽然 那么
    这么
    """.split()
)

ENGLISH_STOP_WORDS = frozenset(
    """
    a an and are as at be by can do does for from get got have how i in into is it its me my
    of on or our please should the their then there this to was we what when where which who
    why will with you your
    """.split()
)

# Every toneless Mandarin syllable (ü written v), as pypinyin reads the GB 2312 characters; the
# vowel-less interjections m, n, ng and hng are left out, or any letters would "split".
SYLLABLES = frozenset(
    """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai
    can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua
    chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de
    dei deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en er fa fan
    fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai
    guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan
    huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai
    kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang
    lao le lei len leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo
    lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na
    nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan
    nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi
    qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri
    rong rou ru ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao
    she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su
    suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan
    tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong
    xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai
    zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou
    zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
    """.split()
)

# The pinyin tables never hold more than this many syllables per query token: a longer run of
# letters is not pinyin anyone types, and splitting it would only cost time.
MAX_SYLLABLES_PER_TOKEN = 12
MAX_SYLLABLE_SPLITS = 4
MAX_SYLLABLE_LENGTH = 6  # zhuang, shuang, chuang


def fold(text: str, table: Mapping[int, str] | None = None) -> str:
    """Full-width to half-width, Traditional to Simplified (with `table`), and lower case."""
    text = unicodedata.normalize("NFKC", text)
    if table:
        text = text.translate(table)
    return text.lower().replace("ü", "v")


def runs(text: str) -> Iterator[tuple[RunKind, str]]:
    """The Han, Latin-letter and digit runs of folded text; everything else separates them."""
    for match in _RUN.finditer(text):
        if match.group(1):
            yield "han", match.group(1)
        elif match.group(2):
            yield "latin", match.group(2)
        else:
            yield "digit", match.group(3)


def han_runs(text: str) -> list[str]:
    return _HAN_ONLY.findall(text)


def is_han(text: str) -> bool:
    return bool(text) and _HAN_ONLY.fullmatch(text) is not None


def bigrams(run: str) -> list[str]:
    return [run[index : index + 2] for index in range(len(run) - 1)]


def skip_bigrams(run: str) -> list[str]:
    """Characters two apart (居*证): they still meet when the one between is mistyped (居往证)."""
    return [f"{run[index]}*{run[index + 2]}" for index in range(len(run) - 2)]


def pairs(syllables: list[str]) -> list[str]:
    """Adjacent syllable pairs, the unit pinyin is matched on (`shen_fen`, `fen_zheng`)."""
    return [f"{first}_{second}" for first, second in zip(syllables, syllables[1:], strict=False)]


def initials(syllables: Iterable[str]) -> str:
    """First letters of syllables: the way people abbreviate (身份证 -> sfz)."""
    return "".join(syllable[0] for syllable in syllables if syllable)


def split_syllables(letters: str, syllables: frozenset[str] = SYLLABLES) -> list[list[str]]:
    """Every way (a few at most) to read `letters` as whole pinyin syllables, longest first.

    `xian` gives [["xian"], ["xi", "an"]]; letters that are not pinyin give [].
    """
    if not letters or len(letters) > MAX_SYLLABLES_PER_TOKEN * MAX_SYLLABLE_LENGTH:
        return []
    found: list[list[str]] = []
    # Memoise the positions from which no split reaches the end, so the search stays linear.
    dead_ends: set[int] = set()

    def walk(start: int, path: list[str]) -> bool:
        if start == len(letters):
            found.append(list(path))
            return True
        if start in dead_ends or len(path) >= MAX_SYLLABLES_PER_TOKEN:
            return False
        reached = False
        for length in range(min(MAX_SYLLABLE_LENGTH, len(letters) - start), 0, -1):
            piece = letters[start : start + length]
            if piece in syllables:
                path.append(piece)
                reached = walk(start + length, path) or reached
                path.pop()
                if len(found) >= MAX_SYLLABLE_SPLITS:
                    return True
        if not reached:
            dead_ends.add(start)
        return reached

    walk(0, [])
    return found


class MaxMatchSegmenter:
    """Bidirectional maximum matching over a known vocabulary: fast, and needs no dictionary load.

    At query time only the words the index holds can match, so the index's own vocabulary is the
    right dictionary. Characters outside it come out one by one.
    """

    def __init__(self, vocabulary: frozenset[str]) -> None:
        self.vocabulary = vocabulary
        self.max_length = max((len(word) for word in vocabulary), default=1)

    def segment(self, run: str) -> list[str]:
        forward = self._forward(run)
        backward = self._backward(run)
        # Fewer words, then fewer single characters, wins; on a tie backward matching is usually
        # right for Chinese (the head of a phrase comes last).
        return min(
            (backward, forward),
            key=lambda words: (len(words), sum(1 for word in words if len(word) == 1)),
        )

    def _forward(self, run: str) -> list[str]:
        words: list[str] = []
        start = 0
        while start < len(run):
            for length in range(min(self.max_length, len(run) - start), 0, -1):
                piece = run[start : start + length]
                if length == 1 or piece in self.vocabulary:
                    words.append(piece)
                    start += length
                    break
        return words

    def _backward(self, run: str) -> list[str]:
        words: list[str] = []
        end = len(run)
        while end > 0:
            for length in range(min(self.max_length, end), 0, -1):
                piece = run[end - length : end]
                if length == 1 or piece in self.vocabulary:
                    words.append(piece)
                    end -= length
                    break
        words.reverse()
        return words

    def subwords(self, word: str) -> list[str]:
        """Known words inside a longer word, as jieba's search mode indexes them (居住证: 居住)."""
        found: list[str] = []
        for length in range(len(word) - 1, 1, -1):
            for start in range(len(word) - length + 1):
                piece = word[start : start + length]
                if piece in self.vocabulary and piece not in found:
                    found.append(piece)
        return found


@dataclass(frozen=True, slots=True)
class Tables:
    """What query analysis needs from the index, saved beside it at build time.

    Loading these instead of jieba's dictionary and pypinyin is what keeps a cold search fast.
    """

    fold: Mapping[int, str]
    """Traditional (and variant) character -> Simplified character, from OpenCC's tables."""
    pinyin: Mapping[str, str]
    """Han character -> its most common toneless pinyin syllable, for homophones."""
    vocabulary: frozenset[str]
    """Every word in the index's word fields, for maximum matching."""
    synonyms: tuple[tuple[str, str, tuple[str, ...]], ...]
    """(official, kind, terms) for each synonym group, already folded."""
    generic: frozenset[str] = frozenset()
    """Character pairs of names, aliases and situations spread over many unrelated services
    (要办, 哪些): they say how people ask, not what about (see wording.generic_pairs)."""


TABLES_FILE = "tables.json"


def save_tables(directory: Path, tables: Tables) -> None:
    """Write the tables beside the index, compactly (characters grouped by syllable)."""
    by_syllable: dict[str, list[str]] = {}
    for character, syllable in tables.pinyin.items():
        by_syllable.setdefault(syllable, []).append(character)
    data = {
        "fold": "".join(chr(source) + target for source, target in sorted(tables.fold.items())),
        "pinyin": {syllable: "".join(sorted(chars)) for syllable, chars in by_syllable.items()},
        "vocabulary": sorted(tables.vocabulary),
        "synonyms": [list(group[:2]) + [list(group[2])] for group in tables.synonyms],
        "generic": sorted(tables.generic),
    }
    (directory / TABLES_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def load_tables(directory: Path) -> Tables:
    """Read the tables an index was built with (a few milliseconds)."""
    data = json.loads((directory / TABLES_FILE).read_text(encoding="utf-8"))
    folded: str = data["fold"]
    pinyin = {
        character: syllable
        for syllable, characters in data["pinyin"].items()
        for character in characters
    }
    vocabulary = frozenset(data["vocabulary"])
    return Tables(
        fold={ord(folded[index]): folded[index + 1] for index in range(0, len(folded), 2)},
        pinyin=pinyin,
        vocabulary=vocabulary,
        synonyms=tuple(
            (str(official), str(kind), tuple(terms)) for official, kind, terms in data["synonyms"]
        ),
        generic=frozenset(data.get("generic", ())),
    )


def english_stem(word: str) -> str:
    """The Porter stem Whoosh's StemmingAnalyzer uses, so "expired" meets "expire"."""
    from whoosh.lang.porter import stem

    return str(stem(word))


def english_terms(text: str) -> list[str]:
    """Stemmed English words of folded text, without stop words."""
    return [
        english_stem(word)
        for kind, word in runs(text)
        if kind == "latin" and len(word) > 1 and word not in ENGLISH_STOP_WORDS
    ]
