"""The rule catalogue is the single source of every finding: ids appear nowhere else in the code,
every rule is documented, every template names only what its callers give, and both languages
say the same thing."""

from __future__ import annotations

import ast
import io
import re
import string
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from nianbao import catalogue
from nianbao.__main__ import main
from nianbao.catalogue import CATEGORIES, Rule, Text, Wording, all_rules, identity_rule, lookup, messages, rules
from nianbao.formats import all_formats
from nianbao.render.rules_page import rules_markdown

ROOT = Path(__file__).resolve().parent.parent
CODE = [p for p in (*sorted((ROOT / "nianbao").rglob("*.py")), *sorted((ROOT / "hooks").rglob("*.py")))
        if "catalogue" not in p.relative_to(ROOT).parts]
# The shape of a rule id (data.type, T3.1, C.2, X.) and of an id prefix used to test a rule's kind.
ID_SHAPE = re.compile(r"(data\.[a-z_]+|[A-Z][0-9]?\.[0-9a-z]+|[A-Z]\.)")


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_the_scan_finds_an_id_literal(tmp_path: Path) -> None:
    """The scan below can fail: a module comparing with an id string is caught."""
    sample = tmp_path / "sample.py"
    sample.write_text('if problem.rule == "A.1" or problem.rule.startswith("X."):\n    pass\n', encoding="utf-8")
    assert [value for _, value in _literals(sample) if ID_SHAPE.fullmatch(value)] == ["A.1", "X."]


def test_no_rule_id_literal_outside_the_catalogue() -> None:
    known = {r.id for r in all_rules()}
    found = [f"{path.relative_to(ROOT)}:{line}: {value!r}" for path in CODE for line, value in _literals(path)
             if value in known or ID_SHAPE.fullmatch(value)]
    assert not found, "rule ids belong to nianbao/catalogue; name the rules constant instead:\n" + "\n".join(found)


def test_every_rule_is_documented() -> None:
    for rule in all_rules():
        assert rule.id and rule.title and rule.citizen and rule.basis, rule.id
        assert rule.category in CATEGORIES, rule.id
        assert rule.wording.message.zh and rule.wording.message.en, rule.id
        assert rule.severity in ("error", "warning"), rule.id


def test_ids_are_unique_and_every_constant_is_in_the_catalogue() -> None:
    ids = [r.id for r in all_rules()]
    assert len(ids) == len(set(ids))
    constants = [v for v in vars(rules).values() if isinstance(v, Rule) and v.id]
    assert {c.id for c in constants} <= set(ids)


def test_every_identity_of_every_format_has_its_own_entry() -> None:
    """A new format's identity gets the generic wording until the catalogue explains it; the
    shipped ones are all explained."""
    generic = rules.IDENTITY_GENERIC.citizen
    for fmt in all_formats():
        for identity in fmt.identities:
            rule = lookup(identity.id)
            assert rule is not None and rule.citizen != generic, f"{fmt.id} {identity.id}"
            assert (rule.severity, rule.cross_year) == (identity.severity, identity.cross_year)


def test_reading_another_year_comes_from_the_identity_itself() -> None:
    t2b = next(i for f in all_formats() for i in f.identities if i.id == "T2.b")
    assert identity_rule(t2b).cross_year  # 2021's T2.b reads last year's 现行有效件数
    assert identity_rule(t2b).category == "cross_year"


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _texts() -> list[tuple[str, Text]]:
    out: list[tuple[str, Text]] = []
    for rule in all_rules():
        for variant, words in [("", rule.wording), *rule.variants.items()]:
            for part in ("message", "expected", "found", "hint"):
                out.append((f"{rule.id}{'/' + variant if variant else ''}.{part}", getattr(words, part)))
    for name, value in vars(messages).items():
        values = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else [value]
        for item in values:
            for text in (item if isinstance(item, tuple) else (item,)):
                if isinstance(text, Text):
                    out.append((name, text))
    return out


