"""The loader on good files and on many bad ones: every problem named with file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from govtui.content import load_library
from govtui.content.findings import Finding
from govtui.content.lint import lint
from govtui.content.yamlreader import MAX_FILE_BYTES
from tests.content.helpers import GUIDE, write_content


def findings_for(root: Path) -> list[Finding]:
    return lint(root)[1]


def messages(root: Path) -> list[str]:
    return [str(finding) for finding in findings_for(root)]


def test_minimal_content_loads_clean(tmp_path: Path) -> None:
    root = write_content(tmp_path)
    result, findings = lint(root)
    assert findings == []
    guide = result.library.guides["allowance"]
    assert guide.name == "高龄津贴申领"
    assert [m.id for m in guide.materials] == [
        "applicant-id-card",
        "power-of-attorney",
        "hukou-booklet",
    ]
    assert guide.materials[1].when is not None
    assert guide.materials[1].when.facts() == ["applicant_role"]
    assert result.library.policies["elderly-law"].article("3") is not None


def test_models_are_immutable(tmp_path: Path) -> None:
    library = load_library(write_content(tmp_path)).library
    guide = library.guides["allowance"]
    with pytest.raises(AttributeError):
        guide.name = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        library.guides["other"] = guide  # type: ignore[index]


def test_broken_yaml_names_file_and_line(tmp_path: Path) -> None:
    root = write_content(
        tmp_path, {"guides/elderly/allowance.yaml": "id: allowance\nname: [unclosed\n"}
    )
    [finding] = findings_for(root)
    assert finding.file.name == "allowance.yaml"
    assert finding.line >= 2
    assert "invalid YAML" in finding.message


def test_unknown_key_is_rejected_with_a_suggestion(tmp_path: Path) -> None:
    root = write_content(
        tmp_path, {"guides/elderly/allowance.yaml": GUIDE.replace("summary:", "sumary:")}
    )
    found = messages(root)
    assert any("unknown key 'sumary'; did you mean 'summary'?" in m for m in found)
    assert any("summary: this required field is missing" in m for m in found)


def test_wrong_types_are_reported_each(tmp_path: Path) -> None:
    text = GUIDE.replace("visits: 1", "visits: many").replace(
        "case_type: 承诺件", "case_type: 慢件"
    )
    root = write_content(tmp_path, {"guides/elderly/allowance.yaml": text})
    found = messages(root)
    assert any("visits: expected a whole number" in m for m in found)
    assert any("case_type: '慢件' is not allowed here" in m for m in found)


def test_error_points_at_the_line_of_the_field(tmp_path: Path) -> None:
    text = GUIDE.replace("visits: 1", "visits: -1")
    root = write_content(tmp_path, {"guides/elderly/allowance.yaml": text})
    [finding] = findings_for(root)
    line = text.splitlines().index("visits: -1") + 1
    assert (finding.line, finding.field) == (line, "visits")
    assert str(finding).startswith(f"{root / 'guides/elderly/allowance.yaml'}:{line}:")


def test_missing_references_are_errors(tmp_path: Path) -> None:
    text = (
        GUIDE.replace('article: "3"}\n  - id: local', 'article: "99"}\n  - id: local')
        .replace("office: hall", "office: nowhere")
        .replace('policy: elderly-law, article: "3"}\ncodes', "policy: ghost-law}\ncodes")
    )
    root = write_content(tmp_path, {"guides/elderly/allowance.yaml": text})
    found = messages(root)
    assert any("policy 'elderly-law' has no article '99'" in m for m in found)
    assert any("unknown office 'nowhere'" in m for m in found)
    assert any("no policy has the id 'ghost-law'" in m for m in found)


def test_duplicate_ids_are_errors(tmp_path: Path) -> None:
    root = write_content(
        tmp_path,
        {
            "guides/bundles/allowance.yaml": """\
        id: allowance
        name: 重复
        name_en: Duplicate
        lead_department: 县民政局
        office: hall
        summary: 重复的编号。
        guides: [allowance]
        version: "1"
        reviewed: 2026-01-01
    """
        },
    )
    assert any("id 'allowance' is already used" in m for m in messages(root))


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ('applicant_role == "boss"', "has no choice 'boss'"),
        ("age >= 'old'", "is a number fact: compare with a number"),
        ("shoe_size > 40", "unknown fact 'shoe_size'"),
        ("age", "is a number fact, not yes/no"),
        ("age >= ", "malformed condition"),
        ("age >= 80 and", "malformed condition"),
        ("__import__('os')", "malformed condition"),
        ("hukou_local > 1", "needs a number or date fact"),
    ],
)
def test_bad_conditions_are_lint_errors(tmp_path: Path, condition: str, expected: str) -> None:
    text = GUIDE.replace(
        "when: hukou_local",
        f"when: {condition!r}" if "'" not in condition else f'when: "{condition}"',
    )
    root = write_content(tmp_path, {"guides/elderly/allowance.yaml": text})
    assert any(expected in m for m in messages(root)), messages(root)


def test_empty_file(tmp_path: Path) -> None:
    root = write_content(tmp_path, {"guides/elderly/allowance.yaml": "\n\n"})
    assert any("the file is empty" in m for m in messages(root))


def test_non_utf8_file(tmp_path: Path) -> None:
    root = write_content(tmp_path)
    (root / "guides/elderly/allowance.yaml").write_bytes("name: 低保".encode("gbk"))
    assert any("not UTF-8" in m for m in messages(root))


def test_binary_file(tmp_path: Path) -> None:
    root = write_content(tmp_path)
    (root / "guides/elderly/allowance.yaml").write_bytes(b"\x89PNG\x00\x00")
    assert any("binary file" in m for m in messages(root))


def test_oversized_file(tmp_path: Path) -> None:
    root = write_content(tmp_path)
    (root / "guides/elderly/allowance.yaml").write_text("# x\n" * (MAX_FILE_BYTES // 4 + 10))
    assert any("content files may be at most" in m for m in messages(root))


def test_unsafe_yaml_tags_are_refused(tmp_path: Path) -> None:
    root = write_content(
        tmp_path, {"guides/elderly/allowance.yaml": "!!python/object/apply:os.system ['echo hi']"}
    )
    assert any("invalid YAML" in m for m in messages(root))


def test_id_must_match_file_name(tmp_path: Path) -> None:
    root = write_content(
        tmp_path,
        {"guides/elderly/allowance.yaml": GUIDE.replace("id: allowance", "id: other-name")},
    )
    assert any("must equal the file name 'allowance'" in m for m in messages(root))


def test_deferrable_needs_days_and_commitment_needs_text(tmp_path: Path) -> None:
    text = GUIDE.replace(
        "form: 原件, source: 申请人自备, state: required}",
        "form: 原件, source: 申请人自备, state: deferrable}",
    ).replace("source: 数据共享\n    state: shared", "source: 数据共享\n    state: commitment")
    root = write_content(tmp_path, {"guides/elderly/allowance.yaml": text})
    found = messages(root)
    assert any("needs defer_days" in m for m in found)
    assert any("needs the commitment text" in m for m in found)


def test_shared_alias_must_be_declared(tmp_path: Path) -> None:
    second = GUIDE.replace("id: allowance", "id: allowance-two")
    root = write_content(tmp_path, {"guides/elderly/allowance-two.yaml": second})
    assert any("the alias '高龄补贴' is also used by" in m for m in messages(root))
    declared = {
        "guides/elderly/allowance.yaml": GUIDE.replace(
            "aliases: [高龄补贴]", "shared_aliases: [高龄补贴]"
        ),
        "guides/elderly/allowance-two.yaml": second.replace(
            "aliases: [高龄补贴]", "shared_aliases: [高龄补贴]"
        ),
    }
    assert findings_for(write_content(tmp_path, declared)) == []


def test_repealed_policy_citation_is_an_error(tmp_path: Path) -> None:
    root = write_content(tmp_path)
    path = root / "policies/elderly-law.yaml"
    path.write_text(
        path.read_text().replace(
            "status: effective", "status: repealed\nsuperseded_by: elderly-law"
        )
    )
    found = findings_for(root)
    assert found and all(f.severity == "error" for f in found)
    assert any("cites the repealed policy 'elderly-law'" in f.message for f in found)


def test_incoherent_dates(tmp_path: Path) -> None:
    text = GUIDE.replace(
        "version:", "effective_from: 2026-01-01\neffective_to: 2025-01-01\nversion:"
    )
    root = write_content(tmp_path, {"guides/elderly/allowance.yaml": text})
    assert any("before effective_from" in m for m in messages(root))


def test_example_with_unknown_material_and_fact(tmp_path: Path) -> None:
    text = GUIDE.replace(
        "materials: [applicant-id-card, hukou-booklet]", "materials: [applicant-id-card, passport]"
    ).replace("answers: {applicant_role: self,", "answers: {shoe: 1, applicant_role: self,")
    root = write_content(tmp_path, {"guides/elderly/allowance.yaml": text})
    found = messages(root)
    assert any("no material has the id 'passport'" in m for m in found)
    assert any("unknown fact 'shoe'" in m for m in found)


def test_bad_synonyms(tmp_path: Path) -> None:
    root = write_content(
        tmp_path,
        {
            "guides/_synonyms.yaml": """\
        synonyms:
          - {official: 居住证, terms: [暂住证, 居住证], kind: old_name}
          - {official: 特困人员救助供养, terms: [暂住证], kind: slang}
    """
        },
    )
    found = messages(root)
    assert any("'居住证' is its own synonym" in m for m in found)
    assert any("'slang' is not allowed here" in m for m in found)


def test_all_errors_are_collected_not_just_the_first(tmp_path: Path) -> None:
    text = (
        GUIDE.replace("visits: 1", "visits: x")
        .replace("fee: 不收费", "fee: []")
        .replace("office: hall", "office: Bad Office")
    )
    root = write_content(tmp_path, {"guides/elderly/allowance.yaml": text})
    assert len(findings_for(root)) >= 3


def test_cached_library_is_equal_and_follows_edits(tmp_path: Path) -> None:
    from govtui.content.cache import load_library_cached

    root = write_content(tmp_path / "content")
    cache = tmp_path / "cache"
    first = load_library_cached(root, cache)
    assert list(cache.glob("library-*.pickle"))
    second = load_library_cached(root, cache)
    assert second.library == first.library == load_library(root).library
    assert isinstance(second.library.guides, type(first.library.guides))
    path = root / "guides/elderly/allowance.yaml"
    path.write_text(GUIDE.replace("高龄津贴申领", "高龄津贴申请"), encoding="utf-8")
    edited = load_library_cached(root, cache)
    assert edited.library.guides["allowance"].name == "高龄津贴申请"
    assert len(list(cache.glob("library-*.pickle"))) == 1
    (cache / next(cache.glob("library-*.pickle")).name).write_bytes(b"not a pickle")
    assert load_library_cached(root, cache).library == edited.library


def test_content_inside_a_hidden_folder_still_loads(tmp_path: Path) -> None:
    root = write_content(tmp_path / ".venv" / "site" / "_content")
    (root / "guides/elderly/.draft.yaml").write_text("broken: [", encoding="utf-8")
    result, findings = lint(root)
    assert findings == []
    assert list(result.library.guides) == ["allowance"]
