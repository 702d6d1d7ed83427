"""``drafter compare``: readable summary, JSON contract, related mode, errors."""

from __future__ import annotations

import json

import pytest

from drafter.cli import main

CUBA = "families/cuba-embargo/"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["compare", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_summary_lists_changed_paragraphs(capsys, corpus) -> None:
    code, out, _ = run(
        capsys, str(corpus / CUBA / "A_RES_73_8-EN.pdf"), str(corpus / CUBA / "A_RES_80_4.md")
    )
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("A/RES/73/8 (") and "-> A/RES/80/4 (" in first
    assert "unchanged" in out.splitlines()[1]
    assert "OP 4 -> OP 4: modified" in out
    assert "[-seventy-fourth-]{+eighty-first+}" in out
    assert "unchanged\n" not in out.split("\n\n", 1)[1]  # unchanged pairs are not listed


def test_ignore_formatting_hides_formatting_only_changes(capsys, corpus) -> None:
    args = (str(corpus / CUBA / "A_RES_73_8-EN.pdf"), str(corpus / CUBA / "A_RES_80_4.md"))
    _, full, _ = run(capsys, *args, "--ignore", "none")
    _, quiet, _ = run(capsys, *args, "--ignore-formatting", "--ignore", "none")
    _, default, _ = run(capsys, *args)  # the one formatting change here is a hyphen variant
    assert "formatting only" in full.split("\n\n", 1)[1]
    assert "formatting only" not in quiet.split("\n\n", 1)[1]
    assert "formatting only" not in default.split("\n\n", 1)[1]
    code, _, err = run(capsys, *args, "--ignore", "hyphen")
    assert code == 2 and "unknown --ignore value 'hyphen'" in err


def test_json_contract(capsys, samples) -> None:
    old, new = samples / "A_68_L5_draft_illustrative.md", samples / "A_RES_68_4.md"
    code, out, _ = run(capsys, str(old), str(new), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["mode"] == "versions"
    assert data["old"]["paragraphs"] and data["new"]["paragraphs"]
    texts_old = {p["id"]: p["text"] for p in data["old"]["paragraphs"]}
    texts_new = {p["id"]: p["text"] for p in data["new"]["paragraphs"]}
    for pair in data["pairs"]:
        assert {"kind", "old", "new", "similarity", "approximate", "diff"} <= set(pair)
        if pair["old"] and pair["new"]:
            assert "".join(t for op, t in pair["diff"] if op <= 0) == "\n".join(
                texts_old[i] for i in pair["old"]
            )
            assert "".join(t for op, t in pair["diff"] if op >= 0) == "\n".join(
                texts_new[i] for i in pair["new"]
            )
    assert data["summary"]["changes"] > 0
    assert sum(
        data["summary"][k]
        for k in ("unchanged", "modified", "moved", "inserted", "deleted", "split", "merged")
    ) == len(data["pairs"])


def test_related_json(capsys, samples) -> None:
    code, out, _ = run(
        capsys,
        str(samples / "A_RES_67_219.pdf.txt"),
        str(samples / "A_RES_68_4.md"),
        "--related",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["mode"] == "related"
    assert data["links"] and {"old", "new", "score", "shared", "strong"} <= set(data["links"][0])


def test_related_text_output(capsys, samples) -> None:
    code, out, _ = run(
        capsys, str(samples / "A_RES_67_219.pdf.txt"), str(samples / "A_RES_68_4.md"), "--related"
    )
    assert code == 0
    assert "OP 3(c)(iv):" in out and "labour mobility" in out
    # Strong links first; a marked line before the weak ones of a paragraph.
    block = out.split("OP 3(c)(iv):")[1].split("\n\n")[0]
    assert block.index("#1 -> OP 18") < block.index("weak") < block.index("#3 ->")


@pytest.mark.parametrize(
    "extra",
    [
        ["--side-by-side"],
        ["--with-notes"],
        ["--timeout", "-1"],
        ["--min-score", "0.5"],
        ["--related", "--min-score", "2"],
    ],
)
def test_bad_options_are_user_errors(capsys, samples, extra) -> None:
    code, _, err = run(
        capsys, str(samples / "A_RES_68_4.md"), str(samples / "A_RES_68_4.md"), *extra
    )
    assert code == 2 and err.startswith("drafter: ") and "Traceback" not in err


def test_missing_file_is_a_user_error(capsys, tmp_path, samples) -> None:
    code, _, err = run(capsys, str(tmp_path / "nope.md"), str(samples / "A_RES_68_4.md"))
    assert code == 2 and err.startswith("drafter: ") and "nope.md" in err


@pytest.mark.parametrize("extra", [[], ["--side-by-side"], ["--related"]])
def test_docx_output(capsys, samples, tmp_path, extra) -> None:
    out_path = tmp_path / "cmp.docx"
    code, out, _ = run(
        capsys,
        str(samples / "A_68_L5_draft_illustrative.md"),
        str(samples / "A_RES_68_4.md"),
        "--docx",
        str(out_path),
        *extra,
    )
    assert code == 0
    assert out_path.stat().st_size > 1000
    assert str(out_path) in out


def test_docx_with_json_keeps_stdout_json(capsys, samples, tmp_path) -> None:
    out_path = tmp_path / "cmp.docx"
    code, out, err = run(
        capsys,
        str(samples / "A_RES_68_4.md"),
        str(samples / "A_RES_68_4.md"),
        "--json",
        "--docx",
        str(out_path),
    )
    assert code == 0 and json.loads(out)["mode"] == "versions"
    assert str(out_path) in err


def test_related_min_score(capsys, samples) -> None:
    args = (
        str(samples / "A_RES_67_219.pdf.txt"),
        str(samples / "A_RES_68_4.md"),
        "--related",
        "--json",
    )
    _, loose, _ = run(capsys, *args)
    _, strict, _ = run(capsys, *args, "--min-score", "0.4")
    strict_links = json.loads(strict)["links"]
    assert 0 < len(strict_links) < len(json.loads(loose)["links"])
    assert all(lk["score"] >= 0.4 for lk in strict_links)
