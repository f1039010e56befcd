"""export_deck end to end: the bundled page through the real readers, every output read back by
an independent reader (Anki's backend, the csv module, calamine, Quizlet's split rules)."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from glossary_export import LimitError, OptionError, OutputError, export_deck, load_glossary
from support_anki import fresh_collection, import_package, notes
from support_tables import read_csv, read_xlsx, seed_glossary, split_quizlet

FOUR = ("deck.apkg", "deck.txt", "deck.csv", "deck.xlsx")


@pytest.fixture
def expected(seed_path: Path) -> list[tuple[str, str]]:
    """The page's unique entries in first-seen order, parsed independently of the readers."""
    return [(t.term, t.definition) for t in seed_glossary(seed_path).terms]


@pytest.fixture
def exported(seed_path: Path, tmp_path: Path) -> Path:
    report = export_deck(seed_path, [tmp_path / name for name in FOUR])
    assert (report.rows_read, report.unique_terms) == (100, 71)
    assert (report.duplicates_removed, report.conflicts) == (29, 0)
    assert [(f.path.name, f.format, f.terms) for f in report.files] == [
        ("deck.apkg", "apkg", 71),
        ("deck.txt", "quizlet", 71),
        ("deck.csv", "csv", 71),
        ("deck.xlsx", "xlsx", 71),
    ]
    return tmp_path


def test_anki_imports_exactly_the_unique_entries(
    exported: Path, expected: list[tuple[str, str]]
) -> None:
    with fresh_collection(exported / "anki") as col:
        log = import_package(col, exported / "deck.apkg")
        assert (log.new, log.conflicting) == (71, 0)
        assert [(n["Term"], n["Definition"]) for n in notes(col)] == expected
        assert col.decks.id_for_name("llm-glossary-page")


def test_quizlet_import_box_splits_the_same_cards(
    exported: Path, expected: list[tuple[str, str]]
) -> None:
    text = (exported / "deck.txt").read_text(encoding="utf-8")
    assert split_quizlet(text.removesuffix("\n")) == expected


def test_csv_reads_back_with_term_and_definition_first(
    exported: Path, expected: list[tuple[str, str]]
) -> None:
    header, *rows = read_csv(exported / "deck.csv")
    assert header[:2] == ["Term", "Definition"]
    assert [(row[0], row[1]) for row in rows] == expected


def test_xlsx_reads_back_with_calamine(exported: Path, expected: list[tuple[str, str]]) -> None:
    header, *rows = read_xlsx(exported / "deck.xlsx")["Terms"]
    assert header[:2] == ["Term", "Definition"]
    assert [(row[0], row[1]) for row in rows] == expected


def test_pairs_and_dataframes_export_like_files(tmp_path: Path) -> None:
    pairs = [("Bias", "Systematic error."), ("Drift", "Shift."), ("bias", "Systematic error.")]
    report = export_deck(pairs, tmp_path / "pairs.csv")
    assert (report.unique_terms, report.duplicates_removed) == (2, 1)
    assert report.deck == "Glossary"
    frame = pd.DataFrame(pairs, columns=["Term", "Definition"])
    export_deck(frame, [tmp_path / "frame.csv"], to_format="csv")
    assert read_csv(tmp_path / "pairs.csv") == read_csv(tmp_path / "frame.csv")


def test_one_failing_output_writes_none_and_keeps_older_files(tmp_path: Path) -> None:
    old_csv = tmp_path / "deck.csv"
    old_csv.write_bytes(b"older export\n")
    too_long = [("Bias", "x" * 40_000)]
    with pytest.raises(LimitError):
        export_deck(too_long, [old_csv, tmp_path / "deck.xlsx"])
    assert old_csv.read_bytes() == b"older export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.csv"]


def test_missing_output_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="the output folder does not exist"):
        export_deck([("a", "b")], tmp_path / "missing" / "deck.csv")


