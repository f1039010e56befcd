"""Run glossary-export's readers on ../shared/real-glossaries and compare with expected.json.

Usage (from a checkout): python benchmarks/real_glossaries.py [FILE ...]
Prints, per file: rows read (before merging) vs the expected count, how many expected samples
were found verbatim as (term, definition) pairs, and any error. Exit 0 always: it is a report.
"""

import json
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from glossary_export import load_glossary

ROOT = next(
    folder / "shared" / "real-glossaries"
    for folder in Path(__file__).resolve().parents[1].parents
    if (folder / "shared" / "real-glossaries").is_dir()
)
expected = json.loads((ROOT / "expected.json").read_text())
names = sys.argv[1:] or list(expected)
for name in names:
    want = expected[name]
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            glossary = load_glossary(str(ROOT / name))
        pairs = {(t.term, t.definition) for t in glossary.terms}
        with_def = [t for t in glossary.terms if t.definition.strip()]
        found = sum(1 for s in want["samples"] if tuple(s) in pairs)
        missing = [s for s in want["samples"] if tuple(s) not in pairs]
        status = "OK " if len(with_def) == want["count"] and not missing else "BAD"
        print(
            f"{status} {name}: {len(with_def)} read (+{len(glossary.terms) - len(with_def)} empty) "
            f"/ {want['count']} expected; samples {found}/{len(want['samples'])}; "
            f"warnings {len(caught)}"
        )
        for s in missing[:2]:
            print(f"      missing sample {s!r}")
    except Exception as error:  # a report, not a test
        print(f"ERR {name}: {type(error).__name__}: {error}")