def test_both_languages_name_the_same_parameters() -> None:
    wrong = [name for name, text in _texts() if text.en and _placeholders(text.zh) != _placeholders(text.en)]
    assert not wrong


def test_every_text_has_english_beside_it() -> None:
    assert not [name for name, text in _texts() if text.zh and not text.en]


def test_the_frame_is_chinese_and_english_on_request() -> None:
    problem = catalogue.rules.STALE_ACKNOWLEDGEMENT
    from nianbao.problems import make_problem

    shown = make_problem(problem, "data/x/2021.yml", line=3, ack_rule="T3.1", ack_cells="applications.*.total").render()
    assert shown.splitlines()[:3] == ["data/x/2021.yml:3: 警告 [A.1]", "    规则：这条确认记录找不到对应的发现",
                                      "    应为：一个规则和单元格都相同的发现"]
    catalogue.set_language("en")
    try:
        shown = make_problem(problem, "data/x/2021.yml", line=3, ack_rule="T3.1", ack_cells="c").render()
    finally:
        catalogue.set_language(None)
    assert shown.splitlines()[:2] == ["data/x/2021.yml:3: warning [A.1]",
                                      "    rule: an acknowledgement that matches no finding"]


def test_wording_is_a_dataclass_of_texts() -> None:
    assert isinstance(rules.YAML_TAB.wording, Wording)


