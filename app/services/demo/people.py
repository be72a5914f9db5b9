"""Made-up but well-formed people and organisations for the demo case store.

Resident ID numbers carry real county codes, plausible birth dates, the sex digit that
matches the name, and the GB 11643 check character; credit codes carry the GB 11714 and
GB 32100 check characters. Organisations are fictional. All drawn from a seeded `Random`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

# (county code, province + city + district) — real division codes, used for IDs and addresses
REGIONS: tuple[tuple[str, str], ...] = (
    ("110101", "北京市东城区"),
    ("110105", "北京市朝阳区"),
    ("310104", "上海市徐汇区"),
    ("310115", "上海市浦东新区"),
    ("440106", "广东省广州市天河区"),
    ("440305", "广东省深圳市南山区"),
    ("330106", "浙江省杭州市西湖区"),
    ("320106", "江苏省南京市鼓楼区"),
    ("420106", "湖北省武汉市武昌区"),
    ("510107", "四川省成都市武侯区"),
    ("500103", "重庆市渝中区"),
    ("610113", "陕西省西安市雁塔区"),
    ("370102", "山东省济南市历下区"),
    ("410105", "河南省郑州市金水区"),
    ("430104", "湖南省长沙市岳麓区"),
    ("350203", "福建省厦门市思明区"),
    ("120101", "天津市和平区"),
    ("340104", "安徽省合肥市蜀山区"),
)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵"
)
MALE_GIVEN = (
    "伟",
    "强",
    "磊",
    "军",
    "勇",
    "杰",
    "涛",
    "斌",
    "超",
    "明",
    "建国",
    "志强",
    "国华",
    "海波",
    "晓东",
    "建华",
    "文博",
    "子轩",
    "浩然",
    "宇航",
    "俊杰",
    "振华",
    "立新",
    "永庆",
    "德明",
    "少华",
)
FEMALE_GIVEN = (
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "艳",
    "娟",
    "霞",
    "婷",
    "慧",
    "秀英",
    "桂兰",
    "玉梅",
    "淑珍",
    "晓燕",
    "丽华",
    "雪梅",
    "春燕",
    "欣怡",
    "梓涵",
    "思雨",
    "佳怡",
    "雅琴",
    "红梅",
    "海燕",
    "美玲",
)
STREETS = (
    "建设路",
    "人民路",
    "解放路",
    "中山路",
    "和平街",
    "新华路",
    "长江路",
    "文化路",
    "光明街",
    "朝阳路",
    "青年路",
    "胜利街",
    "东风路",
    "学府路",
)
MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "176",
    "177",
    "180",
    "181",
    "182",
    "185",
    "186",
    "187",
    "188",
    "189",
    "199",
)
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True)
class Person:
    name: str
    female: bool
    birth: date
    id_number: str
    phone: str
    address: str


def resident_id_check(body17: str) -> str:
    """GB 11643: Σ digit × weight mod 11 → "10X98765432"."""
    total = sum(int(d) * w for d, w in zip(body17, ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def org_code_check(body8: str) -> str:
    """GB 11714 check character of an 8-character organisation code body."""
    total = sum(int(c, 36) * w for c, w in zip(body8, ORG_CODE_WEIGHTS, strict=True))
    value = 11 - total % 11
    return "X" if value == 10 else "0" if value == 11 else str(value)


def uscc_check(body17: str) -> str:
    """GB 32100: Σ value × weight mod 31, complemented to 31."""
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(body17, USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31]


def credit_code(rng: random.Random, region: str, kind: str = "91") -> str:
    """A well-formed unified social credit code (`91` an enterprise, `52` a non-profit)."""
    body8 = "".join(rng.choice("0123456789") for _ in range(8))
    body17 = f"{kind}{region}{body8}{org_code_check(body8)}"
    return body17 + uscc_check(body17)


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))


def address(rng: random.Random, region_name: str) -> str:
    building = (
        f"{rng.randint(1, 30)}栋{rng.randint(1, 4)}单元{rng.randint(1, 28)}0{rng.randint(1, 4)}室"
    )
    return f"{region_name}{rng.choice(STREETS)}{rng.randint(1, 399)}号{building}"


class People:
    """Draws people with names unique within one demo run."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def name(self, female: bool) -> str:
        pool = FEMALE_GIVEN if female else MALE_GIVEN
        while True:
            candidate = self.rng.choice(SURNAMES) + self.rng.choice(pool)
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate

    def person(self, *, born_between: tuple[int, int] = (1962, 2000)) -> Person:
        rng = self.rng
        female = rng.random() < 0.45
        start = date(born_between[0], 1, 1)
        birth = start + timedelta(days=rng.randrange(365 * (born_between[1] - born_between[0])))
        code, region_name = rng.choice(REGIONS)
        sex_digit = rng.choice("02468" if female else "13579")
        body = f"{code}{birth:%Y%m%d}{rng.randint(0, 99):02d}{sex_digit}"
        return Person(
            name=self.name(female),
            female=female,
            birth=birth,
            id_number=body + resident_id_check(body),
            phone=mobile(rng),
            address=address(rng, region_name),
        )
