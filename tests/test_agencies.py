"""Agencies: every form a Swedish agency or court is written in, and look-alikes that are not one."""
import json
import re

import pytest

from pressextract import extract
from pressextract.agencies import agency_info
from pressextract.data import split, table

from _shared import SEEDS  # noqa: E402


def mentions(text):
    """[(mention text, agency id)] in text order."""
    found = [(m.start, m.text, a.id) for a in extract(text).agencies for m in a.mentions]
    return [(t, i) for _, t, i in sorted(found)]


FORMS = [
    # phenomenon,                    text,                                                   expected [(mention, id)]
    ("official name",                "Kronofogdemyndigheten fattade beslut i går.",           [("Kronofogdemyndigheten", "kronofogdemyndigheten")]),
    ("everyday name",                "Kronofogden utmätte tre bilar.",                        [("Kronofogden", "kronofogdemyndigheten")]),
    ("everyday name Polisen",        "Polisen genomförde en insats.",                         [("Polisen", "polismyndigheten")]),
    ("everyday name Tullen",         "Tullen stoppade en lastbil vid gränsen.",               [("Tullen", "tullverket")]),
    ("abbreviation KFM",             "Ärendet gick vidare till KFM.",                         [("KFM", "kronofogdemyndigheten")]),
    ("abbreviation EBM",             "EBM leder förundersökningen.",                          [("EBM", "ekobrottsmyndigheten")]),
    ("abbreviation CSN",             "Studiemedel från CSN betalades ut.",                    [("CSN", "centrala-studiestodsnamnden")]),
    ("abbreviation IVO",             "Anmälan gjordes till IVO.",                             [("IVO", "inspektionen-for-vard-och-omsorg")]),
    ("abbreviation ISF",             "ISF granskade handläggningen.",                         [("ISF", "inspektionen-for-socialforsakringen")]),
    ("abbreviation FK AF SKV",       "FK, AF och SKV samverkar.",                             [("FK", "forsakringskassan"), ("AF", "arbetsformedlingen"), ("SKV", "skatteverket")]),
    ("abbreviation MSB (historic)",  "MSB gav ut nya råd.",                                   [("MSB", "myndigheten-for-samhallsskydd-och-beredskap")]),
    ("abbreviation genitive :s",     "Enligt KFM:s statistik ökade skulderna.",               [("KFM:s", "kronofogdemyndigheten")]),
    ("Säpo",                         "Säpo varnar för spionage.",                             [("Säpo", "sakerhetspolisen")]),
    ("SÄPO in capitals",             "SÄPO varnar för spionage.",                             [("SÄPO", "sakerhetspolisen")]),
    ("genitive Kronofogdens",        "Kronofogdens handläggare var på plats.",                [("Kronofogdens", "kronofogdemyndigheten")]),
    ("genitive Polisens",            "Polisens utredning fortsätter.",                        [("Polisens", "polismyndigheten")]),
    ("genitive Tullverkets",         "Tullverkets hundar hittade narkotikan.",                [("Tullverkets", "tullverket")]),
    ("genitive Försäkringskassans",  "Försäkringskassans kontroller skärps.",                 [("Försäkringskassans", "forsakringskassan")]),
    ("genitive Tullens",             "Tullens beslag ökade.",                                 [("Tullens", "tullverket")]),
    ("lower case polisen",           "Efter larmet kom polisen till platsen.",                [("polisen", "polismyndigheten")]),
    ("lower case kronofogden",       "Skulden lämnades till kronofogden.",                    [("kronofogden", "kronofogdemyndigheten")]),
    ("lower case tullen",            "Paketet öppnades av tullen.",                           [("tullen", "tullverket")]),
    ("lower case försäkringskassan", "Hon ansökte hos försäkringskassan.",                    [("försäkringskassan", "forsakringskassan")]),
    ("lower case genitive",          "Det var polisens beslut.",                              [("polisens", "polismyndigheten")]),
    ("case variant",                 "Statens Institutionsstyrelse deltar också.",            [("Statens Institutionsstyrelse", "statens-institutionsstyrelse")]),
    ("all capitals heading",         "SKATTEVERKET INFORMERAR",                               [("SKATTEVERKET", "skatteverket")]),
    ("several words, lower first",   "Han anmälde det till inspektionen för vård och omsorg.", [("inspektionen för vård och omsorg", "inspektionen-for-vard-och-omsorg")]),
    ("name across a line break",     "Centrala\nstudiestödsnämnden betalar ut.",              [("Centrala\nstudiestödsnämnden", "centrala-studiestodsnamnden")]),
    ("list of agencies",             "Myndigheterna är Arbetsförmedlingen, Kustbevakningen och Migrationsverket.",
                                     [("Arbetsförmedlingen", "arbetsformedlingen"), ("Kustbevakningen", "kustbevakningen"), ("Migrationsverket", "migrationsverket")]),
    ("short name of a long one",     "Skolverket och Energimyndigheten samarbetar.",          [("Skolverket", "statens-skolverk"), ("Energimyndigheten", "statens-energimyndighet")]),
    ("agency in parentheses",        "20,4 miljoner kronor i återkrav (Försäkringskassan)",   [("Försäkringskassan", "forsakringskassan")]),
    ("Polisen i a city",             "Polisen i Stockholm grep två personer.",                [("Polisen", "polismyndigheten")]),
    # historical names keep their own id
    ("historical Rikspolisstyrelsen", "Rikspolisstyrelsen tog fram en lägesbild.",            [("Rikspolisstyrelsen", "rikspolisstyrelsen")]),
    ("historical police authority",  "Polismyndigheten i Skåne ledde insatsen.",              [("Polismyndigheten i Skåne", "polismyndigheten-i-skane")]),
    ("historical police, county",    "Polismyndigheten i Stockholms län meddelar.",           [("Polismyndigheten i Stockholms län", "polismyndigheten-i-stockholms-lan")]),
    ("historical SKL",               "Statens kriminaltekniska laboratorium analyserade spåren.",
                                     [("Statens kriminaltekniska laboratorium", "statens-kriminaltekniska-laboratorium")]),
    ("historical Skattemyndigheten", "Skattemyndigheten granskade bolaget.",                  [("Skattemyndigheten", "skattemyndigheten")]),
    ("historical Riksskatteverket",  "Riksskatteverket och RSV är samma myndighet.",          [("Riksskatteverket", "riksskatteverket"), ("RSV", "riksskatteverket")]),
    ("historical road and rail",     "Vägverket och Banverket slogs ihop.",                   [("Vägverket", "vagverket"), ("Banverket", "banverket")]),
    ("historical AMS",               "Arbetsmarknadsstyrelsen (AMS) fördelade medlen.",       [("Arbetsmarknadsstyrelsen", "arbetsmarknadsstyrelsen"), ("AMS", "arbetsmarknadsstyrelsen")]),
    ("historical RFV",               "Riksförsäkringsverket gav ut föreskrifter.",            [("Riksförsäkringsverket", "riksforsakringsverket")]),
    ("longest match wins",           "Polismyndigheten i Skåne och Polismyndigheten.",
                                     [("Polismyndigheten i Skåne", "polismyndigheten-i-skane"), ("Polismyndigheten", "polismyndigheten")]),
    # hyphen coordination
    ("coordination Skatte- och Tull", "Vid kontrollerna deltog Skatte- och Tullverket.",      [("Skatte-", "skatteverket"), ("Tullverket", "tullverket")]),
    ("coordination of three",        "Arbetsmiljö-, Skatte- och Tullverket kontrollerade.",
                                     [("Arbetsmiljö-", "arbetsmiljoverket"), ("Skatte-", "skatteverket"), ("Tullverket", "tullverket")]),
    ("coordination with genitive",   "Skatte- och Tullverkets kontroller.",                   [("Skatte-", "skatteverket"), ("Tullverkets", "tullverket")]),
    ("coordination of courts",       "Målet prövades av förvaltnings- och kammarrätten i Göteborg.",
                                     [("förvaltnings-", "forvaltningsratten-i-goteborg"), ("kammarrätten i Göteborg", "kammarratten-i-goteborg")]),
    ("coordination, one name",       "Havs- och vattenmyndigheten och Post- och telestyrelsen.",
                                     [("Havs- och vattenmyndigheten", "havs-och-vattenmyndigheten"), ("Post- och telestyrelsen", "post-och-telestyrelsen")]),
    ("coordination, no such agency", "Polis- och Tullverket är inget namn för polisen.",      [("Tullverket", "tullverket"), ("polisen", "polismyndigheten")]),
    ("coordination across a line",   "Kontroll av Skatte-\noch Tullverket.",                  [("Skatte-", "skatteverket"), ("Tullverket", "tullverket")]),
    ("coordination in parentheses",  "Kontrollen (Skatte- och Tullverket).",                  [("Skatte-", "skatteverket"), ("Tullverket", "tullverket")]),
    ("coordination, loose spacing",  "Arbetsmiljö- ,  Skatte-  och  Tullverket",
                                     [("Arbetsmiljö-", "arbetsmiljoverket"), ("Skatte-", "skatteverket"), ("Tullverket", "tullverket")]),
    ("coordination, stem after a digit", "Kontrollen av 9Skatte- och Tullverket.",           [("Tullverket", "tullverket")]),
    # courts
    ("district court",               "Domen meddelades i Stockholms tingsrätt.",              [("Stockholms tingsrätt", "stockholms-tingsratt")]),
    ("court of appeal",              "Svea hovrätt fastställde domen.",                       [("Svea hovrätt", "svea-hovratt")]),
    ("court of appeal, long name",   "Hovrätten för Västra Sverige skärpte straffet.",        [("Hovrätten för Västra Sverige", "hovratten-for-vastra-sverige")]),
    ("administrative court",         "Förvaltningsrätten i Göteborg avslog överklagandet.",   [("Förvaltningsrätten i Göteborg", "forvaltningsratten-i-goteborg")]),
    ("administrative court, lower",  "Beslutet överklagades till förvaltningsrätten i Malmö.", [("förvaltningsrätten i Malmö", "forvaltningsratten-i-malmo")]),
    ("administrative court of appeal", "Kammarrätten i Sundsvall gick på samma linje.",       [("Kammarrätten i Sundsvall", "kammarratten-i-sundsvall")]),
    ("supreme court",                "Högsta domstolen och HD:s praxis.",                     [("Högsta domstolen", "hogsta-domstolen"), ("HD:s", "hogsta-domstolen")]),
    ("court genitive",               "Stockholms tingsrätts dom överklagades.",               [("Stockholms tingsrätts", "stockholms-tingsratt")]),
    ("district court, town form",    "Målet avgjordes vid tingsrätten i Lund.",               [("tingsrätten i Lund", "lunds-tingsratt")]),
    ("migration court of appeal",    "Migrationsöverdomstolen avgjorde frågan.",              [("Migrationsöverdomstolen", "migrationsoverdomstolen")]),
    # county administrative boards: one id, the whole phrase is the mention
    ("länsstyrelse",                 "Länsstyrelsen deltar i samverkan.",                     [("Länsstyrelsen", "lansstyrelsen")]),
    ("länsstyrelse i X län",         "Länsstyrelsen i Stockholms län ger tillstånd.",         [("Länsstyrelsen i Stockholms län", "lansstyrelsen")]),
    ("länsstyrelse X",               "Länsstyrelsen Skåne ger tillstånd.",                    [("Länsstyrelsen Skåne", "lansstyrelsen")]),
    ("länsstyrelse, lower case",     "Det beslutade länsstyrelsen i Gävleborg.",              [("länsstyrelsen i Gävleborg", "lansstyrelsen")]),
    ("länsstyrelse X genitive",      "Länsstyrelsen Skånes beslut.",                          [("Länsstyrelsen Skånes", "lansstyrelsen")]),
    ("länsstyrelser, plural",        "Länsstyrelsernas arbete samordnas.",                    [("Länsstyrelsernas", "lansstyrelsen")]),
    # not agencies
    ("government",                   "Satsningen är på uppdrag av regeringen.",               []),
    ("ministry",                     "Justitiedepartementet har fått frågan.",                []),
    ("unit: RUC",                    "Arbetet samordnas av Regionalt underrättelsecentrum (RUC).", []),
    ("unit: NUC",                    "Lägesbilden skrivs av Nationellt underrättelsecentrum, NUC.", []),
    ("unit: Noa",                    "Noa har ansvaret nationellt.",                          []),
    ("council: Samverkansrådet",     "Inriktningen beslutas av Samverkansrådet och Operativa rådet.", []),
    ("web address",                  "Mer finns på polisen.se och www.kronofogden.se.",       []),
    ("e-mail address",               "Skriv till registrator@skatteverket.se i dag.",         []),
    ("a police officer",             "En polis skadades lätt.",                               []),
    ("a prosecutor",                 "Åklagaren yrkade fängelse och åklagare i tjänst höll med.", []),
    ("a customs officer",            "En tulltjänsteman upptäckte lasten.",                   []),
    ("police region",                "Resultaten i region Mitt och Region Mitts siffror.",    []),
    ("lower-case abbreviation",      "Det gäller af och fk och csn.",                         []),
    ("abbreviation with lower case", "Beslutet kom från HaV i går.",                          [("HaV", "havs-och-vattenmyndigheten")]),
    ("abbreviation in another case", "Vi åt hav och HAV.",                                    []),
    ("abbreviation letters in words", "Det hade AD inte.",                                    [("AD", "arbetsdomstolen")]),
    ("abbreviation inside a word",   "AFRIKA och FKSAB är inga myndigheter.",                 []),
    ("abbreviation in a compound",   "Hon tog ett CSN-lån.",                                  []),
    ("abbreviation + S",             "Föreskriften AFS 2020:1 gäller.",                       []),
    ("compound with polisen",        "Gränspolisen och trafikpolisen var där.",               []),
    ("Säkerhetspolisen is not polisen", "Säkerhetspolisen utreder.",                          [("Säkerhetspolisen", "sakerhetspolisen")]),
    ("page, not Sida",               "Läs mer på nästa sida.",                                []),
    ("generic noun, no name",        "Flera myndigheter och en domstol deltog.",              []),
]


