"""Quotes: one phrase table, positives and negatives side by side."""
from __future__ import annotations

import pytest

from pressextract import extract
from pressextract.quotes import find_quotes

from _shared import SEEDS, read_case, seed_gold_paths  # noqa: E402

QUOTES = [
    # phenomenon, text, [(quoted words, speaker, role), ...]; [] = no quote
    ("dash, name, role after comma",
     "– Vi är nöjda med året, säger Karin Ek, kommunikatör vid Tullverket.",
     [("Vi är nöjda med året", "Karin Ek", "kommunikatör vid Tullverket")]),
    ("dash, role before name",
     "– Arbetet fortsätter, säger länspolismästare Per Berg.",
     [("Arbetet fortsätter", "Per Berg", "länspolismästare")]),
    ("dash, agency genitive + role before name",
     "– Vi ser en tydlig effekt, säger Skatteverkets presschef Lena Holm.",
     [("Vi ser en tydlig effekt", "Lena Holm", "Skatteverkets presschef")]),
    ("dash, several sentences before the verb",
     "– Det har varit ett bra år. Vi fortsätter, berättar Omar Said, chef i region Syd.",
     [("Det har varit ett bra år. Vi fortsätter", "Omar Said", "chef i region Syd")]),
    ("dash, question mark before the verb",
     "– Varför stannar vi nu? säger Eva Lind, utredare.",
     [("Varför stannar vi nu?", "Eva Lind", "utredare")]),
    ("dash, words after the attribution",
     "– Vi gör skillnad, säger Eva Lind, utredare. Det märks i siffrorna.",
     [("Vi gör skillnad", "Eva Lind", "utredare"), ("Det märks i siffrorna.", "Eva Lind", "utredare")]),
    ("dash, enligt",
     "– Samarbetet lönar sig, enligt Nils Ahl, åklagare.",
     [("Samarbetet lönar sig", "Nils Ahl", "åklagare")]),
    ("dash, name particle and hyphen",
     "– Det är ett steg framåt, säger Ann-Marie af Berg, generaldirektör.",
     [("Det är ett steg framåt", "Ann-Marie af Berg", "generaldirektör")]),
    ("dash, pronoun takes the last speaker",
     "– Vi är nöjda, säger Karin Ek, chef.\n\n– Men mer återstår, säger hon.",
     [("Vi är nöjda", "Karin Ek", "chef"), ("Men mer återstår", "Karin Ek", None)]),
    ("dash, surname takes the full name",
     "– Vi är nöjda, säger Karin Ek, chef.\n\nText emellan.\n\n– Mer återstår, säger Ek.",
     [("Vi är nöjda", "Karin Ek", "chef"), ("Mer återstår", "Karin Ek", None)]),
    ("dash run, name at the end",
     "– Första stycket är citat.\n\n– Andra stycket också, säger Karin Ek, chef.",
     [("Första stycket är citat.", "Karin Ek", "chef"), ("Andra stycket också", "Karin Ek", "chef")]),
    ("dash run, name at the start",
     "– Vi är nöjda, säger Karin Ek, chef.\n\nHon pekar på samarbetet.\n\n– Det ger resultat varje år.",
     [("Vi är nöjda", "Karin Ek", "chef"), ("Det ger resultat varje år.", "Karin Ek", "chef")]),
    ("dash after an intro line",
     "Karin Ek, chef vid Polisen, säger:\n\n– Det här är ett viktigt steg för oss.",
     [("Det här är ett viktigt steg för oss.", "Karin Ek", "chef vid Polisen")]),
    ("dash after a verb-first intro line",
     "Så här säger regionpolischef Per Berg:\n– Vi ger inte upp.",
     [("Vi ger inte upp.", "Per Berg", "regionpolischef")]),
    ("dash, unnamed speaker",
     "– Vi är nöjda, säger en talesperson för Tullverket.",
     [("Vi är nöjda", None, None)]),
    ("role with a parenthesis",
     "– Vi följer pengarna, säger Eva Lind, chef för nationella operativa avdelningen (Noa).",
     [("Vi följer pengarna", "Eva Lind", "chef för nationella operativa avdelningen (Noa)")]),
    ("next sentence inside a dash paragraph",
     "– Vi är nöjda. Det säger mycket, säger Per Berg, chef.",
     [("Vi är nöjda. Det säger mycket", "Per Berg", "chef")]),
    ("quotation marks, verb after",
     "”Vi är nöjda med året”, säger Karin Ek, presstalesperson.",
     [("Vi är nöjda med året", "Karin Ek", "presstalesperson")]),
    ("straight quotes",
     "\"Samarbetet ger effekt\", säger Per Berg.",
     [("Samarbetet ger effekt", "Per Berg", None)]),
    ("guillemets",
     "»Det är ett genombrott», säger Omar Said, chef.",
     [("Det är ett genombrott", "Omar Said", "chef")]),
    ("quotation marks, next sentence",
     "”Vi fortsätter arbetet.” Det säger Lena Holm, chef vid Tullverket.",
     [("Vi fortsätter arbetet.", "Lena Holm", "chef vid Tullverket")]),
    ("quotation marks, name before",
     "Lena Holm säger: ”Vi fortsätter arbetet.”",
     [("Vi fortsätter arbetet.", "Lena Holm", None)]),
    # negatives
    ("dash bullets with figures",
     "Resultat:\n– 20 miljoner kronor i återkrav\n– 12 personer dömda\n– tre vapen i beslag", []),
    ("dash bullets without a speaker",
     "Satsningen omfattar:\n\n– Kontroller av fordon.\n\n– Utbildning av personal.", []),
    ("dash as a range", "Det gäller 10–15 personer och 2019–2020.", []),
    ("quoted title", "Rapporten ”Lägesbild över brottsligheten 2020” kom i dag.", []),
    ("quoted name in running text", "Insatsen kallas \"Gå på pengarna\" internt.", []),
    ("verb after the quote, not an attribution", "– Det är bra, menar vi.", []),
    ("hyphen bullet, full sentence", "- Polisen grep tre personer.\n- Tullen tog narkotika.", []),
    ("unclosed quotation mark", "Han sa ”detta är inte avslutat, säger Per Berg.", []),
    ("säger hon after a person introduced outside an attribution",
     "Eva Lund är kommunpolis i Lund.\n\n– Vi ser att stölderna är organiserade, säger hon.",
     [("Vi ser att stölderna är organiserade", "Eva Lund", None)]),
    ("säger hon: a region introduced is no person",
     "Region Syd är störst.\n\n– Vi ser att stölderna är organiserade, säger hon.",
     [("Vi ser att stölderna är organiserade", None, None)]),
    ("role ends where a clause starts",
     "– Vi ser en ökning, säger Johan Fors, chef för operativa avdelningen, när rapporten presenterades.",
     [("Vi ser en ökning", "Johan Fors", "chef för operativa avdelningen")]),
]


