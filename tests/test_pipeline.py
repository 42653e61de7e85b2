"""The Language's tokenizer: spaCy's Swedish rules, with the exceptions kept
as token_match (see pipeline._cacheable). Rows: text -> the tokens expected,
which are what spacy.blank("sv") gives, plus the documented differences."""
import pytest
import spacy

from pressextract import nlp

SAME_AS_SPACY = [
    "Återkraven uppgick till 12 kr. per person, bl.a. för resor.",
    "Beslutet fattades kl. 14.30 enl. 4 kap. 3 § t.ex. i Umeå.",
    "Beslag på 3 milj. kr och 5 mkr (ca 12 procent).",
    "Polisen (region Syd) grep fyra personer, s.k. målvakter.",
    "Mer info: https://polisen.se/aktuellt/ eller tel. 114 14.",
]

# Exceptions that split a word are not applied: one token each, as the rules would leave them.
DIFFERENT = [
    ("Myndigheten (KFM): beslutet", ["Myndigheten", "(", "KFM", ")", ":", "beslutet"]),
]


@pytest.mark.parametrize("text", SAME_AS_SPACY)
def test_tokens_match_blank_swedish(text):
    stock = [t.text for t in spacy.blank("sv").tokenizer(text)]
    assert [t.text for t in nlp().tokenizer(text)] == stock


@pytest.mark.parametrize("text", SAME_AS_SPACY)
def test_abbreviations_stay_whole(text):
    tokens = {t.text for t in nlp().tokenizer(text)}
    for abbreviation in ("bl.a.", "kl.", "kap.", "t.ex.", "milj.", "s.k.", "ca", "tel."):
        if abbreviation in text.split() or f" {abbreviation} " in f" {text} ":
            assert abbreviation in tokens, abbreviation


@pytest.mark.parametrize("text, tokens", DIFFERENT)
def test_documented_differences(text, tokens):
    assert [t.text for t in nlp().tokenizer(text)] == tokens


def test_no_special_cases_left():
    # a special case would switch spaCy's word cache off for the rest of a text
    assert nlp().tokenizer.rules == {}


def test_tokenizer_serialises():
    import pickle

    tokenizer = nlp().tokenizer.tokenizer
    assert tokenizer.to_bytes()
    copy = pickle.loads(pickle.dumps(tokenizer))
    text = SAME_AS_SPACY[0]
    assert [t.text for t in copy(text)] == [t.text for t in tokenizer(text)]