@pytest.mark.parametrize("text,expected", [(t, e) for _, t, e in FORMS], ids=[p for p, _, _ in FORMS])
def test_forms(text, expected):
    assert mentions(text) == expected


def test_offsets_are_the_mention():
    text = "Enligt Skatte- och Tullverket samt KFM:s siffror."
    for agency in extract(text).agencies:
        for m in agency.mentions:
            assert text[m.start:m.end] == m.text


INFO = [
    # id,                            name,                                   kind,      successor
    ("kronofogdemyndigheten",        "Kronofogdemyndigheten",                "agency",  None),
    ("rikspolisstyrelsen",           "Rikspolisstyrelsen",                   "agency",  "polismyndigheten"),
    ("polismyndigheten-i-skane",     "Polismyndigheten i Skåne",             "agency",  "polismyndigheten"),
    ("vagverket",                    "Vägverket",                            "agency",  "trafikverket"),
    ("stockholms-tingsratt",         "Stockholms tingsrätt",                 "court",   None),
    ("svea-hovratt",                 "Svea hovrätt",                         "court",   None),
    ("lansstyrelsen",                "Länsstyrelsen",                        "agency",  None),
    ("centrala-studiestodsnamnden",  "Centrala studiestödsnämnden",          "agency",  None),
    ("inspektionen-for-vard-och-omsorg", "Inspektionen för vård och omsorg", "agency",  None),
]


