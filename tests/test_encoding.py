"""Encodings: detected among a closed set, forced with encoding=, undecodable bytes named by offset."""

from __future__ import annotations

import pytest

import polybib
from polybib._io._encoding import decode_text
from polybib._io._legacy import normalise_legacy_alphabet

RUSSIAN = "1. Шакирзаде Н. А. Содружество Независимых Государств. - Баку : Сада, 2007. - 512 с.\n"
TURKISH = "1. Şükürov Ə. Türk dili. - İstanbul : Öğretmen, 1998. - 200 s.\n".replace("Ə", "A")


@pytest.mark.parametrize("codec", ["utf-8", "cp1251", "koi8-r", "utf-16-le", "utf-16-be"])
def test_russian_is_detected(codec):
    decoded = decode_text(RUSSIAN.encode(codec))
    assert (decoded.text, decoded.encoding) == (RUSSIAN, codec)


def test_turkish_code_page_is_detected_and_named_by_the_bytes_it_uses():
    assert decode_text(TURKISH.encode("cp1254")).encoding == "iso8859-9"  # identical for these bytes
    with_quotes = "“" + TURKISH.strip() + "”"
    decoded = decode_text(with_quotes.encode("cp1254"))
    assert (decoded.text, decoded.encoding) == (with_quotes, "cp1254")


def test_forced_encoding_wins_over_detection():
    data = RUSSIAN.encode("cp1251")
    assert decode_text(data, encoding="koi8-r").text != RUSSIAN
    assert decode_text(data, encoding="windows-1251").encoding == "cp1251"


def test_forced_encoding_that_does_not_fit_names_the_byte():
    data = "Bakı".encode("utf-8")
    with pytest.raises(polybib.InputError, match=r"list.txt: byte 3 cannot be decoded as ascii"):
        decode_text(data, encoding="ascii", name="list.txt")


def test_unknown_encoding_is_an_input_error():
    with pytest.raises(polybib.InputError, match="unknown encoding 'klingon'"):
        decode_text(b"abc", encoding="klingon")


def test_damaged_utf8_is_not_mistaken_for_a_code_page():
    data = RUSSIAN.encode("utf-8")
    data = data[:40] + b"\xff" + data[40:]
    with pytest.raises(polybib.InputError, match="byte 40 cannot be decoded as utf-8"):
        decode_text(data)


def test_read_list_takes_encoding(tmp_path):
    path = tmp_path / "list.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    assert polybib.read_list(path).encoding == "encoding cp1251 (detected)"
    assert polybib.read_list(path, encoding="cp1251").encoding == "encoding cp1251 (forced)"
    assert polybib.read_list(path)[0].publishers == ["Сада"]


@pytest.mark.parametrize("line", [
    "Jäger, K. Händel und seine Zeit. - Leipzig, 1999.",            # German
    "Mäti Kowusow. Türkmen edebiýaty. - Aşgabat, 2001.",             # Turkmen (ý)
    "Äliyev H. Azərbaycan tarixi. - Bakı, 2005.",                    # ə already in use
])
def test_legacy_alphabet_leaves_other_languages_alone(line):
    assert normalise_legacy_alphabet(line) == (line, {})


def test_legacy_alphabet_diagnostic_is_on_the_reference():
    refs = polybib.read_list("1. Äliyev H. Azärbaycan tarixi. - Bakı: Elm, 2005. - 164 s.\n"
                             "2. Иванов И. И. Очерки истории. - М. : Наука, 2019. - 512 с.")
    assert refs[0].title == "Azərbaycan tarixi" and refs[0].authors[0].family == "Əliyev"
    assert [d.code for d in refs[0].diagnostics if d.code == "legacy-alphabet"] == ["legacy-alphabet"]
    assert not any(d.code == "legacy-alphabet" for d in refs[1].diagnostics)
