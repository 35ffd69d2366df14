"""Input checks: text the library refuses, the error and code it refuses it with, and the CLI's exit."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from framing import analyze
from framing.errors import (
    BinaryInput,
    EmptyText,
    InvalidType,
    FramingError,
    HtmlInput,
    InvalidEncoding,
    TextTooLong,
    UnsupportedLanguage,
)
from framing.inputs import decode

FIXTURES = Path(__file__).parent / "fixtures"
FRAMING = Path(sys.executable).parent / "framing"

ENGLISH = "The city council voted on Tuesday to close two libraries, and the mayor said the savings would pay for road repairs."
FRENCH = (
    "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, qui sera présentée au Parlement "
    "dans les prochaines semaines. Les syndicats ont appelé à une grève nationale jeudi."
)
GERMAN = (
    "Die Bundesregierung hat am Dienstag ein neues Gesetz zur Energiewende vorgestellt, das noch in diesem "
    "Jahr vom Bundestag beschlossen werden soll. Die Opposition kritisierte den Entwurf scharf."
)
SPANISH = (
    "El gobierno anunció el martes un nuevo plan para reducir las emisiones de carbono, que será debatido "
    "en el Congreso durante las próximas semanas. Los sindicatos convocaron una huelga general."
)
ARABIC = "أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لخفض الانبعاثات الكربونية خلال السنوات العشر المقبلة"
CHINESE = "政府周二宣布了一项减少碳排放的新计划，该计划将在未来几周内提交议会讨论。"


REFUSED = [
    pytest.param("", EmptyText, "empty_text", id="empty"),
    pytest.param("  \n\t\r\n  ", EmptyText, "empty_text", id="whitespace_only"),
    pytest.param("The council met.\x00\x00\x01\x02 The vote was close.", BinaryInput, "binary_input", id="nul_bytes"),
    pytest.param("\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c" * 3 + ENGLISH, BinaryInput, "binary_input", id="control_characters"),
    pytest.param("<html><body><p>" + ENGLISH + "</p></body></html>", HtmlInput, "html_not_supported", id="html_document"),
    pytest.param("<body>\n<p>" + ENGLISH + "</p></body>", HtmlInput, "html_not_supported", id="html_body"),
    pytest.param("<b></b><br/>&nbsp;", EmptyText, "empty_text", id="markup_only"),
    pytest.param("<!DOCTYPE html>\n" + ENGLISH, HtmlInput, "html_not_supported", id="doctype"),
    pytest.param(FRENCH, UnsupportedLanguage, "unsupported_language", id="french"),
    pytest.param(GERMAN, UnsupportedLanguage, "unsupported_language", id="german"),
    pytest.param(SPANISH, UnsupportedLanguage, "unsupported_language", id="spanish"),
    pytest.param(ARABIC, UnsupportedLanguage, "unsupported_language", id="arabic_script"),
    pytest.param(CHINESE, UnsupportedLanguage, "unsupported_language", id="chinese_script"),
    # A non-string is refused as "no text given" (framing/inputs.py), not with a TypeError.
    pytest.param(None, InvalidType, "invalid_type", id="none"),
    pytest.param(42, InvalidType, "invalid_type", id="int"),
    pytest.param(ENGLISH.encode(), InvalidType, "invalid_type", id="bytes_not_decoded"),
]


@pytest.mark.parametrize(("text", "error", "code"), REFUSED)
def test_refused_input(text, error, code):
    with pytest.raises(error) as raised:
        analyze(text)
    assert isinstance(raised.value, FramingError)
    assert raised.value.code == code
    assert "\n" not in raised.value.message


def test_too_long_against_the_given_limit():
    with pytest.raises(TextTooLong) as raised:
        analyze(ENGLISH, max_chars=len(ENGLISH) - 1)
    assert raised.value.code == "text_too_long"
    assert analyze(ENGLISH, max_chars=len(ENGLISH))["document"]["words"] > 0


def test_title_is_checked_like_the_body():
    with pytest.raises(TextTooLong):
        analyze(ENGLISH, title="Council " * 200)
    with pytest.raises(HtmlInput):
        analyze(ENGLISH, title="<html><title>Libraries to close</title></html>")


ACCEPTED = [
    pytest.param(ENGLISH + " “C'est une honte,” a librarian said in French.", id="english_with_a_french_quote"),
    pytest.param(ENGLISH + " The margin was 5 < 6 votes, or > 80 percent of those present.", id="angle_brackets_not_tags"),
    pytest.param("Mayor says libraries will close", id="short_headline_like_text"),
    pytest.param("CNN Hires Woke Saints Safety Malcolm Jenkins to Comment on Race, Social Justice Issues", id="headline_of_names"),
    pytest.param("<p>" + ENGLISH + "</p>\n<p>The vote was 5 to 4.</p>", id="html_fragment_is_cleaned"),
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_accepted_input(text):
    assert analyze(text)["paragraphs"]


DECODED = [
    pytest.param("Zürich council says café tax will stay".encode(), "Zürich council says café tax will stay", id="utf8"),
    pytest.param(b"\xef\xbb\xbfThe council voted.", "The council voted.", id="byte_order_mark_dropped"),
]


@pytest.mark.parametrize(("raw", "text"), DECODED)
def test_decode(raw, text):
    assert decode(raw) == text


UNDECODABLE = [
    pytest.param("Caf\u00e9 owners protested.".encode("latin-1"), InvalidEncoding, "invalid_encoding", id="latin1"),
    pytest.param("The council voted.".encode("utf-16"), BinaryInput, "binary_input", id="utf16_has_nul_bytes"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput, "binary_input", id="png_header"),
]


@pytest.mark.parametrize(("raw", "error", "code"), UNDECODABLE)
def test_decode_refuses(raw, error, code):
    with pytest.raises(error) as raised:
        decode(raw)
    assert raised.value.code == code


# ---- the command line -------------------------------------------------------------------------

def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(FRAMING), "analyze", *args], input=stdin, capture_output=True, timeout=60)


CLI_REFUSALS = [
    pytest.param(None, "file_not_found", id="missing_file"),
    pytest.param(b"", "empty_text", id="empty_file"),
    pytest.param(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00", "binary_input", id="binary_file"),
    pytest.param("Caf\u00e9 owners protested the new tax.".encode("latin-1"), "invalid_encoding", id="latin1_file"),
    pytest.param(("<html><body>" + ENGLISH + "</body></html>").encode(), "html_not_supported", id="html_file"),
    pytest.param(FRENCH.encode(), "unsupported_language", id="french_file"),
]


@pytest.mark.parametrize(("content", "code"), CLI_REFUSALS)
def test_cli_refuses_with_status_2_and_one_line(tmp_path, content, code):
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    result = run_cli(str(path))
    assert result.returncode == 2
    assert result.stdout == b""
    stderr = result.stderr.decode()
    assert stderr.startswith(f"framing: error: {code}: ")
    assert stderr.count("\n") == 1 and stderr.endswith("\n")
    assert "Traceback" not in stderr


def test_cli_refuses_an_invalid_profile(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    profile = tmp_path / "profile.json"
    profile.write_text('{"sides": {"atlantis": "west"}}', encoding="utf-8")
    result = run_cli(str(article), "--profile", str(profile))
    assert result.returncode == 2
    assert result.stderr.decode().startswith("framing: error: invalid_profile: ")


def test_cli_takes_a_bundled_profile_by_name():
    result = run_cli(str(FIXTURES / "seed-article.txt"), "--profile", "syria-2015")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["analyzer"]["profile"]["name"] == "syria-2015"
    assert {"pro_assad", "islamic_state"} <= set(report["document"]["sourcing"]["by_side"])


def test_cli_names_the_bundled_profiles_when_a_profile_is_neither_file_nor_name(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    result = run_cli(str(article), "--profile", "no-such-profile")
    stderr = result.stderr.decode()
    assert result.returncode == 2 and stderr.startswith("framing: error: file_not_found: ") and "syria-2015" in stderr


def test_cli_prints_a_json_report_for_the_seed_article(seed_text):
    result = run_cli(str(FIXTURES / "seed-article.txt"))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [p["text"] for p in report["paragraphs"]] == [line.strip() for line in seed_text.splitlines() if line.strip()]
    assert report["document"]["counts"]["attributions"] > 0


def test_cli_reads_standard_input_and_marks_spans_in_text_format(seed_text):
    result = run_cli("-", "--format", "text", stdin=seed_text.encode())
    assert result.returncode == 0, result.stderr
    output = result.stdout.decode()
    assert "[[Moscow]]" in output and "{says}" in output
    assert "<<Daesh>>" in output and "~appears~" in output
    assert "¶0 [headline]" in output and "¶1 [caption]" in output


def test_title_case_headline_is_not_refused_as_foreign():
    """Headlines in title case have few function words; the body decides the language."""
    report = analyze(
        "The minister said the talks would resume on Monday after a long pause in the negotiations.",
        title="Paris Attacks Test Clinton Strategy As New Focus On Terrorism Lays Bare Divisions With Obama",
    )
    assert report["title"]["text"].startswith("Paris Attacks")


def test_title_in_another_script_is_refused():
    with pytest.raises(UnsupportedLanguage):
        analyze("The minister said the talks would resume on Monday.", title="Переговоры возобновятся в понедельник после долгой паузы")


def test_cli_copies_metadata_into_the_report(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The mayor said on Tuesday that the bridge would reopen in the spring.", encoding="utf-8")
    result = run_cli(str(article), "--outlet", "Valley Courier", "--published", "2026-03-02")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["metadata"] == {"outlet": "Valley Courier", "published_at": "2026-03-02"}
