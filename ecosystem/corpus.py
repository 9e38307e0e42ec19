"""The ecosystem corpus: pinned repositories, their labels, where they are laid out, and runs of
the tracewire binary on them. Shared by `layout`, `check` and `mutate`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CORPUS_VAR = "TRACEWIRE_ECOSYSTEM_CORPUS"
# The folder holding repos.toml, labels/, history.toml, mutations.toml and mutants.toml: this
# one, unless $TRACEWIRE_ECOSYSTEM_CORPUS names another (the scripts' own tests use a small one).
HERE = Path(os.environ.get(CORPUS_VAR) or Path(__file__).resolve().parent)
SNAPSHOTS_VAR = "TRACEWIRE_ECOSYSTEM_SNAPSHOTS"
LAYOUT_VAR = "TRACEWIRE_ECOSYSTEM_DIR"
VERDICTS = ("true", "false", "debatable")
EDGE_KINDS = ("http", "grpc", "messaging")
EDGE_STATUSES = ("ok", "broken")
NEAR_LINES = 5

EXTENSION_LANGUAGE = {
    ".go": "go",
    ".py": "python",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".tsx": "typescript",
    ".java": "java",
    ".cs": "csharp",
    ".rs": "rust",
}
LANGUAGES = ("go", "python", "javascript", "typescript", "java", "csharp", "rust")


class CorpusError(Exception):
    """A corpus file that cannot be used as written; the message says which and why."""


@dataclass
class Repo:
    """One pinned repository of the corpus."""

    name: str
    commit: str
    path: str
    languages: list[str]
    tags: list[str]
    holdout: bool

    @property
    def slug(self) -> str:
        """`owner__repo`, the name of its labels file and layout folder."""
        return self.name.replace("/", "__")


@dataclass
class Labels:
    """A reviewer's labels for one repository."""

    diagnostics: list[dict] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    commit: str = ""


@dataclass
class Case:
    """A commit that fixed broken tracing, with the defect's place at its parent."""

    repo: str
    fix: str
    parent: str
    path: str
    file: str
    line: int
    rule: str
    reason: str

    @property
    def slug(self) -> str:
        """The case's layout name stem."""
        return self.repo.replace("/", "__")


def _load_toml(path: Path) -> dict:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise CorpusError(f"{path}: does not exist") from None
    except tomllib.TOMLDecodeError as e:
        raise CorpusError(f"{path}: not valid TOML: {e}") from None


def _require(table: dict, key: str, kind: type, where: str):
    value = table.get(key)
    if not isinstance(value, kind):
        raise CorpusError(f"{where}: `{key}` must be a {kind.__name__}, found {value!r}")
    return value


def _commit(value: str, where: str) -> str:
    if not re.fullmatch(r"[0-9a-f]{40}", value):
        raise CorpusError(f"{where}: commit {value!r} is not 40 lowercase hex digits")
    return value


def load_repos(path: Path = HERE / "repos.toml") -> list[Repo]:
    """The corpus, in file order; names are unique."""
    doc = _load_toml(path)
    repos, seen = [], set()
    for i, entry in enumerate(doc.get("repo", [])):
        where = f"{path.name} [[repo]] #{i + 1}"
        name = _require(entry, "name", str, where)
        if not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", name):
            raise CorpusError(f"{where}: name {name!r} is not owner/repo")
        if name in seen:
            raise CorpusError(f"{where}: {name} is listed twice")
        seen.add(name)
        languages = entry.get("languages", [])
        unknown = [l for l in languages if l not in LANGUAGES]
        if unknown:
            raise CorpusError(f"{where}: unknown languages {unknown}; known: {list(LANGUAGES)}")
        repos.append(
            Repo(
                name=name,
                commit=_commit(_require(entry, "commit", str, where), where),
                path=entry.get("path", "").strip("/"),
                languages=languages,
                tags=entry.get("tags", []),
                holdout=bool(entry.get("holdout", False)),
            )
        )
    return repos


