"""The public surface: extract, extract_many, records, bad input."""
import json

import pytest

import pressextract
from pressextract import Release, extract, extract_many, json_schema


def test_record_shape_is_complete_on_empty_text():
    r = extract("   \n\t ")
    d = r.to_dict()
    assert d["schema"] == "pressextract/1"
    for key in ("id", "source", "title", "published", "modified", "year", "region", "amounts",
                "quantities", "agencies", "regions", "years", "quotes", "warnings"):
        assert key in d
    assert d["amounts"] == [] and d["agencies"] == []


def test_json_round_trip():
    text = "Kronofogden utmätte tillgångar till ett värde av drygt en miljon kronor i region Mitt 2020."
    r = extract(text, source="x.txt", id="doc-1", published="2021-03-31")
    d = r.to_dict()
    again = Release.from_dict(json.loads(json.dumps(d)))
    assert again == r
    assert d["id"] == "doc-1" and d["source"] == "x.txt" and d["published"] == "2021-03-31"


def test_offsets_are_exact():
    text = "Åtta miljoner kronor\u00a0beslagtogs. Försäkringskassan återkrävde 2,5 mkr."
    r = extract(text)
    for a in r.amounts:
        assert text[a.start:a.end] == a.text
    for ag in r.agencies:
        for m in ag.mentions:
            assert text[m.start:m.end] == m.text


def test_id_is_stable_hash():
    assert extract("Hej 5 kronor").id == extract("Hej 5 kronor").id
    assert extract("Hej 5 kronor").id != extract("Hej 6 kronor").id


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["text"], {"text": "x"}])
def test_non_text_raises_type_error_naming_the_type(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        extract(bad)


def test_bytes_are_decoded_as_utf8():
    r = extract("Böter på 500 kronor.".encode("utf-8"))
    assert r.amounts[0].value == 500


def test_bad_bytes_give_clear_error():
    with pytest.raises(ValueError, match="UTF-8"):
        extract("Böter på 500 kronor".encode("latin-1"))


def test_published_argument_anchors_relative_years():
    r = extract("Förra året återkrävdes 3 miljoner kronor.", published="2022-02-01")
    assert r.published == "2022-02-01"
    assert 2021 in [y.year for y in r.years]


def test_extract_many_keeps_order_and_metadata():
    items = ["Böter på 100 kronor.", ("Böter på 200 kronor.", {"id": "b", "source": "s"}), "", "Inget belopp."]
    out = list(extract_many(items))
    assert [r.amounts[0].value if r.amounts else None for r in out] == [100, 200, None, None]
    assert out[1].id == "b" and out[1].source == "s"


def test_schema_is_generated():
    schema = json_schema()
    assert "$defs" in schema and "Release" in schema["$defs"]
    assert "part_of" in schema["$defs"]["Amount"]["properties"]


def test_version():
    assert isinstance(pressextract.__version__, str)


def test_nlp_is_blank_swedish_with_finders():
    nlp = pressextract.nlp()
    assert nlp.lang == "sv"
    assert "pe_money" in nlp.pipe_names
    assert pressextract.nlp() is nlp


@pytest.mark.parametrize("text", [
    "1" * 100_000,
    "- " * 500_000,
    "5" + " " * 50_000 + "kronor",
    "–" * 200_000,
    "\u201d" * 100_000,
    "Kronofogden " * 20_000,
    "region Mitt " * 20_000,
    "2020 " * 50_000,
    # dense amounts: one sentence ("kr." does not end one) with thousands of them,
    # colon lists, parts in sentences of their own, joined lists, quotation marks
    "Totalt 9 kr. " * 20_000,
    "5 kr: " * 20_000,
    "Ersättningen var 5 kr. Av dem 2 kr. " * 5_000,
    "5, " * 30_000 + "10 respektive 15 miljoner kronor",
    '"a" ' * 30_000,
    "Totalt 90 miljoner kronor, varav 9 miljoner " * 5_000,
])
def test_adversarial_documents_return(text):
    extract(text)  # linear patterns: finishes, whatever the input


def test_too_long_text_gets_a_clear_error():
    from pressextract.api import MAX_CHARS

    with pytest.raises(ValueError, match="at most"):
        extract("a " * (MAX_CHARS // 2 + 1))
    with pytest.raises(ValueError, match="at most"):
        list(extract_many(["kort text", "a " * (MAX_CHARS // 2 + 1)]))
