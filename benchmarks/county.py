"""A realistic county catalogue made from the sample content, and the county-scale figures on it.

Usage:
  python benchmarks/county.py generate FOLDER        1,500 guides, 300 policies (15,000 articles),
                                                     20 bundles; deterministic
  python benchmarks/county.py measure FOLDER [--runs N]   import, lint, index, update and
                                                     search figures beside their baselines,
                                                     measured in one run

The sample's 43 guides stay as they are (the dev queries expect them); the other guides are
sample guides re-dressed as other services a county lists (their materials, conditions and steps,
under a new name, code, summary and aliases), so every file is as rich as a real one and lints.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import ACTIONS, OBJECTS, QUALIFIERS, SEED, Writer  # noqa: E402

from govtui.catalogue.yamldata import dump, to_data  # noqa: E402
from govtui.content.loader import load_library  # noqa: E402

GUIDES, POLICIES, ARTICLES, BUNDLES = 1500, 300, 15_000, 20
PYTHON = sys.executable
GOVTUI = str(Path(PYTHON).parent / "govtui")
DEV_QUERIES = ROOT.parent / "shared" / "eval" / "queries-dev.yaml"
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a clerk's machine


def _clean(text: str) -> str:
    """Jieba's common words include 审计, which lint reads as a working note in citizens' text."""
    return text.replace("审计", "审核")


def _names(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = f"{rng.choice(QUALIFIERS)}{rng.choice(OBJECTS)}{rng.choice(ACTIONS)}"
        if name not in taken:
            taken.add(name)
            names.append(name)
    return names


def generate(folder: Path) -> None:
    rng = random.Random(SEED)
    writer = Writer(rng)
    library = load_library(ROOT).library
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "guides", folder / "guides")
    shutil.copytree(ROOT / "policies", folder / "policies")
    samples = sorted(library.guides.values(), key=lambda guide: guide.id)
    taken = {guide.name for guide in samples}
    region = library.locality.region_code or "990105"
    made: list[str] = []
    for number, name in enumerate(_names(rng, GUIDES - len(samples), taken)):
        template = samples[number % len(samples)]
        data = to_data(template)
        guide_id = f"county-{number:05d}"
        data.update(
            id=guide_id,
            name=name,
            name_en=f"County service {number}",
            aliases=[f"{name}办理", f"办{name}"],
            summary=_clean(writer.paragraph(rng.randint(3, 5))),
            steps=[_clean(writer.sentence()) for _ in range(rng.randint(3, 5))],
        )
        data.pop("shared_aliases", None)
        basic = f"{template.codes.get('basic', '2000000000')[:5]}{number + 50000:05d}"
        data["codes"] = {"basic": basic, "implementation": f"{region}{basic}00100001"}
        path = folder / "guides" / template.category / f"{guide_id}.yaml"
        path.write_text(dump(data), encoding="utf-8")
        made.append(guide_id)
    _policies(writer, folder, POLICIES - len(library.policies), ARTICLES)
    for number in range(BUNDLES - len(library.bundles)):
        members = made[number * 4 : number * 4 + 4]
        bundle = {
            "id": f"county-bundle-{number:02d}",
            "name": f"{rng.choice(OBJECTS)}一件事（{number + 1}）",
            "name_en": f"County life event {number + 1}",
            "lead_department": "县政务服务中心",
            "office": library.locality.offices[0].id,
            "summary": _clean(writer.sentence()),
            "guides": members,
            "version": "1",
            "reviewed": "2026-11-01",
        }
        path = folder / "guides" / "bundles" / f"{bundle['id']}.yaml"
        path.write_text(dump(bundle), encoding="utf-8")
    print(f"{GUIDES} guides, {POLICIES} policies, {ARTICLES} articles, {BUNDLES} bundles: {folder}")


def _policies(writer: Writer, folder: Path, count: int, articles: int) -> None:
    rng = writer.rng
    existing = sum(len(p.articles) for p in load_library(ROOT).library.policies.values())
    each = (articles - existing) // count
    for number in range(count):
        data = {
            "id": f"county-policy-{number:03d}",
            "title": f"示例县{rng.choice(OBJECTS)}{rng.choice(ACTIONS)}办法（{number + 1}）",
            "issuer": "示例县人民政府",
            "doc_number": f"示县政发〔2026〕{number + 1}号",
            "issued": "2026-01-01",
            "effective": "2026-02-01",
            "status": "effective",
            "level": "local",
            "articles": [
                {
                    "number": str(article),
                    "heading": f"{rng.choice(OBJECTS)}{rng.choice(ACTIONS)}",
                    "digest": _clean(writer.paragraph(rng.randint(1, 3))),
                    "text": "official",
                }
                for article in range(1, each + 1)
            ],
        }
        (folder / "policies" / f"{data['id']}.yaml").write_text(dump(data), encoding="utf-8")


def _seconds(arguments: list[str], environment: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(
        arguments, check=False, capture_output=True, env={**os.environ, **(environment or {})}
    )
    return time.perf_counter() - started


def _median(arguments: list[str], runs: int, environment: dict[str, str] | None = None) -> float:
    return statistics.median(_seconds(arguments, environment) for _ in range(runs))


def measure(folder: Path, runs: int) -> None:
    """Each figure beside a baseline timed in the same run (the ratio says how far above it)."""
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="govtui-county-") as scratch:
        work = Path(scratch)
        sheet = work / "county.xlsx"
        subprocess.run([GOVTUI, "--content", str(folder), "export", "-o", str(sheet)], check=True)
        read_only = (
            f"import openpyxl; b = openpyxl.load_workbook({str(sheet)!r}, read_only=True); "
            "[list(s.iter_rows(values_only=True)) for s in b.worksheets]"
        )
        baseline = _median([PYTHON, "-c", read_only], runs)
        imports: list[float] = []
        for _ in range(runs):
            target = work / f"import-{len(imports)}"
            for name in ("_facts", "bundles"):
                shutil.copytree(folder / "guides" / name, target / "guides" / name)
            for name in ("_locality.yaml", "_categories.yaml", "_synonyms.yaml", "_calendar.yaml"):
                shutil.copy(folder / "guides" / name, target / "guides" / name)
            shutil.copytree(folder / "policies", target / "policies")
            imports.append(
                _seconds([GOVTUI, "import", "catalogue", str(sheet), "--out", str(target)])
            )
        again = _seconds([GOVTUI, "import", "catalogue", str(sheet), "--out", str(target)])
        rows.append(
            _row(
                "Import of the 1,500-row spreadsheet (.xlsx, fresh folder)",
                imports,
                baseline,
                "openpyxl read-only read of the same file",
                "≤ 30 s",
            )
        )
        rows.append(
            ("Re-import of the same spreadsheet (nothing changes)", f"{again:.1f} s", "", "")
        )
        load_only = (
            "import pathlib; from govtui.content.loader import load_library; "
            f"load_library(pathlib.Path({str(folder)!r}))"
        )
        baseline = _median([PYTHON, "-c", load_only], runs)
        # Cold: every run with a cache dir of its own, as on the first lint of a new catalogue.
        lints = [
            _seconds([GOVTUI, "lint", str(folder)], {"GOVTUI_CACHE_DIR": str(work / f"lint-{n}")})
            for n in range(runs)
        ]
        rows.append(
            _row(
                "Lint of the whole catalogue (`govtui lint`, empty cache)",
                lints,
                baseline,
                "loading the YAML alone (`load_library`)",
                "≤ 10 s",
            )
        )
        # Warm: an editor's lint after changing one guide, the other files' parses kept.
        warm_cache = {"GOVTUI_CACHE_DIR": str(work / "lint-0")}
        warm = _after_edits(folder, runs, [GOVTUI, "lint", str(folder)], warm_cache)
        rows.append(
            _row(
                "Lint again after editing one guide (parsed files kept)",
                warm,
                baseline,
                "loading the YAML alone (`load_library`)",
                "≤ 10 s",
            )
        )
        builds = []
        for number in range(max(1, runs // 3)):
            cache = {"GOVTUI_CACHE_DIR": str(work / f"cache-{number}")}
            builds.append(_seconds([GOVTUI, "--content", str(folder), "index"], cache))
        typer = _median([PYTHON, "-c", "import typer"], runs)
        rows.append(
            _row(
                "Index build from nothing (`govtui index`, empty cache)",
                builds,
                typer,
                "`import typer`",
                "≤ 60 s",
            )
        )
        built = {"GOVTUI_CACHE_DIR": str(work / "cache-0")}
        rows += _search_rows(folder, built, runs, "fresh build")
        index = [GOVTUI, "--content", str(folder), "index"]
        updates = _after_edits(folder, runs, index, built)
        rows.append(
            _row(
                "One edited guide re-indexed (whole `govtui index` process)",
                updates,
                typer,
                "`import typer`",
                "≤ 1 s",
            )
        )
        rows += _search_rows(folder, built, runs, f"after {runs} updates")
    print("| figure | govtui | baseline (same run) | target |\n|---|---:|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def _search_rows(
    folder: Path, environment: dict[str, str], runs: int, state: str
) -> list[tuple[str, str, str, str]]:
    """Cold `govtui search` beside `import typer` (taken in turns), and warm query latency."""
    cold: list[float] = []
    typer: list[float] = []
    search = [GOVTUI, "--content", str(folder), "search", "低保", "--json"]
    _seconds(search, environment)  # the first search after a build opens what it built
    for _ in range(max(10, runs)):
        cold.append(_seconds(search, environment))
        typer.append(_seconds([PYTHON, "-c", "import typer"]))
    cold_median, typer_median = statistics.median(cold), statistics.median(typer)
    warm = subprocess.run(
        [PYTHON, __file__, "warm", str(folder)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **environment},
    ).stdout.split()
    median, p95, count = float(warm[0]), float(warm[1]), int(warm[2])
    return [
        (
            f"Cold `govtui search 低保 --json` ({state})",
            f"{cold_median * 1000:.0f} ms ({len(cold)} runs)",
            f"`import typer`: {typer_median * 1000:.0f} ms; ×{cold_median / typer_median:.1f}",
            "≤ 3× `import typer`",
        ),
        (
            f"Warm query latency, dev and held-out queries ({state})",
            f"median {median:.1f} ms, p95 {p95:.1f} ms ({count} queries)",
            "",
            "p95 ≤ 20 ms",
        ),
    ]


def warm(folder: Path) -> None:
    """Child process: each dev and older held-out query, three times after one untimed pass."""
    import yaml

    from govtui.search.index import open_index

    texts = []
    for queries in (DEV_QUERIES, ROOT / "benchmarks" / "queries-holdout.yaml"):
        texts += [entry["query"] for entry in yaml.safe_load(queries.read_text("utf-8"))["queries"]]
    with open_index(folder) as index:
        for text in texts:
            index.search(text)
        times = []
        for _ in range(3):
            for text in texts:
                started = time.perf_counter()
                index.search(text)
                times.append(time.perf_counter() - started)
    times.sort()
    median, p95 = statistics.median(times), times[int(len(times) * 0.95)]
    print(f"{median * 1000:.2f} {p95 * 1000:.2f} {len(times)}")


def _after_edits(
    folder: Path, runs: int, arguments: list[str], environment: dict[str, str]
) -> list[float]:
    """Seconds `arguments` take after each of `runs` edits of one re-dressed guide's summary.

    The guide (not a sample one, which the dev queries expect) is put back as it was after.
    """
    edited = sorted((folder / "guides").glob("*/county-*.yaml"))[0]
    original = edited.read_text(encoding="utf-8")
    assert "\nsummary: " in original, edited
    times = []
    try:
        for number in range(runs):
            changed = original.replace("\nsummary: ", f"\nsummary: 第{number + 1}次修订。", 1)
            edited.write_text(changed, encoding="utf-8")
            times.append(_seconds(arguments, environment))
    finally:
        edited.write_text(original, encoding="utf-8")
    return times


def _row(
    figure: str, values: list[float], baseline: float, what: str, target: str
) -> tuple[str, str, str, str]:
    median = statistics.median(values)
    return (
        figure,
        f"{median:.1f} s ({len(values)} runs)",
        f"{what}: {baseline:.2f} s; ×{median / baseline:.1f}",
        target,
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # "warm" is the child process `measure` times warm queries in.
    parser.add_argument("action", choices=["generate", "measure", "warm"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args(argv)
    if arguments.action == "generate":
        generate(arguments.folder.resolve())
    elif arguments.action == "warm":
        warm(arguments.folder.resolve())
    else:
        measure(arguments.folder.resolve(), arguments.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
