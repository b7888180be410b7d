"""Find the clusters of a corpus: a folder of cluster folders or a JSON Lines file."""

from __future__ import annotations

import json
import os
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from newsdiff.errors import InputError
from newsdiff.sources.files import check_characters

CorpusKind = Literal["folder", "jsonl"]

_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders "2ecb" before "10ecb" (numbers compared as numbers)."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in _DIGITS.split(name) if part
    )


@dataclass(frozen=True)
class Article:
    """Where one report of a JSON Lines cluster sits in its file."""

    offset: int
    line: int


@dataclass(frozen=True)
class ClusterTask:
    """One cluster to compare: a small, picklable description of where its reports are.

    Folder clusters list their report files; JSON Lines clusters list the byte offsets of
    their articles. The worker reads them, so the task stays small and reading errors
    become that cluster's error row.
    """

    index: int
    name: str
    kind: CorpusKind
    # Folder corpora: the cluster folder. JSON Lines corpora: the file. As the user gave it:
    # output shows it.
    source: str
    files: tuple[str, ...] = ()
    articles: tuple[Article, ...] = ()
    text_field: str = "text"
    id_field: str = "id"
    # Why the cluster cannot be read, found while listing it (it becomes an error row).
    problem: str | None = None
    # `source` made absolute on the client, for workers whose working folder is elsewhere
    # (Dask). Empty: open `source` as it is.
    abspath: str = ""

    def located(self, path: str) -> str:
        """Return where a worker opens `path` (`source` or one of `files`): an absolute path."""
        if not self.abspath:
            return path
        if path == self.source:
            return self.abspath
        # A report file of a folder cluster: it sits directly in the cluster folder.
        return os.path.join(self.abspath, os.path.basename(path))

    @property
    def line(self) -> int | None:
        """Return the line of the cluster's first article (JSON Lines corpora only)."""
        return self.articles[0].line if self.articles else None


@dataclass
class _Index:
    """Byte offsets and line numbers of one JSON Lines cluster's articles."""

    offsets: array[int] = field(default_factory=lambda: array("q"))
    lines: array[int] = field(default_factory=lambda: array("q"))


@dataclass(frozen=True)
class JsonlFields:
    """Which fields of a JSON Lines article hold its cluster, its text and its name."""

    cluster: str = "cluster"
    text: str = "text"
    id: str = "id"


class Corpus:
    """The clusters of a corpus, in a stable order, yielded lazily as tasks."""

    def __init__(
        self,
        path: str,
        kind: CorpusKind,
        names: list[str],
        fields: JsonlFields,
        index: dict[str, _Index] | None = None,
    ) -> None:
        self.path = path
        # Resolved once, here on the client: workers may run in another folder (or machine).
        # abspath, not resolve(): a symlinked mount keeps the name the workers know it by.
        self.abspath = os.path.abspath(path)
        self.kind: CorpusKind = kind
        self.names = names
        self.fields = fields
        self._index = index or {}

    def __len__(self) -> int:
        return len(self.names)

    def tasks(self) -> Iterator[ClusterTask]:
        """Yield one task per cluster, in cluster order, listing each cluster only when asked."""
        for i, name in enumerate(self.names):
            if self.kind == "folder":
                folder = os.path.join(self.path, name)
                where = os.path.join(self.abspath, name)
                try:
                    files = _report_files(folder)
                except OSError as exc:
                    problem = f"{folder}: cannot read ({exc.strerror or exc})"
                    yield ClusterTask(i, name, "folder", folder, problem=problem, abspath=where)
                    continue
                # A .jsonl report in a cluster folder reads its articles' text from this field.
                yield ClusterTask(
                    i,
                    name,
                    "folder",
                    folder,
                    files=files,
                    text_field=self.fields.text,
                    abspath=where,
                )
            else:
                idx = self._index[name]
                articles = tuple(Article(o, n) for o, n in zip(idx.offsets, idx.lines, strict=True))
                yield ClusterTask(
                    i,
                    name,
                    "jsonl",
                    self.path,
                    articles=articles,
                    text_field=self.fields.text,
                    id_field=self.fields.id,
                    abspath=self.abspath,
                )


def _report_files(folder: str) -> tuple[str, ...]:
    """List the report files of a cluster folder (hidden files and subfolders left out)."""
    with os.scandir(folder) as it:
        entries = [e for e in it if not e.name.startswith(".") and e.is_file()]
    entries.sort(key=lambda e: natural_key(e.name))
    return tuple(e.path for e in entries)


