"""Export the bundled study page from Python, with the same power as the command line.

Run: python examples/export_example.py [OUT_DIR]   (default: ./out)
"""

from __future__ import annotations

import sys
from pathlib import Path

from glossary_export import export_deck, load_glossary

PAGE = Path(__file__).with_name("llm-glossary-page.txt")


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    glossary = load_glossary(PAGE)
    print(f"{PAGE.name}: {len(glossary)} rows; description: {glossary.description!r}")

    report = export_deck(
        PAGE,
        [out_dir / "llm.apkg", out_dir / "llm.txt", out_dir / "llm.csv", out_dir / "llm.xlsx"],
        deck="LLM::Fine-tuning and safeguarding",
        tags=["llm"],
    )
    print(
        f"{report.unique_terms} unique terms, {report.duplicates_removed} duplicates removed, "
        f"{report.conflicts} conflicts"
    )
    for written in report.files:
        print(f"wrote {written.terms} terms to {written.path} ({written.format})")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out"))
