"""The `basis` of each cap: its sources in Chinese, with the current article numbers.

Financial lenders: 法发〔2017〕22号 第二条 (an SPC policy document, applied on the
borrower's request); banks, consumer-finance companies and the other licensed lenders are
outside the private-lending provisions by their 第一条第二款, small-loan companies and the
other local financial organisations by the SPC's 2020 reply (法释〔2020〕27号). Private
loans: 《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》 第二十五条 (cap), 第二十六条
(interest deducted in advance, with Civil Code 第六百七十条), 第二十八条 (overdue rate; the
default rates apply on the lender's claim), 第二十九条 (overdue charges together), 第三十一条
(transition: the old rules up to 2020-08-19 on a party's request); the 6 % of the 2015
provisions (第二十九条第二款第一项) for a loan with no rate agreed. Every basis ends with how
money paid above the cap is allocated (Civil Code 第五百六十一条, unless agreed otherwise).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

SPL = "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》"
CIVIL = "《中华人民共和国民法典》"
ALLOCATION = (
    f"已付超过上限的部分，按{CIVIL}第五百六十一条的顺序（当事人另有约定的，按约定顺序）"
    "抵充其他欠款直至本金，仍有剩余的应予返还"
)
FINANCIAL = (
    "最高人民法院《关于进一步加强金融审判工作的若干意见》（法发〔2017〕22号）第二条："
    "金融借款合同的借款人以贷款人同时主张的利息、复利、罚息、违约金和其他费用过高为由，"
    "请求对总计超过年利率24%的部分予以调减的，应予支持（依借款人请求适用）"
)
LICENSED = (
    f"；经金融监管部门批准设立的从事贷款业务的金融机构不适用{SPL}（第一条第二款）"
)
LOCAL = (
    f"；小额贷款公司等地方金融组织不适用{SPL}"
    "（《最高人民法院关于新民间借贷司法解释适用范围问题的批复》，法释〔2020〕27号）"
)
OVERDUE = (
    "；第二十八条、第二十九条：约定的逾期利率，以及逾期利息、违约金和其他费用总计，均以此为限；"
    "未约定逾期利率的，依出借人主张，按借期内利率计算，借期内利率也未约定的，"
    "按逾期时一年期贷款市场报价利率计算（第二十八条第二款）"
)
DEDUCTED = f"；第二十六条及{CIVIL}第六百七十条：利息预先在本金中扣除的，按实际出借的金额计算本金"
HANDOVER = f"，自然人之间的借款合同自出借人提供借款时成立（{CIVIL}第六百七十九条）"
OVERRIDE = "上限年利率按输入的 cap.annual_rate（当地法院的做法），适用于全部期间；" + ALLOCATION


def percent(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}"


def financial(lender_type: str) -> str:
    """24 % a year for banks, consumer-finance, small-loan and other financial lenders."""
    outside = LOCAL if lender_type in ("small_loan", "financial_other") else LICENSED
    return FINANCIAL + outside + "；" + ALLOCATION


def _formed(day: date, by_handover: bool) -> str:
    return f"合同成立日 {day.isoformat()}" + (HANDOVER if by_handover else "")


def private(formed: date, lpr: Decimal, cap: Decimal, by_handover: bool) -> str:
    """4 × the one-year LPR on the formation date (art. 25)."""
    return (
        f"{SPL}（2020年第二次修正）第二十五条：约定的利率超过合同成立时一年期贷款市场报价利率"
        f"四倍的部分不予支持（{_formed(formed, by_handover)}，当日一年期LPR {percent(lpr)}%，"
        f"四倍为年利率 {percent(cap)}%）" + OVERDUE + DEDUCTED + "；" + ALLOCATION
    )


def before(formed: date, by_handover: bool) -> str:
    """The transitional period before 2020-08-20: 24 %, on a party's request (art. 31)."""
    return (
        f"{SPL}第三十一条：借贷合同成立于2020年8月20日之前（{_formed(formed, by_handover)}），"
        "当事人请求适用当时的司法解释计算自合同成立到2020年8月19日的利息部分的，予以支持"
        "（依当事人请求适用）：年利率24%为限（2015年规定第二十六条）；借期内利率与逾期利率"
        "均未约定的，此期间的逾期利息按年利率6%计算（2015年规定第二十九条第二款第一项）"
        + DEDUCTED + "；" + ALLOCATION
    )


def after(filing: date, lpr: Decimal, cap: Decimal) -> str:
    """The transitional period from 2020-08-20: 4 × the LPR on the filing date (art. 31)."""
    return (
        f"{SPL}第三十一条：自2020年8月20日起的利息，适用起诉时的利率保护标准，即起诉时一年期"
        f"贷款市场报价利率的四倍（起诉日 {filing.isoformat()} 的一年期LPR {percent(lpr)}%，"
        f"四倍为年利率 {percent(cap)}%）" + OVERDUE + "；借期内利率与逾期利率均未约定的，"
        "自2020年8月20日起的逾期利息按逾期之日与2020年8月20日中较晚一日的一年期LPR计算"
        + DEDUCTED + "；" + ALLOCATION
    )
