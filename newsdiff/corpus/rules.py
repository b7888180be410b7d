"""Rules for `newsdiff check`: thresholds a cluster must meet, from options or a config file."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newsdiff.errors import UsageError
from newsdiff.model import SIGNAL_TYPES
from newsdiff.records import CheckResult, ClusterRecord, Failure

# Rule names as written on the command line and in config files.
RULE_KEYS = ("min-shared", "max-unique", "fail-on", "min-reports")
CONFIG_NAMES = ("newsdiff.toml", "pyproject.toml")


@dataclass(frozen=True)
class Rules:
    """The policy a cluster must meet; None (or empty) means the rule is off."""

    min_shared: float | None = None
    max_unique: float | None = None
    fail_on: frozenset[str] = frozenset()
    min_reports: int | None = None

    def describe(self) -> str:
        """Return the active rules in their command-line spelling."""
        parts = []
        if self.min_shared is not None:
            parts.append(f"min-shared {self.min_shared:g}")
        if self.max_unique is not None:
            parts.append(f"max-unique {self.max_unique:g}")
        if self.fail_on:
            parts.append("fail-on " + ",".join(t for t in SIGNAL_TYPES if t in self.fail_on))
        if self.min_reports is not None:
            parts.append(f"min-reports {self.min_reports}")
        return ", ".join(parts) or "no rules"


def evaluate(record: ClusterRecord, rules: Rules) -> CheckResult:
    """Apply the rules to one cluster's record."""
    # The file a failure is about: the cluster's first report, or the signal's report.
    first = record.files[0] if record.files else None
    if record.error is not None:
        return CheckResult(record, (Failure("error", record.error, file=first),))
    failures: list[Failure] = []
    if rules.min_reports is not None and record.reports < rules.min_reports:
        failures.append(
            Failure(
                "min-reports",
                f"{record.reports} reports, fewer than min-reports {rules.min_reports}",
                file=first,
            )
        )
    shared = record.shares.get("shared", 0.0)
    if rules.min_shared is not None and shared < rules.min_shared:
        failures.append(
            Failure(
                "min-shared",
                f"share of sentences shared {shared:.3f} is below min-shared {rules.min_shared:g}",
                file=first,
            )
        )
    unique = record.shares.get("unique", 0.0)
    if rules.max_unique is not None and unique > rules.max_unique:
        failures.append(
            Failure(
                "max-unique",
                f"share of sentences unique {unique:.3f} is above max-unique {rules.max_unique:g}",
                file=first,
            )
        )
    for kind in SIGNAL_TYPES:
        count = record.signals.get(kind, 0)
        if kind in rules.fail_on and count:
            evidence = tuple(text for t, text in record.examples if t == kind)
            noun = "signal" if count == 1 else "signals"
            file = record.signal_files.get(kind, first)
            failures.append(Failure("fail-on", f"{count} {kind} {noun}", evidence, file))
    return CheckResult(record, tuple(failures))


def parse_rules(values: Mapping[str, Any], origin: str) -> dict[str, Any]:
    """Validate rule values (kebab- or snake-case keys) into Rules field values."""
    out: dict[str, Any] = {}
    for raw_key, value in values.items():
        key = raw_key.replace("_", "-")
        if key not in RULE_KEYS:
            known = ", ".join(RULE_KEYS)
            raise UsageError(f"{origin}: unknown rule {raw_key!r} (known rules: {known})")
        if value is None:
            continue
        if key in ("min-shared", "max-unique"):
            out[key.replace("-", "_")] = _share(value, key, origin)
        elif key == "min-reports":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise UsageError(f"{origin}: {key} must be a whole number of 1 or more")
            out["min_reports"] = value
        else:
            out["fail_on"] = _signal_types(value, origin)
    return out


def _share(value: Any, key: str, origin: str) -> float:
    """Check that a share is a number from 0 to 1."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise UsageError(f"{origin}: {key} must be a number from 0 to 1, not {value!r}")
    return float(value)


def _signal_types(value: Any, origin: str) -> frozenset[str]:
    """Parse signal types from "number,quote" or ["number", "quote"]."""
    if isinstance(value, str):
        items = [v.strip() for v in value.split(",")]
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        items = [v.strip() for v in value]
    else:
        raise UsageError(f'{origin}: fail-on must be signal types, e.g. "number,quote"')
    types = frozenset(v for v in items if v)
    unknown = sorted(types - set(SIGNAL_TYPES))
    if unknown:
        raise UsageError(
            f"{origin}: unknown signal type {unknown[0]!r} in fail-on "
            f"(known types: {', '.join(SIGNAL_TYPES)})"
        )
    return types


def find_config(start: Path) -> Path | None:
    """Find newsdiff.toml, or a pyproject.toml with [tool.newsdiff], from `start` upward.

    The search stops at the repository root (a folder holding .git or .hg), so a policy
    never leaks in from folders above the project.
    """
    for folder in (start, *start.parents):
        own = folder / "newsdiff.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _tool_table(pyproject) is not None:
            return pyproject
        if (folder / ".git").exists() or (folder / ".hg").exists():
            return None
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file, failing with the file name."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: invalid TOML ({exc})") from None
    except UnicodeDecodeError:
        # tomllib decodes the bytes itself and lets this through (e.g. a UTF-16 file).
        raise UsageError(f"{path}: invalid TOML (not UTF-8 text)") from None


def _tool_table(path: Path) -> dict[str, Any] | None:
    """Return pyproject.toml's [tool.newsdiff] table, or None when it has none."""
    table = _read_toml(path).get("tool", {}).get("newsdiff")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.newsdiff] must be a table")
    return table


def load_config(path: Path) -> dict[str, Any]:
    """Read the rules of a config file (newsdiff.toml: top level; else [tool.newsdiff])."""
    table = _read_toml(path) if path.name != "pyproject.toml" else _tool_table(path) or {}
    return parse_rules(table, str(path))


def resolve_rules(
    options: Mapping[str, Any], config: str | None = None, cwd: Path | None = None
) -> tuple[Rules, Path | None]:
    """Combine the config file's rules with command-line options (options win)."""
    path = Path(config) if config is not None else find_config(cwd or Path.cwd())
    if config is not None and not path.is_file():  # type: ignore[union-attr]
        raise UsageError(f"{config}: no such config file")
    values = load_config(path) if path is not None else {}
    values.update(parse_rules(options, "command line"))
    return replace(Rules(), **values), path