def load_labels(repo: Repo) -> Labels | None:
    """The repository's labels, or None when it has no labels file yet."""
    path = HERE / "labels" / f"{repo.slug}.toml"
    if not path.exists():
        return None
    doc = _load_toml(path)
    where = path.name
    if doc.get("repo") != repo.name:
        raise CorpusError(f"{where}: `repo` is {doc.get('repo')!r}, expected {repo.name!r}")
    labels = Labels(
        diagnostics=doc.get("diagnostic", []),
        missed=doc.get("missed", []),
        edges=doc.get("edge", []),
        commit=doc.get("commit", ""),
    )
    if labels.commit != repo.commit:
        raise CorpusError(
            f"{where}: labelled at {labels.commit[:12] or '?'}, but repos.toml pins "
            f"{repo.commit[:12]}: relabel or re-pin"
        )
    for i, d in enumerate(labels.diagnostics):
        w = f"{where} [[diagnostic]] #{i + 1}"
        for key in ("fingerprint", "rule", "path", "reason"):
            _require(d, key, str, w)
        if d.get("verdict") not in VERDICTS:
            raise CorpusError(f"{w}: verdict {d.get('verdict')!r} is not one of {VERDICTS}")
    for i, m in enumerate(labels.missed):
        w = f"{where} [[missed]] #{i + 1}"
        for key in ("rule", "path", "reason"):
            _require(m, key, str, w)
        _require(m, "line", int, w)
    for i, e in enumerate(labels.edges):
        w = f"{where} [[edge]] #{i + 1}"
        for key in ("from", "to", "kind"):
            _require(e, key, str, w)
        if e["kind"] not in EDGE_KINDS:
            raise CorpusError(f"{w}: kind {e['kind']!r} is not one of {EDGE_KINDS}")
        if e.get("exists", True) and e.get("status") not in EDGE_STATUSES:
            raise CorpusError(f"{w}: status {e.get('status')!r} is not one of {EDGE_STATUSES}")
    return labels


def load_history(path: Path = HERE / "history.toml") -> list[Case]:
    """The history set (empty when the file does not exist yet)."""
    if not path.exists():
        return []
    doc = _load_toml(path)
    cases = []
    for i, c in enumerate(doc.get("case", [])):
        where = f"{path.name} [[case]] #{i + 1}"
        cases.append(
            Case(
                repo=_require(c, "repo", str, where),
                fix=_commit(_require(c, "fix", str, where), where),
                parent=_commit(_require(c, "parent", str, where), where),
                path=c.get("path", "").strip("/"),
                file=_require(c, "file", str, where),
                line=_require(c, "line", int, where),
                rule=_require(c, "rule", str, where),
                reason=_require(c, "reason", str, where),
            )
        )
    return cases


def layout_root() -> Path:
    """Where repositories are laid out (`$TRACEWIRE_ECOSYSTEM_DIR`, else target/ecosystem)."""
    return Path(os.environ.get(LAYOUT_VAR) or PROJECT / "target" / "ecosystem")


def snapshot_git_dir(name: str) -> Path | None:
    """The git directory of a repository's snapshot, or None when it is not there.

    Snapshots live under `$TRACEWIRE_ECOSYSTEM_SNAPSHOTS` as `owner+repo/repo` (what the fetch
    tool lays down), `owner+repo` or `owner__repo`, bare or with a `.git` folder."""
    root = os.environ.get(SNAPSHOTS_VAR)
    if not root:
        raise CorpusError(
            f"{SNAPSHOTS_VAR} is not set: point it at the folder holding the repositories' git "
            "snapshots (owner+repo/repo)"
        )
    owner, repo = name.split("/")
    for stem in (f"{owner}+{repo}", f"{owner}__{repo}"):
        for candidate in (Path(root) / stem / "repo", Path(root) / stem / ".git", Path(root) / stem):
            if (candidate / "HEAD").is_file() and (candidate / "objects").is_dir():
                return candidate
    return None


def has_commit(git_dir: Path, commit: str) -> bool:
    """Whether the snapshot holds the commit."""
    r = subprocess.run(
        ["git", f"--git-dir={git_dir}", "cat-file", "-e", f"{commit}^{{commit}}"],
        capture_output=True,
    )
    return r.returncode == 0