def test_source_date_epoch_makes_every_output_byte_identical(
    seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = tmp_path / "1", tmp_path / "2"
    for folder in (first, second):
        folder.mkdir()
        export_deck(seed_path, [folder / name for name in (*FOUR, "deck.anki.txt")])
    for name in (*FOUR, "deck.anki.txt"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_the_users_update_flow_through_export_deck(seed_path: Path, tmp_path: Path) -> None:
    """One page edited in place, exported to the same .apkg each time, imported with defaults."""
    page = tmp_path / "page.txt"
    page.write_bytes(seed_path.read_bytes())
    os.utime(page, (1_700_000_000, 1_700_000_000))
    deck = tmp_path / "deck.apkg"
    with fresh_collection(tmp_path / "anki") as col:
        export_deck(page, deck)
        assert import_package(col, deck).new == 71

        text = page.read_text(encoding="utf-8")
        text = text.replace("Mini-Batch Gradient Descent\n", "mini-batch gradient descent\n")
        text = text.replace("Direct Preference Optimisation", "Direct Preference Optimization")
        text = text.replace("Pipeline that retrieves", "A pipeline that retrieves")
        page.write_text(text, encoding="utf-8")
        os.utime(page, (1_700_000_600, 1_700_000_600))
        report = export_deck(page, deck)
        assert report.files[0].adjustments == {"respelled terms kept their note": 1}
        log = import_package(col, deck)
        assert (log.new, log.updated, log.conflicting) == (0, 3, 0)
        assert sorted(log.updated_terms) == [
            "Direct Preference Optimization (DPO)",
            "Retrieval-Augmented Generation (RAG)",
            "mini-batch gradient descent",
        ]

        export_deck(page, deck)  # nothing changed since
        log = import_package(col, deck)
        assert (log.new, log.updated, log.duplicate) == (0, 0, 71)


def test_progress_is_announced_stage_by_stage(seed_path: Path, tmp_path: Path) -> None:
    from glossary_export import Progress

    seen: list[Progress] = []
    export_deck(seed_path, [tmp_path / "deck.apkg", tmp_path / "deck.csv"], progress=seen.append)
    assert [(p.stage, p.step, p.steps, p.format) for p in seen] == [
        ("reading", 0, 4, ""),
        ("deduplicating", 1, 4, ""),
        ("writing", 2, 4, "apkg"),
        ("writing", 3, 4, "csv"),
        ("done", 4, 4, ""),
    ]
    assert [str(p) for p in seen[2:4]] == ["writing deck.apkg (apkg)", "writing deck.csv (csv)"]


def test_progress_counts_the_out_dir_outputs(seed_path: Path, tmp_path: Path) -> None:
    seen: list[str] = []
    export_deck(seed_path, out_dir=tmp_path, progress=lambda p: seen.append(f"{p.step}/{p.steps}"))
    assert seen == ["0/7", "1/7", "2/7", "3/7", "4/7", "5/7", "6/7", "7/7"]


def test_report_finds_near_duplicates_on_demand(tmp_path: Path) -> None:
    rows = [("Tokenizer", "Splits text."), ("Bias", "Error."), ("Tokeniser", "Splits text up.")]
    report = export_deck(rows, tmp_path / "deck.csv")
    assert report.findings == ()
    [near] = report.near_duplicates()
    assert (near.term.term, near.other.term if near.other else None) == ("Tokeniser", "Tokenizer")
    assert [f.kind for f in report.all_findings()] == ["near-duplicate"]


def test_a_guarded_csv_reads_back_as_the_glossary_it_came_from(tmp_path: Path) -> None:
    pairs = [("=SUM(A1)", "-1 is the answer"), ("@mention", "+plus")]
    report = export_deck(pairs, tmp_path / "deck.csv")
    assert report.files[0].adjustments == {"cells guarded against formulas": 4}
    first_row = read_csv(tmp_path / "deck.csv")[1]
    assert first_row[:2] == ["'=SUM(A1)", "'-1 is the answer"]
    again = load_glossary(tmp_path / "deck.csv")
    assert [(t.term, t.definition) for t in again.terms] == [
        ("=SUM(A1)", "-1 is the answer"),
        ("@mention", "+plus"),
    ]


def test_the_old_format_keywords_still_work_with_a_deprecation_warning(tmp_path: Path) -> None:
    source = tmp_path / "g.txt"
    source.write_text("Bias,Systematic error.\nDrift,Shift.\n", encoding="utf-8")
    with pytest.warns(DeprecationWarning, match=r"format= is deprecated; call it from_format="):
        old = load_glossary(source, format="csv")
    assert old.terms == load_glossary(source, from_format="csv").terms
    with pytest.warns(DeprecationWarning, match=r"call it to_format=") as caught:
        export_deck(source, tmp_path / "deck.dat", from_format="csv", format="csv")
    assert caught[0].filename == __file__  # the warning points at the caller's line
    assert read_csv(tmp_path / "deck.dat")[1] == ["Bias", "Systematic error.", "", ""]
    with pytest.raises(OptionError, match="give only to_format="):
        export_deck(source, tmp_path / "x.csv", format="csv", to_format="csv")


def test_the_public_dedupe_stays_the_function_after_an_export(tmp_path: Path) -> None:
    import glossary_export

    export_deck([("Bias", "Error.")], tmp_path / "deck.csv")
    assert callable(glossary_export.dedupe)
    glossary = load_glossary([("a", "x"), ("A", "x")])
    assert glossary_export.dedupe(glossary).unique_terms == 1


def test_no_public_name_is_also_a_submodule_name() -> None:
    import pkgutil

    import glossary_export

    submodules = {module.name for module in pkgutil.iter_modules(glossary_export.__path__)}
    assert submodules.isdisjoint(glossary_export.__all__)