@pytest.mark.parametrize("text,expected", [q[1:] for q in QUOTES], ids=[q[0] for q in QUOTES])
def test_quote(text, expected):
    got = [(text[q.start:q.end], q.speaker, q.role) for q in find_quotes(text)]
    assert got == expected


ADVERSARIAL = [
    ("dashes", "- " * 500_000),
    ("dash lines", "– a, säger\n" * 100_000),
    ("quote marks", "\"" * 100_000 + "”" * 100_000 + "“a" * 100_000 + "»" * 100_000),
    ("unclosed mark", "”" + "a" * 1_000_000),
    ("dash quotes in marks", "– ”a\n" * 100_000),
    ("long attribution", "– a, säger " + "Per " * 200_000),
]


@pytest.mark.parametrize("text", [a[1] for a in ADVERSARIAL], ids=[a[0] for a in ADVERSARIAL])
def test_adversarial_input_returns(text):
    for q in find_quotes(text):
        assert 0 <= q.start < q.end <= len(text)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed texts not available")
@pytest.mark.parametrize("gold_path", seed_gold_paths(), ids=lambda p: p.name.split(".")[0])
def test_seed_quotes(gold_path):
    gold, text = read_case(gold_path)
    got = [(q.speaker, q.role) for q in extract(text).quotes]
    assert got == [(q["speaker"], q["role"]) for q in gold["quotes"]]
    for q in extract(text).quotes:
        assert text[q.start:q.end] == q.text and q.text[:1] not in "–—-\"”»"