def extract(git_dir: Path, commit: str, into: Path) -> int:
    """Writes the commit's tree into `into` (replacing what was there), stamped with the commit.

    Snapshots may lack large blobs; those files are left out. Returns how many were."""
    import shutil

    if into.exists():
        shutil.rmtree(into)
    into.mkdir(parents=True)
    git = ["git", f"--git-dir={git_dir}"]
    listing = subprocess.run([*git, "ls-tree", "-r", "-z", "--full-tree", commit], capture_output=True)
    if listing.returncode != 0:
        raise CorpusError(f"could not list {commit[:12]} in {git_dir}: {listing.stderr.decode()[:300]}")
    entries = []
    for record in listing.stdout.split(b"\0"):
        if not record:
            continue
        meta, path = record.split(b"\t", 1)
        mode, kind, sha = meta.split()
        if kind == b"blob":
            entries.append((mode, sha.decode(), path.decode("utf-8", "surrogateescape")))
    batch = subprocess.run(
        [*git, "cat-file", "--batch"],
        input="".join(f"{sha}\n" for _, sha, _ in entries).encode(),
        capture_output=True,
    )
    out, pos, left_out = batch.stdout, 0, 0
    for mode, sha, path in entries:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if header[-1] == b"missing":
            left_out += 1
            continue
        size = int(header[2])
        data, pos = out[pos : pos + size], pos + size + 1
        target = into / path
        if ".." in Path(path).parts:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if mode == b"120000":
            continue  # symlinks are not followed by tracewire's walk; leave them out
        target.write_bytes(data)
    (into / ".tracewire-commit").write_text(commit + "\n")
    return left_out


def laid_out(into: Path, commit: str) -> bool:
    """Whether `into` already holds exactly this commit."""
    stamp = into / ".tracewire-commit"
    return stamp.is_file() and stamp.read_text().strip() == commit


def repo_dir(repo: Repo) -> Path:
    """The laid-out checkout of a corpus repository."""
    return layout_root() / "repos" / repo.slug


def case_dir(case: Case, commit: str) -> Path:
    """The laid-out checkout of a history case at one of its two commits."""
    return layout_root() / "history" / f"{case.slug}@{commit[:12]}"


def language_of(path: str) -> str | None:
    """The source language of a file, by extension; None for configuration and manifests."""
    return EXTENSION_LANGUAGE.get(Path(path).suffix.lower())


def family(language: str | None) -> str | None:
    """The reporting language: JavaScript and TypeScript are one family (`js/ts`)."""
    if language in ("javascript", "typescript"):
        return "js/ts"
    return language


def run_json(binary: Path, args: list[str]) -> dict:
    """Runs tracewire and parses its JSON output; a failure raises with its stderr."""
    r = subprocess.run([str(binary), *args], capture_output=True)
    if r.returncode not in (0, 1):
        raise CorpusError(f"tracewire {' '.join(args)} exited {r.returncode}: {r.stderr.decode()[:500]}")
    try:
        return json.loads(r.stdout)
    except json.JSONDecodeError as e:
        raise CorpusError(f"tracewire {' '.join(args)}: output is not JSON ({e})") from None


def analyse(binary: Path, root: Path, threads: int = 1) -> tuple[list[dict], dict, list[dict]]:
    """tracewire's diagnostics, service map and services (name and folder) of one folder."""
    check = run_json(
        binary,
        ["check", str(root), "--format", "json", "--fail-on", "never", "--no-config", "--threads", str(threads)],
    )
    graph = run_json(binary, ["map", str(root), "--format", "json"])
    return check["diagnostics"], graph, check["summary"]["services"]


def near(diagnostic: dict, path: str, line: int, lines: int = NEAR_LINES) -> bool:
    """Whether a diagnostic or one of its labels lands in `path` within `lines` of `line`."""
    places = [(diagnostic["path"], diagnostic["line"])]
    places += [(l["path"], l["line"]) for l in diagnostic.get("labels", [])]
    return any(p == path and abs(l - line) <= lines for p, l in places)


def die(message: str) -> None:
    """Prints an error and exits 2."""
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)
