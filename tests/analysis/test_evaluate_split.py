"""bench/evaluate.py (issue 11, fifth round): the nested split of the tune half is fixed by the
manifest path and independent of the first split, tune-b is refused file by file like the judged
half, and the word-blind score leaves exactly the wording rules out."""

from __future__ import annotations

import pytest

from bench.evaluate import WORDING_RULES, main, nested_split_of, split_of, word_blind_score

PATHS = [f"unwanted/pot__{i:04d}.eml" for i in range(400)]


def test_the_nested_split_is_fixed_and_halves_the_tune_half() -> None:
    tune = [p for p in PATHS if split_of(p) == "tune"]
    sides = [nested_split_of(p) for p in tune]
    assert sides == [nested_split_of(p) for p in tune]
    a = sides.count("tune-a")
    assert set(sides) == {"tune-a", "tune-b"}
    assert 0.35 < a / len(tune) < 0.65  # a second hash, not the first one again


@pytest.mark.parametrize("sets", [["tune-b"], ["judge"], ["judge", "tune-b"]])
def test_held_out_sets_are_never_listed_file_by_file(sets: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--sets", *sets, "--list-misses", "unwanted"])
    assert "counts only" in capsys.readouterr().err


def test_word_blind_leaves_out_the_wording_rules_only() -> None:
    findings = ["scam_lure:high", "spam_content:high", "sender_format:medium", "shortener_link:medium"]
    assert word_blind_score(findings) == 20 + 15
    assert word_blind_score([f for f in findings if f.split(":")[0] in WORDING_RULES]) == 0