def discover(path: str, fields: JsonlFields | None = None) -> Corpus:
    """Open a corpus: a folder of cluster folders, or a JSON Lines file of articles."""
    fields = fields or JsonlFields()
    p = Path(path)
    try:
        # exists() raises too, for a name too long or a path through a locked folder.
        missing, folder = not p.exists(), p.is_dir()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if missing:
        raise InputError(f"{path}: no such file or folder")
    if folder:
        return _discover_folder(path, fields)
    return _discover_jsonl(path, fields)


def _discover_folder(path: str, fields: JsonlFields) -> Corpus:
    """List the cluster folders of a corpus folder; files at its top (READMEs, gold) are skipped."""
    try:
        with os.scandir(path) as it:
            names = [e.name for e in it if not e.name.startswith(".") and e.is_dir()]
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not names:
        raise InputError(
            f"{path}: holds no cluster folders "
            "(a corpus is a folder of folders, one per event, or a JSON Lines file)"
        )
    names.sort(key=natural_key)
    deeper = _one_level_too_high(path, names)
    if deeper:
        tries = " or ".join(os.path.join(path, name) for name in deeper[:_HINTS])
        more = ", ..." if len(deeper) > _HINTS else ""
        raise InputError(
            f"{path}: no cluster folders with 2+ reports; its subfolders hold folders of "
            f"reports: try {tries}{more}"
        )
    return Corpus(path, "folder", names, fields)


# Folders suggested when a corpus path is one level too high.
_HINTS = 2


def _files_and_folders(folder: str) -> tuple[int, list[str]]:
    """Return how many report files a folder holds and its subfolders (unreadable: none)."""
    try:
        with os.scandir(folder) as it:
            entries = [e for e in it if not e.name.startswith(".")]
        return sum(e.is_file() for e in entries), [e.path for e in entries if e.is_dir()]
    except OSError:
        return 0, []


def _one_level_too_high(path: str, names: list[str]) -> list[str]:
    """Return the cluster folders that hold folders of reports when none holds 2+ reports.

    The usual mistake is `newsdiff corpus data` for `newsdiff corpus data/ecb`: every
    "cluster" then has no reports but folders that have. A corpus with one real cluster
    stops the search at it, so a large corpus lists one folder here, not all.
    """
    deeper = []
    for name in names:
        count, folders = _files_and_folders(os.path.join(path, name))
        if count >= 2:
            return []
        if any(_files_and_folders(f)[0] >= 2 for f in folders):
            deeper.append(name)
    return deeper


def _discover_jsonl(path: str, fields: JsonlFields) -> Corpus:
    """Index a JSON Lines file: each cluster's article offsets, clusters in order of first use."""
    index: dict[str, _Index] = {}
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below; offsets need a binary file
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with fh:
        offset = 0
        for lineno, raw in enumerate(fh, start=1):
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            cluster = _cluster_of(raw, path, lineno, fields.cluster)
            idx = index.get(cluster)
            if idx is None:
                idx = index[cluster] = _Index()
            idx.offsets.append(start)
            idx.lines.append(lineno)
    if not index:
        raise InputError(f"{path}: holds no articles")
    return Corpus(path, "jsonl", list(index), fields, index)


def _cluster_of(raw: bytes, path: str, lineno: int, key: str) -> str:
    """Return the cluster id of one JSON Lines article, or fail with the line number."""
    where = f"{path}:{lineno}"
    try:
        obj = json.loads(raw)
    except UnicodeDecodeError:
        raise InputError(f"{where}: not UTF-8 text") from None
    except ValueError as exc:
        hint = (
            " (a corpus is a folder of cluster folders or a JSON Lines file)" if lineno == 1 else ""
        )
        raise InputError(f"{where}: not valid JSON ({exc}){hint}") from None
    if not isinstance(obj, dict):
        raise InputError(f"{where}: not a JSON object")
    if key not in obj:
        raise InputError(f"{where}: no field {key!r} (name the cluster field with --cluster-field)")
    value = obj[key]
    # bool is an int subclass, but True as a cluster id is surely a mistake.
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(f"{where}: field {key!r} must be a string or an integer")
    if isinstance(value, str):
        # The cluster's name is printed: it must be made of real characters.
        check_characters(value, where, f"field {key!r} ")
    return str(value)
