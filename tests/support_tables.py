"""Helpers for the Quizlet, CSV and Excel writer tests: independent readers of what they wrote."""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

from support_seed import glossary_of, seed_glossary  # noqa: F401  (re-exported)


def split_quizlet(
    text: str, term_separator: str = "\t", card_separator: str = "\n"
) -> list[tuple[str, str]]:
    """Quizlet's Import box rules: cards on the card separator, then each on the FIRST term
    separator. A card that does not split into exactly a term and a definition fails."""
    cards = []
    for number, card in enumerate(text.split(card_separator), start=1):
        parts = card.split(term_separator, 1)
        assert len(parts) == 2, f"card {number} has no term separator: {card!r}"
        cards.append((parts[0], parts[1]))
    return cards


def read_csv(path: Path) -> list[list[str]]:
    """All rows, header included, through the csv module (a BOM, if any, is dropped)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def read_xlsx(path: Path) -> dict[str, list[list[object]]]:
    """Every sheet's values through python-calamine (Rust's calamine), independent of XlsxWriter."""
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    return {
        name: workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        for name in workbook.sheet_names
    }


def xlsx_cell_types(path: Path, sheet_number: int = 1) -> tuple[set[str], int]:
    """The set of cell types (the ``t`` attribute, "n" when absent) on a sheet, and how many
    formula (``<f>``) elements it has, read from the raw XML."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(f"xl/worksheets/sheet{sheet_number}.xml").decode("utf-8")
    cells = re.findall(r"<c\b([^>]*)>", xml)
    types = set()
    for attributes in cells:
        match = re.search(r'\bt="([^"]+)"', attributes)
        types.add(match[1] if match else "n")
    return types, len(re.findall(r"<f\b", xml))


def write_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """A workbook with these sheets, in order, written by openpyxl; ``path``. openpyxl saves no
    value for a formula, as a workbook made by a program has none."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path
