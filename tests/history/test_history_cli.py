"""``drafter history``: the compact table, the JSON contract, --family, errors."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from history_helpers import CUBA, HUM

from drafter.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["history", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_table_has_a_row_per_thread_and_a_column_per_version(capsys, corpus) -> None:
    code, out, err = run(capsys, *(str(corpus / f) for f in CUBA))
    assert code == 0 and not err
    lines = out.splitlines()
    assert "3 versions, 26 paragraph threads" in lines[0]
    head = next(ln for ln in lines if ln.lstrip().startswith("#"))
    assert head.split()[1:4] == ["A/RES/73/8", "A/80/L.6", "A/RES/80/4"]
    op5 = next(ln for ln in lines if "Decides to include in the provisional agenda" in ln)
    assert op5.split()[1:4] == ["5", "5*", "5"]
    sponsor = next(ln for ln in lines if "Cuba: draft resolution" in ln)
    assert sponsor.split()[1:5] == ["—", "¶", "3", "—"]
    assert lines[-1].startswith("* modified")


def test_json_shape(capsys, corpus) -> None:
    code, out, _ = run(capsys, *(str(corpus / f) for f in HUM), "--json")
    assert code == 0
    data = json.loads(out)
    assert [v["symbol"] for v in data["versions"]] == [
        "A/RES/46/182",
        "A/RES/47/168",
        "A/RES/48/57",
    ]
    assert set(data["versions"][0]) >= {"symbol", "date", "stage", "source"}
    assert data["versions"][2]["stage"] == "adopted"
    for thread in data["threads"]:
        for step in thread["steps"]:
            assert set(step) >= {"version", "id", "number", "kind", "change", "text"}
    report = next(t for t in data["threads"] if t["steps"][0]["number"] == "35(i)")
    assert [(s["version"], s["number"], s["change"]) for s in report["steps"]] == [
        (0, "35(i)", "unchanged"),
        (1, "10", "modified"),
        (2, "22", "modified"),
    ]
    assert report["steps"][2]["kind"] == "operative"
    assert report["steps"][2]["text"].startswith("Further requests the Secretary-General")


def test_changed_since_filters_threads(capsys, corpus, family_history) -> None:
    _, out, _ = run(
        capsys, *(str(corpus / f) for f in CUBA), "--json", "--changed-since", "A/80/L.6"
    )
    since = json.loads(out)
    assert since["changed_since"] == 1
    expected = family_history(CUBA).changed_since(1)
    assert [t["index"] for t in since["threads"]] == expected
    assert 0 < len(expected) < len(family_history(CUBA).threads)
    numbers = {s["number"] for t in since["threads"] for s in t["steps"]}
    assert "5" not in numbers  # OP 5 changed in L.6, not after it
    code, _, err = run(capsys, *(str(corpus / f) for f in HUM), "--changed-since", "9")
    assert code == 2 and "no version '9'" in err and "3 A/RES/48/57" in err


def test_one_version_and_unrelated_versions(capsys, corpus) -> None:
    code, out, err = run(capsys, str(corpus / CUBA[2]))
    assert code == 0 and "1 version," in out and not err
    code, out, err = run(
        capsys, str(corpus / CUBA[2]), str(corpus / "families/draft-to-adopted/A_RES_80_3.md")
    )
    assert code == 0
    assert "warning: A/RES/80/4 and A/RES/80/3 share no paragraph" in err


def test_docx_is_a_landscape_table(capsys, corpus, tmp_path) -> None:
    out_path = tmp_path / "history.docx"
    code, out, _ = run(capsys, *(str(corpus / f) for f in CUBA), "--docx", str(out_path))
    assert code == 0 and f"wrote {out_path}" in out
    with zipfile.ZipFile(out_path) as z:
        xml = z.read("word/document.xml").decode()
    assert 'w:orient="landscape"' in xml
    assert len(re.findall(r"<w:tr[ >]", xml)) == 27  # header + 26 threads
    assert "A/RES/73/8" in xml and "A/80/L.6" in xml
    assert "seventy-fourth" in xml and "<w:strike/>" in xml and '<w:u w:val="single"/>' in xml


@pytest.mark.parametrize(
    "argv, message",
    [
        ((), "give the versions' files"),
        (("--versions", "1,2"), "--versions needs --family"),
        (("nope.txt",), "nope.txt"),
    ],
)
def test_errors_are_one_line(capsys, argv, message) -> None:
    code, _out, err = run(capsys, *argv)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_family_from_the_library_in_negotiation_order(capsys, corpus, tmp_path) -> None:
    db = str(tmp_path / "lib.db")
    # imported out of order: the history orders them by session and stage
    for f in (CUBA[2], CUBA[0], CUBA[1]):
        assert main(["import", str(corpus / f), "--db", db]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "--family", "embargo", "--db", db, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert [v["symbol"] for v in data["versions"]] == ["A/RES/73/8", "A/80/L.6", "A/RES/80/4"]
    assert all(v["version_id"] for v in data["versions"])
    # the user's order wins
    ids = [v["version_id"] for v in data["versions"]]
    code, out, _ = run(
        capsys, "--family", "A/RES/80/4", "--db", db, "--json", "--versions", f"{ids[1]},{ids[0]}"
    )
    assert [v["symbol"] for v in json.loads(out)["versions"]] == [
        "A/80/L.6",
        "A/RES/73/8",
        "A/RES/80/4",
    ]
    code, _, err = run(capsys, "--family", "no such text", "--db", db)
    assert code == 2 and "no family 'no such text'" in err
    code, _, err = run(capsys, "--family", "x", "--db", str(tmp_path / "missing.db"))
    assert code == 2 and "--family needs a library" in err
