"""Page dates: published and modified, as the page states them.

One table of page texts with the dates they give, positives and negatives
side by side; plus the rules for dateparser (only on short candidate spans,
never imported at module import, never search_dates over the text).
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from pressextract import dates
from pressextract.hits import Found


def _dates(text: str):
    found = Found(text=text)
    dates.find(found, None)
    return found.dates


DATES = [
    # phenomenon,                       page text,                                                    published,            modified
    ("Publicerad D month YYYY",         "Rubrik\n\nPublicerad 31 mars 2021\n\nText.",                   "2021-03-31",         None),
    ("Publicerad: ISO kl. HH.MM",       "Rubrik\nPublicerad: 2021-03-31 kl. 08.00\nText.",              "2021-03-31T08:00",   None),
    ("Publicerat ISO HH:MM",            "Rubrik\nPublicerat 2021-03-31 08:00\nText.",                   "2021-03-31T08:00",   None),
    ("Ändrad D month YYYY HH:MM",       "Rubrik\n\nText.\n\nÄndrad 4 augusti 2021 10:37\n\nDela",       None,                 "2021-08-04T10:37"),
    ("Uppdaterad ISO",                  "Rubrik\nUppdaterad 2021-08-04\nText.",                         None,                 "2021-08-04"),
    ("Senast uppdaterad with weekday",  "Text.\nSenast uppdaterad: onsdag 4 aug. 2021",                 None,                 "2021-08-04"),
    ("Senast ändrad",                   "Text.\nSenast ändrad 2022-01-10 14:05",                        None,                 "2022-01-10T14:05"),
    ("seconds kept when written",       "Text.\nUppdaterad 2021-08-04 10:37:12",                        None,                 "2021-08-04T10:37:12"),
    ("published and modified",          "Rubrik\nPublicerad 24 februari 2022\nUppdaterad 2022-03-01\n", "2022-02-24",         "2022-03-01"),
    ("both on one line",                "Publicerad 31 mars 2021 | Uppdaterad 4 augusti 2021 kl 10.37", "2021-03-31",         "2021-08-04T10:37"),
    ("dot separator",                   "Publicerad 31 mars 2021 · Ändrad 1 april 2021",                "2021-03-31",         "2021-04-01"),
    ("comma before time",               "Publicerad 31 mars 2021, 10.37",                               "2021-03-31T10:37",   None),
    ("den and ordinal",                 "Publicerad den 31:a mars 2021",                                "2021-03-31",         None),
    ("label in upper case",             "PUBLICERAD 2021-03-31",                                        "2021-03-31",         None),
    ("label in mixed case",             "pUBLICERAD 2021-03-31",                                        "2021-03-31",         None),
    ("label after a dash separator",    "Rubrik – Uppdaterad 2021-08-04",                               None,                 "2021-08-04"),
    ("newsroom: label, bullet, date",   "Pressmeddelande • 31 mars 2021 08:00 CET\nText.",              "2021-03-31T08:00",   None),
    ("newsroom: month first",           "Pressmeddelande   •   mar 31, 2021 08:00 CET",                 "2021-03-31T08:00",   None),
    ("dotted D.M.YYYY",                 "Publicerad 31.3.2021",                                         "2021-03-31",         None),
    ("D/M YYYY",                        "Publicerad 31/3 2021",                                         "2021-03-31",         None),
    ("latest modified wins",            "Uppdaterad 2021-08-04\nText.\nUppdaterad 2021-09-01",          None,                 "2021-09-01"),
    ("first published wins",            "Publicerad 2021-03-31\nText.\nPublicerad 2020-01-01",          "2021-03-31",         None),
    ("dateline D month YYYY",           "Rubrik\n31 mars 2021\n\nText om 2020.",                        "2021-03-31",         None),
    ("dateline ISO",                    "2021-03-31\nRubrik\n\nText.",                                  "2021-03-31",         None),
    ("dateline with weekday and time",  "Rubrik\nTisdag 4 maj 2021 kl. 09.30\n\nText.",                 "2021-05-04T09:30",   None),
    ("dateline after a place name",     "Rubrik\nStockholm 2010-09-22\n\nText.",                       "2010-09-22",         None),
    ("dateline after place and comma",  "Rubrik\nMalmö, den 3 maj 2019\n\nText.",                      "2019-05-03",         None),
    ("dateline with a time, trailing space", "Rubrik\n31 mars 2021 kl. 10.37 \nText.",                   "2021-03-31T10:37",   None),
    ("dateline with a time zone",       "Rubrik\n31 mars 2021 CET\nText.",                             None,                 None),
    ("label beats dateline",            "Rubrik\n1 mars 2021\nPublicerad 2 mars 2021\nText.",          "2021-03-02",         None),
    # negatives
    ("no date at all",                  "Rubrik\n\nText utan datum.",                                   None,                 None),
    ("label word in running text",      "Rubrik\nUppdaterad statistik från 2020 visar en ökning.",      None,                 None),
    ("label mid-sentence",              "Rubrik\nRapporten är publicerad 31 mars 2021 på webben.",      None,                 None),
    ("date in running text",            "Rubrik\n\nMannen greps den 3 mars 2020 i Gävle.",              None,                 None),
    ("dateline too far down",           "A\nB\nC\nD\nE\nF\nG\n31 mars 2021\n",                          None,                 None),
    ("two words before a date",         "Rubrik\nDet hände 31 mars 2021\n",                            None,                 None),
    ("date line with more text",        "Rubrik\n31 mars 2021 greps en man.\n",                         None,                 None),
    ("impossible date",                 "Publicerad 31 februari 2021",                                  None,                 None),
    ("impossible time",                 "Publicerad 2021-03-31 25:99",                                  "2021-03-31",         None),
    ("label without a year",            "Publicerad 31 mars",                                           None,                 None),
    ("relative word after label",       "Publicerad igår 10:37",                                        None,                 None),
]


@pytest.mark.parametrize("text,published,modified", [row[1:] for row in DATES], ids=[row[0] for row in DATES])
def test_page_dates(text, published, modified):
    got = _dates(text)
    assert (got.published, got.modified) == (published, modified)


def test_page_date_spans_cover_the_lines():
    text = "Rubrik\n\nPublicerad 31 mars 2021\n\nText.\n\nÄndrad 4 augusti 2021 10:37\n"
    got = _dates(text)
    assert [text[s:e] for s, e in got.spans] == ["Publicerad 31 mars 2021", "Ändrad 4 augusti 2021 10:37"]


def test_dateline_span():
    text = "Rubrik\n  31 mars 2021  \nText."
    assert [text[s:e] for s, e in _dates(text).spans] == ["31 mars 2021"]


# --- dateparser: only short candidate spans, never over the whole text ---------------

FALLBACK = [
    # phenomenon,                 page text,                        published
    ("D-M-YYYY with hyphens",     "Publicerad 31-03-2021\nText.",   "2021-03-31"),
    ("YYYY.MM.DD",                "Publicerad 2021.03.31\nText.",   "2021-03-31"),
]


@pytest.mark.parametrize("text,published", [row[1:] for row in FALLBACK], ids=[row[0] for row in FALLBACK])
def test_dateparser_only_on_short_spans(monkeypatch, text, published):
    import dateparser
    import dateparser.search

    def no_search(*args, **kwargs):
        raise AssertionError("search_dates must never run over the text")

    seen = []
    real_parse = dateparser.parse

    def spy(date_string, *args, **kwargs):
        seen.append(date_string)
        return real_parse(date_string, *args, **kwargs)

    monkeypatch.setattr(dateparser.search, "search_dates", no_search)
    monkeypatch.setattr(dateparser, "search_dates", no_search, raising=False)
    monkeypatch.setattr(dateparser, "parse", spy)
    dates._dateparser.cache_clear()
    long_text = text + ("Brödtext om 2020 och 31 mars 2019. " * 500)
    got = _dates(long_text)
    assert got.published == published
    assert seen, "the fallback form should reach dateparser"
    assert all(len(s) <= dates._CANDIDATE_MAX for s in seen)


def test_common_forms_never_call_dateparser(monkeypatch):
    import dateparser

    def boom(*args, **kwargs):
        raise AssertionError("fast path expected")

    monkeypatch.setattr(dateparser, "parse", boom)
    dates._dateparser.cache_clear()
    for _, text, *_ in DATES:
        if "Publicerad 31-03" in text:
            continue
        _dates(text)


def test_dateparser_not_imported_at_import_time():
    code = ("import sys, pressextract, pressextract.dates, pressextract.years; "
            "assert 'dateparser' not in sys.modules, 'dateparser imported at import time'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_dateparser_settings_are_fixed():
    # a fixed base date: nothing the fallback returns may depend on today's date
    assert dates._DATEPARSER_SETTINGS["RELATIVE_BASE"].year == 2000
    assert dates._DATEPARSER_SETTINGS["DATE_ORDER"] == "DMY"
    dates._dateparser.cache_clear()
    assert dates._dateparser("31-03-2021") == "2021-03-31"


# --- adversarial inputs: each must simply return -------------------------------------

ADVERSARIAL = [
    ("100 000 digits",             "1" * 100_000),
    ("1 MB of dash space",         "- " * 500_000),
    ("label then 50 000 spaces",   "Publicerad" + " " * 50_000 + "31 mars 2021"),
    ("date then 50 000 spaces",    "Publicerad 31" + " " * 50_000 + "mars 2021"),
    ("many labels on one line",    "Publicerad | " * 100_000 + "2021"),
    ("many separators",            "|" * 200_000 + " 2021-03-31"),
    ("many date lines",            "Uppdaterad 2021-08-04\n" * 20_000),
    ("many dates on one line",     "Uppdaterad 2021-08-04 | " * 50_000),
    ("many short lines",           "\n" * 200_000 + "31 mars 2021"),
]


@pytest.mark.parametrize("text", [row[1] for row in ADVERSARIAL], ids=[row[0] for row in ADVERSARIAL])
def test_adversarial_inputs_return(text):
    _dates(text)
