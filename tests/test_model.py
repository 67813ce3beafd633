"""The pydantic model: strict keys, typed values from strings-only YAML, contact changes by year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from nianbao.model import Body, Contact, ReportMeta

BODY = {"name": "示例县数据局", "level": "区县部门", "region": ["示例省", "示例市", "示例县"]}


def errors(model, raw):
    with pytest.raises(ValidationError) as err:
        model.model_validate(raw)
    return [(e["type"], tuple(e["loc"])) for e in err.value.errors()]


def test_minimal_body():
    body = Body.model_validate(BODY)
    assert body.display_name == "示例县数据局"
    assert body.contact == Contact()
    assert body.contact_changes == []


def test_short_name_is_the_display_name():
    assert Body.model_validate({**BODY, "short_name": "县数据局"}).display_name == "县数据局"


def test_body_is_frozen():
    body = Body.model_validate(BODY)
    with pytest.raises(ValidationError):
        body.name = "x"  # type: ignore[misc]


@pytest.mark.parametrize("key", ["name", "level", "region"])
def test_required_body_keys(key):
    raw = {k: v for k, v in BODY.items() if k != key}
    assert errors(Body, raw) == [("missing", (key,))]


def test_unknown_body_key():
    assert errors(Body, {**BODY, "nmae": "x"}) == [("extra_forbidden", ("nmae",))]


def test_unknown_contact_key():
    assert errors(Body, {**BODY, "contact": {"telephone": "1"}}) == [("extra_forbidden", ("contact", "telephone"))]


@pytest.mark.parametrize("level", ["乡镇", "县政府", "", "NO"])
def test_level_must_be_one_of_the_levels(level):
    assert errors(Body, {**BODY, "level": level}) == [("literal_error", ("level",))]


def test_region_must_be_a_list():
    assert errors(Body, {**BODY, "region": "示例省"}) == [("list_type", ("region",))]
    assert errors(Body, {**BODY, "region": []}) == [("too_short", ("region",))]


def test_empty_name_is_an_error():
    assert errors(Body, {**BODY, "name": "  "}) == [("string_too_short", ("name",))]


@pytest.mark.parametrize("postcode", ["010000", "150000"])
def test_postcode_keeps_leading_zero(postcode):
    assert Body.model_validate({**BODY, "contact": {"postcode": postcode}}).contact.postcode == postcode


@pytest.mark.parametrize("postcode", ["10000", "1500000", "15000a"])
def test_bad_postcode(postcode):
    assert errors(Body, {**BODY, "contact": {"postcode": postcode}}) == [("invalid", ("contact", "postcode"))]


@pytest.mark.parametrize("email", ["xxgk", "xxgk@example", "a b@example.cn", "<a>@x.cn"])
def test_bad_email(email):
    assert errors(Body, {**BODY, "contact": {"email": email}}) == [("invalid", ("contact", "email"))]


@pytest.mark.parametrize("website", ["www.example.cn", "javascript:alert(1)", "ftp://x.cn", "https://x.cn/<b>"])
def test_website_must_be_a_web_address(website):
    assert errors(Body, {**BODY, "website": website}) == [("invalid", ("website",))]


def test_contact_changes_apply_from_their_year():
    body = Body.model_validate({
        **BODY,
        "contact": {"office": "办公室", "phone": "1", "address": "旧址"},
        "contact_changes": [{"since": "2023", "phone": "3"}, {"since": "2022", "phone": "2", "address": "新址"}],
    })
    assert body.contact_for(2021) == Contact(office="办公室", phone="1", address="旧址")
    assert body.contact_for(2022) == Contact(office="办公室", phone="2", address="新址")
    assert body.contact_for(2023) == Contact(office="办公室", phone="3", address="新址")


def test_contact_change_needs_since():
    assert errors(Body, {**BODY, "contact_changes": [{"phone": "2"}]}) == [("missing", ("contact_changes", 0, "since"))]


REPORT = {"format": "2021", "published": "2022-01-20"}


def test_minimal_report_meta():
    meta = ReportMeta.model_validate(REPORT)
    assert meta.published == date(2022, 1, 20)
    assert meta.parts == {} and meta.acknowledged == [] and meta.title is None


@pytest.mark.parametrize("published", ["2024-13-01", "2021-02-30", "2021/01/26", "26 Jan 2021", "NO"])
def test_bad_dates(published):
    (kind, loc), = errors(ReportMeta, {**REPORT, "published": published})
    assert loc == ("published",)
    assert kind.startswith("date")


def test_unknown_format():
    assert errors(ReportMeta, {**REPORT, "format": "2020"}) == [("invalid", ("format",))]


def test_parts_are_keyed_by_numeral():
    meta = ReportMeta.model_validate({**REPORT, "parts": {"一": {"heading": "总体情况", "text": "x"}}})
    assert meta.part("一").heading == "总体情况"
    assert meta.part("二") is None
    raw = {**REPORT, "parts": {"七": {"heading": "x"}}}
    assert errors(ReportMeta, raw) == [("literal_error", ("parts", "七", "[key]"))]


def test_part_needs_heading():
    assert errors(ReportMeta, {**REPORT, "parts": {"一": {"text": "x"}}}) == [("missing", ("parts", "一", "heading"))]


def test_fees_are_typed():
    meta = ReportMeta.model_validate({**REPORT, "parts": {"六": {"heading": "其他需要报告的事项", "fees": {
        "notices_count": "1", "notices_amount_yuan": "400", "collected_amount_yuan": "380.5"}}}})
    fees = meta.part("六").fees
    assert (fees.notices_count, fees.notices_amount_yuan, fees.collected_amount_yuan) == (1, Decimal(400),
                                                                                        Decimal("380.5"))


@pytest.mark.parametrize(("field", "value", "kind"), [("notices_count", "-1", "greater_than_equal"),
                                                      ("notices_count", "一件", "int_parsing"),
                                                      ("collected_amount_yuan", "-5", "greater_than_equal")])
def test_bad_fees(field, value, kind):
    raw = {**REPORT, "parts": {"六": {"heading": "其他需要报告的事项", "fees": {field: value}}}}
    assert errors(ReportMeta, raw) == [(kind, ("parts", "六", "fees", field))]


def test_acknowledgement_needs_rule_cells_reason():
    raw = {**REPORT, "acknowledged": [{"rule": "P.1", "cells": "parts.六"}]}
    assert errors(ReportMeta, raw) == [("missing", ("acknowledged", 0, "reason"))]


def test_source_url_must_be_a_web_address():
    assert errors(ReportMeta, {**REPORT, "source_url": "javascript:alert(1)"}) == [("invalid", ("source_url",))]