@pytest.mark.parametrize("agency_id,name,kind,successor", INFO, ids=[i for i, *_ in INFO])
def test_agency_info(agency_id, name, kind, successor):
    assert agency_info(agency_id) == {"name": name, "kind": kind, "successor": successor}


def _id_rule(name):
    s = name.lower().translate(str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"}))
    s = re.sub(r"[^a-z0-9\s]", "", s)
    return "-".join(s.split())


def test_gazetteer():
    rows = table("agencies.tsv")
    ids = {r["id"] for r in rows}
    assert len(ids) == len(rows)
    for r in rows:
        assert r["id"] == _id_rule(r["name"]), r["name"]
        assert r["kind"] in ("agency", "court")
        assert not r["successor"] or r["successor"] in ids, r["id"]
    assert sum(r["kind"] == "agency" for r in rows) >= 330
    courts = {r["name"] for r in rows if r["kind"] == "court" and not r["successor"]}
    assert sum(n.endswith(" tingsrätt") for n in courts) == 48
    assert sum("hovrätt" in n.lower() for n in courts) == 6
    assert sum(n.startswith("Förvaltningsrätten i ") for n in courts) == 12
    assert sum(n.startswith("Kammarrätten i ") for n in courts) == 4
    assert {"Högsta domstolen", "Högsta förvaltningsdomstolen", "Arbetsdomstolen",
            "Patent- och marknadsöverdomstolen"} <= courts
    aliases = {a for r in rows for a in split(r["aliases"])}
    assert {"Kronofogden", "KFM", "Polisen", "Säpo", "SÄPO", "EBM", "CSN", "MSB", "IVO", "ISF", "Tullen",
            "FK", "AF", "SKV"} <= aliases


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.gold.json")) if SEEDS.is_dir() else ["none"])
def test_seeds(name):
    if not SEEDS.is_dir():
        pytest.skip("no seeds beside the repository")
    gold = json.loads((SEEDS / name).read_text(encoding="utf-8"))
    text = (SEEDS / name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    assert {a.id for a in extract(text).agencies} == set(gold["agencies"])


ADVERSARIAL = [
    ("dashes", "- " * 500_000),
    ("digits", "1" * 100_000),
    ("spaces before a name", " " * 50_000 + "Polisen"),
    ("hyphen stems", "Skatte- och " * 20_000 + "Tullverket"),
    ("many names", "polisen " * 20_000),
    ("many abbreviations", "KFM:s " * 20_000),
]


@pytest.mark.parametrize("text", [t for _, t in ADVERSARIAL], ids=[p for p, _ in ADVERSARIAL])
def test_adversarial_input_returns(text):
    extract(text)
