"""The pages use the data: part 六's 信息处理费 as reported, bodies listed by level then pinyin,
contact details with tel:/mailto: links and the year they are from."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from nbdata import DATA, FIXTURE_2021, SHILI, WANGGANG

from nianbao.checks import check_report
from nianbao.model import Body, Fees
from nianbao.render.indexes import HOME_LIMIT, home_listing, listing_order, region_pages
from nianbao.render.pages import body_page, phone_links, report_page
from nianbao.site import build_site

REAL = build_site(DATA, DATA.parent)
FIX = build_site(FIXTURE_2021, FIXTURE_2021.parent)


def page(build, src_uri: str):
    return {p.src_uri: p for p in build.pages}[src_uri]


# --- 信息处理费 ---------------------------------------------------------------------------------------


def fees_rows(html: str) -> dict[str, str]:
    soup = BeautifulSoup(html, "lxml")
    return {tr.th.get_text(): tr.td.get_text() for tr in soup.select("table.nb-fees tr")}


def shili_2021_with(fees: Fees | None):
    report = FIX.data.report(SHILI, 2021)
    body = FIX.data.bodies[SHILI]
    parts = dict(report.meta.parts)
    parts["六"] = parts["六"].model_copy(update={"fees": fees})
    report = dataclasses.replace(report, meta=report.meta.model_copy(update={"parts": parts}))
    return report_page(report, body, check_report(report, body, None), [2021])


def test_part_six_shows_the_fees_as_reported():
    p = page(FIX, f"{SHILI}/2021.md")
    assert "### 信息处理费 {#fees}" in p.markdown
    # Under part 六, before the signature.
    md = p.markdown
    assert md.index("{#part-6}") < md.index("{#fees}") < md.index("nianbao:block signature")
    assert fees_rows(p.blocks["fees"]) == {
        "发出收费通知的件数": "1 件", "发出收费通知的总金额": "400 元", "实际收取的总金额": "400 元"}


def test_blank_fees_stay_blank_and_zero_stays_zero():
    p = shili_2021_with(Fees(notices_count=0, notices_amount_yuan=None, collected_amount_yuan=Decimal("12.50")))
    rows = fees_rows(p.blocks["fees"])
    assert rows == {"发出收费通知的件数": "0 件", "发出收费通知的总金额": "未填写", "实际收取的总金额": "12.50 元"}
    assert BeautifulSoup(p.blocks["fees"], "lxml").select("td.nb-blank")[0].get_text() == "未填写"


def test_fees_not_given_in_the_2021_format_say_not_stated():
    p = shili_2021_with(None)
    assert set(fees_rows(p.blocks["fees"]).values()) == {"未填写"}


def test_2019_format_without_part_six_has_no_fees():
    p = page(REAL, f"{WANGGANG}/2020.md")
    assert "{#fees}" not in p.markdown and "fees" not in p.blocks


# --- the order of bodies ----------------------------------------------------------------------------


def body(name: str, level: str, region: tuple[str, ...] = ("示例省", "示例市", "示例县")) -> Body:
    return Body(name=name, level=level, region=list(region))


ORDERED = {
    "xian-zhengfu": body("示例县人民政府", "区县政府"),
    "anquan": body("示例县安全生产监督管理局", "区县部门"),
    "caizheng": body("示例县财政局", "区县部门"),
    "zhongxin": body("示例县中心学校管理办公室", "区县部门"),
    "aiguo-zhen": body("爱国镇人民政府", "乡镇/街道"),
    "zhangjia-zhen": body("张家镇人民政府", "乡镇/街道"),
}


def test_bodies_are_listed_by_level_then_pinyin():
    shuffled = dict(reversed(list(ORDERED.items())))
    assert listing_order(shuffled, shuffled) == list(ORDERED)
    # By code point 张 (U+5F20) comes before 爱 (U+7231); by pinyin, ai before zhang.
    assert "张" < "爱"


def test_home_page_lists_bodies_in_that_order():
    listing = home_listing(dict(reversed(list(ORDERED.items()))), {})
    lines = [line for line in listing.splitlines() if line.startswith("- [")]
    assert [line.split("](")[1].split("/")[0] for line in lines] == list(ORDERED)


def test_region_pages_list_bodies_in_that_order():
    many = dict(reversed(list(ORDERED.items())))
    for i in range(HOME_LIMIT):  # past the home page's limit: one page per region
        many[f"other-{i}"] = body(f"他县机关{i}", "区县部门", ("示例省", "示例市", "他县"))
    pages = {p.src_uri: p for p in region_pages(many, {})}
    county = pages["regions/示例省/示例市/示例县/index.md"]
    lines = [line for line in county.markdown.splitlines() if line.startswith("- [")]
    assert [re.search(r"\]\((?:\.\./)*([a-z0-9-]+)/index\.md\)", line)[1] for line in lines] == list(ORDERED)


# --- contact ----------------------------------------------------------------------------------------


def contact(p) -> BeautifulSoup:
    return BeautifulSoup(p.blocks["contact"], "lxml")


def test_report_contact_says_which_year_it_is_from():
    soup = contact(page(REAL, f"{WANGGANG}/2020.md"))
    assert soup.select_one(".nb-contact-note").get_text() == "2020 年度报告所载联系方式"
    soup = contact(page(FIX, f"{SHILI}/2022.md"))
    assert soup.select_one(".nb-contact-note").get_text() == "2022 年度报告所载联系方式"


def test_body_contact_says_it_is_the_latest_reports():
    soup = contact(page(FIX, f"{SHILI}/index.md"))
    assert soup.select_one(".nb-contact-note").get_text() == "最新一份报告（2022 年度）所载联系方式"
    lone = body_page("lone", body("示例县统计局", "区县部门"), [], {})
    assert contact(lone).select_one(".nb-contact-note").get_text() == "机关登记的联系方式"


def test_phone_and_email_are_links():
    soup = contact(page(FIX, f"{SHILI}/2021.md"))
    links = {a.get_text(): a["href"] for a in soup.select("a")}
    assert links["0999-5550123"] == "tel:09995550123"
    assert links["xxgk@shujuju.shili.example"] == "mailto:xxgk@shujuju.shili.example"
    # A fax number is not dialled: text only.
    assert "0999-5550124" not in links
    soup = contact(page(REAL, f"{WANGGANG}/2020.md"))
    assert [a["href"] for a in soup.select("a")] == ["tel:045187542911"]


@pytest.mark.parametrize(("value", "pieces"), [
    ("0451-87542911", [("0451-87542911", "tel:045187542911")]),
    ("(0451)87542911", [("(0451)87542911", "tel:045187542911")]),
    ("+86 451 8754 2911", [("+86 451 8754 2911", "tel:+8645187542911")]),
    ("0451-87542911、87542912", [("0451-87542911", "tel:045187542911"), ("、", None), ("87542912", "tel:87542912")]),
    ("010-12345678 或 010-12345679", [("010-12345678", "tel:01012345678"), (" 或 ", None),
                                      ("010-12345679", "tel:01012345679")]),
    ("见机关网站", [("见机关网站", None)]),
    ("12345", [("12345", None)]),  # too short to be a number
    ("0451-87542911转8001", [("0451-87542911转8001", None)]),  # an extension: text, not a wrong link
    ("1234567890123456", [("1234567890123456", None)]),  # too long
])
def test_only_real_numbers_become_tel_links(value: str, pieces: list[tuple[str, str | None]]):
    assert phone_links(value) == pieces
    assert "".join(text for text, _ in pieces) == value  # the text is shown as written


def test_contact_values_are_escaped_in_links():
    p = body_page("x", Body(name="示例局", level="区县部门", region=["示例省"],
                             contact={"phone": "0451-87542911 <b>", "email": "a&b@example.org"}), [], {})
    html = p.blocks["contact"]
    assert "<b>" not in html and "mailto:a&amp;b@example.org" in html
