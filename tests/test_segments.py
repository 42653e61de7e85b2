"""Segments: where sentences end, and the title."""
import pytest

from pressextract.segments import sentences, title

SENTENCES = [
    # phenomenon,                      text,                                               expected sentences
    ("dot + capital",                  "Bilen stoppades. Föraren greps.",                  ["Bilen stoppades.", "Föraren greps."]),
    ("question and exclamation",       "Vem betalar? Ingen! Så blev det.",                 ["Vem betalar?", "Ingen!", "Så blev det."]),
    ("dot + digit",                    "Beslutet kom i går. 14 personer greps.",           ["Beslutet kom i går.", "14 personer greps."]),
    ("dot + dash",                     "Han svarade. – Vi fortsätter.",                    ["Han svarade.", "– Vi fortsätter."]),
    ("quote after the dot",            "Hon sa ”nej.” Sedan gick hon.",                    ["Hon sa ”nej.”", "Sedan gick hon."]),
    ("dot + lower case: no break",     "Det kostade ca. tio kronor.",                      ["Det kostade ca. tio kronor."]),
    ("abbreviation + capital",         "Flera myndigheter, bl.a. Polisen, deltog.",        ["Flera myndigheter, bl.a. Polisen, deltog."]),
    ("kl. + digit: no break",          "Mötet börjar kl. 10 i dag.",                       ["Mötet börjar kl. 10 i dag."]),
    ("decimal: no break",              "Summan var 3.5 miljoner.",                         ["Summan var 3.5 miljoner."]),
    ("no space after the dot",         "Se polisen.se för mer.",                           ["Se polisen.se för mer."]),
    ("line break",                     "Rubrik\nFörsta meningen",                          ["Rubrik", "Första meningen"]),
    ("blank lines and trailing spaces", "Rubrik  \n\n  \nText här.  \n",                   ["Rubrik", "Text här."]),
    ("windows line ends keep the CR", "Rubrik\r\nText",                                    ["Rubrik\r", "Text"]),
    ("dot before a line break",        "Klart.\nNästa rad.",                               ["Klart.", "Nästa rad."]),
    ("dot + space + line break",       "Klart. \nNästa rad.",                              ["Klart.", "Nästa rad."]),
    ("empty",                          "",                                                 []),
    ("white space only",               " \n\t\n ",                                         []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in SENTENCES], ids=[c[0] for c in SENTENCES])
def test_sentences(text, expected):
    assert [text[s:e] for s, e in sentences(text)] == expected


TITLES = [
    # phenomenon,                 text,                                   expected title
    ("heading line",              "Tre greps i Gävle\nPolisen grep tre.", "Tre greps i Gävle"),
    ("leading blank lines",       "\n\n  Rubrik här\nText.",              "Rubrik här"),
    ("sentence is no heading",    "Polisen grep tre personer.\nMer.",     None),
    ("lower-case start",          "rubrik här\nText.",                    None),
    ("digit start",               "3 greps i natt\nText.",                "3 greps i natt"),
    ("empty",                     "",                                     None),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in TITLES], ids=[c[0] for c in TITLES])
def test_title(text, expected):
    assert title(text)[0] == expected


# --- adversarial inputs: each must simply return -------------------------------------
ADVERSARIAL = [
    ("100 000 digits",              "1" * 100_000),
    ("1 MB of dash-space",          "- " * 500_000),
    ("dots and spaces",             ". " * 200_000),
    ("spaces before a capital",     "Slut." + " " * 50_000 + "Ny"),
    ("spaces before line breaks",   ("x" + " " * 5_000 + "\n") * 20),
    ("line breaks and spaces",      "\n \t" * 200_000),
    ("abbreviations",               "bl.a. A" * 100_000),
]


@pytest.mark.parametrize("text", [c[1] for c in ADVERSARIAL], ids=[c[0] for c in ADVERSARIAL])
def test_adversarial_input_returns(text):
    sentences(text)
    title(text)