def _run(*argv: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(list(argv)) == 0
    return out.getvalue()


def test_rules_command_lists_every_rule() -> None:
    out = _run("rules")
    for rule in all_rules():
        assert f"{rule.id}  " in out and rule.title in out, rule.id
    assert f"共 {len(all_rules())} 条规则" in out


@pytest.mark.parametrize("lang", ["en"])
def test_rules_command_in_english(lang: str) -> None:
    out = _run("--lang", lang, "rules")
    assert f"{len(all_rules())} rules" in out and "what: " in out


def test_rules_page_shows_every_rule_with_its_explanation() -> None:
    page = rules_markdown(all_rules())
    for rule in all_rules():
        assert f'id="rule-{rule.id}"' in page and rule.citizen in page, rule.id


# --- no message is written inline -------------------------------------------------------------------
# Every text a user reads comes from the catalogue, so the scan below reads every print(...) and
# every raise SomeError(...) outside nianbao/catalogue/ and fails on a string literal (or a
# literal part of an f-string) that holds Chinese or three English words. An f-string that only
# joins catalogue calls and values passes: its literal parts hold no words.

CJK = re.compile("[\u4e00-\u9fff]")
# An English word: letters not glued to a dot, colon, slash, @, - or digit (a path, an address, a
# YAML tag such as tag:yaml.org,2002: is no word).
ENGLISH_WORD = re.compile(r"(?<![\w./:@-])[A-Za-z]+(?:'[a-z]+)?(?![\w./:@-])")
# Literals that are data, not a message: (file relative to the project, the literal) and why.
# Empty: every literal a print or raise holds today is a catalogue call's parameter or punctuation.
INLINE_ALLOWED: dict[tuple[str, str], str] = {}


def _wordy(text: str) -> bool:
    return bool(CJK.search(text)) or len(ENGLISH_WORD.findall(text)) >= 3


def _inline_messages(path: Path) -> list[tuple[int, str]]:
    """(line, literal) of every print(...) or raise X(...) whose arguments hold a message literal."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            call = node
        elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            call = node.exc
        else:
            continue
        for argument in [*call.args, *(keyword.value for keyword in call.keywords)]:
            found += [(node.lineno, part.value) for part in ast.walk(argument)
                      if isinstance(part, ast.Constant) and isinstance(part.value, str) and _wordy(part.value)]
    return found


@pytest.mark.parametrize(("code", "caught"), [
    ('raise ValueError("读不了文件")\n', ["读不了文件"]),
    ('raise ExportError(f"{out} 已存在，没有改动它")\n', [" 已存在，没有改动它"]),
    ('raise KeyError(f"{table} has no row {key!r}") from None\n', [" has no row "]),
    ('print("wrote the file", file=sys.stderr)\n', ["wrote the file"]),
    ('print(f"nianbao pages：{words.X(error=exc)}", file=sys.stderr)\n', []),
    ('raise ValueError(messages.X())\n', []),
    ('raise ExportError(words.EXPORT_LINK(path=path, target=os.readlink(path), out=out)) from None\n', []),
    ('raise YamlSourceError(R.YAML_TAG, tag="!!" + tag.removeprefix("tag:yaml.org,2002:"))\n', []),
    ('log.info("这不是 print 也不是 raise")\nx = "一段数据"\n', []),
])
def test_the_inline_scan_can_fail(tmp_path: Path, code: str, caught: list[str]) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(code, encoding="utf-8")
    assert [literal for _, literal in _inline_messages(sample)] == caught


def test_no_message_is_written_inline() -> None:
    found = [f"{path.relative_to(ROOT)}:{line}: {literal!r}" for path in CODE
             for line, literal in _inline_messages(path)
             if (path.relative_to(ROOT).as_posix(), literal) not in INLINE_ALLOWED]
    assert not found, "user-facing texts belong to nianbao/catalogue; call a Text there instead:\n" + "\n".join(found)


def test_the_inline_allow_list_names_only_literals_still_there() -> None:
    present = {(path.relative_to(ROOT).as_posix(), literal) for path in CODE for _, literal in _inline_messages(path)}
    assert set(INLINE_ALLOWED) <= present


def test_every_catalogue_module_has_both_languages_with_the_same_parameters() -> None:
    """messages is read by the tests above; the other modules of texts are read here."""
    from nianbao.catalogue import copies, formats, importer, newfiles, quality, quality_checks, site, statuses, workbook

    texts: list[tuple[str, Text]] = []
    for module in (site, formats, importer, statuses, newfiles, workbook, copies, quality, quality_checks):
        for name, value in vars(module).items():
            items = value.values() if isinstance(value, dict) else [value]
            for item in items:
                for text in (item if isinstance(item, tuple) else (item,)):
                    if isinstance(text, Text):
                        texts.append((f"{module.__name__}.{name}", text))
                    elif isinstance(text, statuses.Status):
                        texts += [(f"{module.__name__}.{name}", text.label),
                                  (f"{module.__name__}.{name}", text.explanation)]
    assert len(texts) > 200
    # A name the same in both languages (PDF, Word) may leave its English out.
    assert not [name for name, text in texts if CJK.search(text.zh) and not text.en]
    # The statuses' English says "hold" where the Chinese spells a status's label ({holds_label}).
    assert not [name for name, text in texts if text.en and _placeholders(text.zh) != _placeholders(text.en)
                and not name.startswith("nianbao.catalogue.statuses.")]


def test_comments_written_into_data_files_are_chinese_in_either_language() -> None:
    from nianbao.writer import dump_report

    data = {"format": "2021", "active_disclosure": {"regulations": [1, 0, 1]},
            "reviews_litigation": {"review": [0, 0, 0, 0, 0]}}
    chinese = dump_report(data)
    catalogue.set_language("en")
    try:
        english = dump_report(data)
    finally:
        catalogue.set_language(None)
    assert english == chinese
    comments = [line for line in chinese.splitlines() if line.startswith("# ") and "schema" not in line]
    assert comments and all(CJK.search(line) and len(ENGLISH_WORD.findall(line)) < 3 for line in comments)
    assert "# 各栏：结果维持、结果纠正、其他结果、尚未审结、总计" in comments


def test_findings_are_made_only_from_catalogue_rules() -> None:
    """Every finding goes through make_problem, which takes a catalogue Rule: so every id the code
    can emit is a catalogue entry (and the checks above prove every entry is documented)."""
    made = []
    for path in CODE:
        if path.name == "problems.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Problem":
                made.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not made, made
