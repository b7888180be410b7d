"""Check rules: evaluation, validation, and config files found from the current folder up."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff.corpus.rules import Rules, evaluate, find_config, parse_rules, resolve_rules
from newsdiff.corpus.run import ClusterRecord
from newsdiff.errors import UsageError
from newsdiff.model import SIGNAL_TYPES


def record(**kw: object) -> ClusterRecord:
    """A compared cluster: 4 reports, 40% shared, 20% divergent, 40% unique, 2 number signals."""
    signals = dict.fromkeys(SIGNAL_TYPES, 0)
    signals["number"] = 2
    base: dict[str, object] = {
        "index": 0,
        "cluster": "c1",
        "source": "corpus/c1",
        "reports": 4,
        "sentences": 10,
        "groups": {"shared": 2, "divergent": 1, "unique": 4},
        "shares": {"shared": 0.4, "divergent": 0.2, "unique": 0.4},
        "signals": signals,
        "examples": (("number", "group 3: 500 vs 400"), ("number", "group 5: 2 vs 3")),
    }
    base.update(kw)
    return ClusterRecord(**base)  # type: ignore[arg-type]


def test_no_rules_pass_a_compared_cluster() -> None:
    result = evaluate(record(), Rules())
    assert result.passed and result.failures == ()


def test_each_rule_fails_with_its_measure_and_evidence() -> None:
    rules = Rules(min_shared=0.5, max_unique=0.3, fail_on=frozenset({"number"}), min_reports=5)
    result = evaluate(record(), rules)
    assert not result.passed
    assert [(f.rule, f.message) for f in result.failures] == [
        ("min-reports", "4 reports, fewer than min-reports 5"),
        ("min-shared", "share of sentences shared 0.400 is below min-shared 0.5"),
        ("max-unique", "share of sentences unique 0.400 is above max-unique 0.3"),
        ("fail-on", "2 number signals"),
    ]
    assert result.failures[-1].evidence == ("group 3: 500 vs 400", "group 5: 2 vs 3")


def test_failures_name_the_report_file_they_are_about() -> None:
    files = ("corpus/c1/a.txt", "corpus/c1/b.txt")
    rec = record(files=files, signal_files={"number": "corpus/c1/b.txt"})
    rules = Rules(min_shared=0.5, fail_on=frozenset({"number"}))
    # A share is about the cluster (its first report); a signal about its own report.
    assert [f.file for f in evaluate(rec, rules).failures] == list(files)
    assert [f.file for f in evaluate(record(), rules).failures] == [None, None]


def test_thresholds_are_inclusive() -> None:
    rules = Rules(min_shared=0.4, max_unique=0.4, min_reports=4)
    assert evaluate(record(), rules).passed


def test_fail_on_only_types_that_occur() -> None:
    assert evaluate(record(), Rules(fail_on=frozenset({"quote", "negation"}))).passed


def test_an_error_row_fails_with_its_reason_whatever_the_rules() -> None:
    rec = ClusterRecord(index=0, cluster="c", source="x", reports=1, error="only 1 report")
    result = evaluate(rec, Rules())
    assert [(f.rule, f.message) for f in result.failures] == [("error", "only 1 report")]
    assert result.to_dict()["passed"] is False


def test_parse_rules_accepts_kebab_and_snake_keys_and_lists() -> None:
    got = parse_rules(
        {"min_shared": 0.3, "max-unique": 1, "fail-on": ["number", "quote"], "min-reports": 2},
        "x",
    )
    assert got == {
        "min_shared": 0.3,
        "max_unique": 1.0,
        "fail_on": frozenset({"number", "quote"}),
        "min_reports": 2,
    }
    assert parse_rules({"fail-on": "number, negation,"}, "x") == {
        "fail_on": frozenset({"number", "negation"})
    }
    assert parse_rules({"min-shared": None}, "x") == {}


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"min-shared": 1.5}, "min-shared must be a number from 0 to 1"),
        ({"max-unique": "0.3"}, "max-unique must be a number from 0 to 1"),
        ({"min-reports": 0}, "min-reports must be a whole number"),
        ({"min-reports": True}, "min-reports must be a whole number"),
        ({"fail-on": "number,sarcasm"}, "unknown signal type 'sarcasm'"),
        ({"fail-on": 3}, "fail-on must be signal types"),
        ({"min-share": 0.3}, "unknown rule 'min-share'"),
    ],
)
def test_parse_rules_rejects_bad_values(values: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_rules(values, "cfg")


def test_describe_lists_active_rules_in_cli_spelling() -> None:
    rules = Rules(min_shared=0.3, fail_on=frozenset({"quote", "number"}), min_reports=2)
    assert rules.describe() == "min-shared 0.3, fail-on number,quote, min-reports 2"
    assert Rules().describe() == "no rules"


def test_config_is_found_upward_and_newsdiff_toml_wins(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname='x'\n[tool.newsdiff]\nmin-shared = 0.2\nfail-on = ['number']\n",
        encoding="utf-8",
    )
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "pyproject.toml"
    rules, path = resolve_rules({}, cwd=deep)
    assert path == tmp_path / "pyproject.toml"
    assert rules == Rules(min_shared=0.2, fail_on=frozenset({"number"}))
    (tmp_path / "a" / "newsdiff.toml").write_text("max-unique = 0.9\n", encoding="utf-8")
    rules, path = resolve_rules({}, cwd=deep)
    assert path == tmp_path / "a" / "newsdiff.toml"
    assert rules == Rules(max_unique=0.9)


def test_pyproject_without_table_is_skipped_and_search_stops_at_repo_root(tmp_path: Path) -> None:
    (tmp_path / "newsdiff.toml").write_text("min-shared = 0.9\n", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    # The newsdiff.toml above the repository root is not the repository's policy.
    assert find_config(repo) is None
    assert find_config(tmp_path) == tmp_path / "newsdiff.toml"


def test_cli_options_override_the_file(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "newsdiff.toml").write_text(
        "min-shared = 0.2\nmax-unique = 0.8\nfail-on = 'number'\n", encoding="utf-8"
    )
    rules, _ = resolve_rules(
        {"min-shared": 0.5, "max-unique": None, "fail-on": "", "min-reports": 3}, cwd=tmp_path
    )
    assert rules == Rules(min_shared=0.5, max_unique=0.8, fail_on=frozenset(), min_reports=3)


def test_explicit_config_and_its_errors(tmp_path: Path) -> None:
    cfg = tmp_path / "policy.toml"
    cfg.write_text("min-reports = 3\n", encoding="utf-8")
    assert resolve_rules({}, str(cfg))[0] == Rules(min_reports=3)
    with pytest.raises(UsageError, match="no such config file"):
        resolve_rules({}, str(tmp_path / "missing.toml"))
    cfg.write_text("min-reports = [\n", encoding="utf-8")
    with pytest.raises(UsageError, match="invalid TOML"):
        resolve_rules({}, str(cfg))
    cfg.write_text("min-reports = 1\nfail_on = ['tone', 'wording']\nbogus = 1\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"policy.toml: unknown rule 'bogus'"):
        resolve_rules({}, str(cfg))


def test_pyproject_tool_newsdiff_must_be_a_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool]\nnewsdiff = 3\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"\[tool.newsdiff\] must be a table"):
        find_config(tmp_path)
