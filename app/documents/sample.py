"""A realistic, made-up case for every document kind: tests, screenshots and benchmarks.

All names, numbers and accounts are invented (ID numbers carry valid check characters).
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from app.documents.model import (
    Agent,
    Attendee,
    Claim,
    Dispute,
    DocumentData,
    DocumentMeta,
    Organisation,
    Party,
    PlanRow,
    Recalculation,
    Session,
    Settlement,
    Statement,
    Termination,
    amounts_of,
)
from app.domain.identifiers import credit_code_check_char, make_resident_id
from app.domain.plan_model import add_months

CHINA = timezone(timedelta(hours=8))
CASE_NO = "TJ-2026-000123"
NUMBER_CODES = {"notice": "TZ", "record": "BL", "agreement": "XY", "plan": "JH",
                "confirmation": "QR", "termination": "ZJ"}
D = Decimal

CLAIMED = amounts_of({"principal": D("80000.00"), "interest": D("9600.00"),
                      "penalty": D("6240.00"), "compound": D("1180.50"), "fees": D("2000.00"),
                      "costs": D("3000.00")})
LAWFUL = amounts_of({"principal": D("80000.00"), "interest": D("7936.44"),
                     "penalty": D("3520.00"), "costs": D("1500.00")})
REDUCTIONS = amounts_of({"interest": D("1663.56"), "penalty": D("2720.00"),
                         "compound": D("1180.50"), "fees": D("2000.00"), "costs": D("1500.00")})
WAIVED = amounts_of({"interest": D("1436.44"), "penalty": D("3520.00")})
BASIS = (
    "利息：合同约定年利率18%，超过合同成立时一年期贷款市场报价利率（3.45%）四倍即13.8%的部分"
    "不予保护（《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条）。",
    "逾期利息、违约金和其他费用：总计以合同成立时一年期贷款市场报价利率四倍为限"
    "（同规定第二十九条）；合同约定的服务费2,000.00元并入计算，超出部分不予支持。",
    "复利：合同未约定对逾期利息计收复利，不予计收。",
    "律师费：合同约定由借款人承担实现债权的费用，按已实际支付的合理部分1,500.00元计算。",
)


def sample_seal() -> bytes:
    """A red round seal marked 样章 (sample), transparent outside the ink, as PNG bytes."""
    from PIL import Image, ImageDraw, ImageFont

    from app.paths import resource

    size = 300
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    red = (200, 20, 30, 230)
    draw.ellipse((8, 8, size - 8, size - 8), outline=red, width=10)
    font = ImageFont.truetype(str(resource("fonts", "wqy-microhei.ttc")), 52, index=0)
    small = ImageFont.truetype(str(resource("fonts", "wqy-microhei.ttc")), 30, index=0)
    draw.text((size / 2, size / 2 - 10), "★", fill=red, font=font, anchor="mm")
    draw.text((size / 2, size / 2 + 55), "调解专用章", fill=red, font=small, anchor="mm")
    draw.text((size / 2, 70), "样　章", fill=red, font=small, anchor="mm")
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=False)
    return out.getvalue()


def sample_parties(long_names: bool = False) -> tuple[Party, ...]:
    code = "91330106MA2HY8K3X"  # 17 characters; the check character is added below
    creditor_name = "杭州恒远贸易有限公司"
    address = "浙江省杭州市拱墅区湖墅南路188号2幢1单元602室"
    if long_names:
        creditor_name = ("浙江省杭州市西湖区文三路数字经济产业园恒远国际供应链管理"
                         "与商业贸易集团股份有限公司")
        address = ("浙江省杭州市拱墅区湖墅南路188号金华苑小区北区2幢1单元602室（近大关路公交站，"
                   "门卫室东侧第三个楼道口进入，电梯直达六楼左手第二户）")
    return (
        Party("creditor", "organisation", creditor_name, "统一社会信用代码",
              code + credit_code_check_char(code), "0571-8876 5432",
              "浙江省杭州市西湖区文三路478号华星时代广场A座1106室", "周建国",
              Agent("王磊", "居民身份证", make_resident_id("330106", date(1990, 8, 9), 31),
                    "139 5710 8866", "特别授权")),
        Party("debtor", "person", "张伟" if not long_names else "欧阳·买买提江·张伟明远",
              "居民身份证", make_resident_id("330105", date(1988, 5, 17), 123),
              "138 0571 2468", address),
        Party("guarantor", "person", "李娜", "居民身份证",
              make_resident_id("330104", date(1990, 11, 2), 246), "137 7766 5544",
              "浙江省杭州市上城区望江东路332号望江府5幢903室"),
    )


def sample_plan() -> tuple[PlanRow, ...]:
    rows = [PlanRow(1, date(2026, 12, 31), D("10000.00"), "首付款")]
    first = date(2027, 1, 31)
    rows += [PlanRow(k + 2, add_months(first, k), D("6500.00")) for k in range(12)]
    return tuple(rows)


def sample_session() -> Session:
    return Session(
        starts=datetime(2026, 12, 15, 9, 30, tzinfo=CHINA),
        ends=datetime(2026, 12, 15, 11, 10, tzinfo=CHINA),
        place="本委员会第二调解室（杭州市西湖区文三路90号东部软件园3号楼3楼）",
        recorder="林晓梅",
        attendees=(
            Attendee("王磊", "债权人委托代理人", "居民身份证",
                     make_resident_id("330106", date(1990, 8, 9), 31), True),
            Attendee("张伟", "债务人", "居民身份证",
                     make_resident_id("330105", date(1988, 5, 17), 123), True),
            Attendee("李娜", "保证人", "居民身份证",
                     make_resident_id("330104", date(1990, 11, 2), 246), True),
        ),
        statements=(
            Statement("creditor", "请求事项及理由", "请求张伟归还借款本金80,000.00元及利息、"
                      "逾期利息、服务费和律师费，李娜承担连带保证责任。"),
            Statement("creditor", "可以接受的减免与还款安排",
                      "同意在依法核算的基础上减免部分利息和逾期利息，但要求首付款不少于10,000.00元。"),
            Statement("debtor", "对借款事实和欠款金额的意见",
                      "对借款事实和已还款情况无异议，认为服务费和复利不应支付。"),
            Statement("debtor", "还款能力与实际困难", "目前月收入约9,000元，需负担房租和子女学费，"
                      "无力一次性还清。"),
            Statement("debtor", "还款意向与方案",
                      "愿意月底前先付10,000.00元，其余每月还款6,500.00元。"),
        ),
        outcome="agreed",
        notes="保证人李娜表示同意继续承担连带保证责任。",
        reply_by=date(2026, 12, 10),
    )


def sample_data(kind: str = "agreement", *, long_names: bool = False) -> DocumentData:
    """A complete `DocumentData` for `kind`; every kind renders from it."""
    created = datetime(2026, 12, 15, 11, 30, tzinfo=CHINA)
    if kind == "notice":
        created = datetime(2026, 12, 1, 10, 0, tzinfo=CHINA)
    data = DocumentData(
        meta=DocumentMeta(f"{CASE_NO}-{NUMBER_CODES.get(kind, 'XX')}-01", kind, 1, created),
        case_no=CASE_NO,
        organisation=Organisation(
            "杭州市西湖区金融纠纷人民调解委员会", "杭州市西湖区文三路90号东部软件园3号楼3楼",
            "浙杭西调备〔2024〕017号", "0571-8866 0601", sample_seal(), ("陈思远", "林晓梅"),
        ),
        parties=sample_parties(long_names),
        mediator="陈思远",
        dispute=Dispute(
            "2024年3月1日，杭州恒远贸易有限公司与张伟签订《借款合同》（编号HY-JK-2024-0117），"
            "约定借款本金80,000.00元，期限24个月，年利率18%，按月等额本息还款；李娜在合同上"
            "签字，为该笔借款提供连带责任保证。合同签订当日，杭州恒远贸易有限公司通过银行转账"
            "向张伟交付借款80,000.00元。张伟按约还款至2025年5月，此后未再还款。",
            ("合同约定的利率及逾期利率是否超出法律保护的范围；", "服务费2,000.00元是否应当支付；",
             "律师费3,000.00元是否应当由借款人全额承担。"),
            "张伟未按约还款，应承担还款责任；李娜作为保证人，应在保证范围内承担连带责任。"
            "债权人主张的利息、逾期利息和费用超出法律保护范围的部分，依法不予支持。",
        ),
        claim=Claim(CLAIMED, date(2026, 11, 30),
                    "2024年3月1日签订的《借款合同》（编号HY-JK-2024-0117）", date(2026, 11, 20)),
        recalculation=Recalculation(LAWFUL, REDUCTIONS, date(2026, 11, 30), BASIS),
        settlement=Settlement(
            D("88000.00"), WAIVED, sample_plan(), 15, True,
            "银行转账至债权人指定账户（户名：杭州恒远贸易有限公司；开户行：中国工商银行杭州"
            "文三路支行；账号：1202 0212 0900 0123 456）",
            date(2026, 12, 15), f"{CASE_NO}-XY-01",
        ),
        session=sample_session(),
        court="杭州市西湖区人民法院",
    )
    if kind == "termination":
        session = replace(data.session, outcome="not_agreed") if data.session else None
        data = replace(data, settlement=None, session=session, termination=Termination(
            date(2026, 12, 15), "债务人仅同意偿还本金，债权人坚持按依法核算的金额受偿，"
            "双方对还款总额分歧较大，经两次调解仍无法达成一致。"))
    return data
