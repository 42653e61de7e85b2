"""Years: explicit and relative mentions, resolution, the reporting year.

Tables in the Duckling manner: the phenomenon names the test, positives and
negatives side by side. Phrases are made up for the tests.
"""
from __future__ import annotations

import json

import pytest

from pressextract import dates, years
from pressextract.hits import Found, MoneyHit, QuantityHit


def _found(text: str, *, money=(), quantities=(), title=True) -> Found:
    found = Found(text=text)
    if title:
        nl = text.find("\n")
        found.title, found.title_end = (text[:nl], nl) if nl > 0 else (None, 0)
    found.money = [MoneyHit(start=s, end=e, value=1.0) for s, e in money]
    found.quantities = [QuantityHit(start=s, end=e, value=1.0, qualifier=None, unit=u, category="other")
                        for s, e, u in quantities]
    dates.find(found, None)
    years.find(found, None)
    return found


def _mentions(found: Found) -> list[tuple[str, object]]:
    return [(found.text[h.start:h.end], h.year) for h in found.years]


# --- finding ---------------------------------------------------------------

YEARS = [
    # phenomenon,                 text,                                              expected (mention, year), in text order
    ("bare year",                 "Beslagen ökade 2020.",                            [("2020", 2020)]),
    ("år YYYY",                   "Det gällde år 2020 och inget annat.",             [("2020", 2020)]),
    ("under YYYY",                "Under 2020 greps fyra män.",                      [("2020", 2020)]),
    ("genitive års",              "Det var 2020 års största ärende.",                [("2020 års", 2020)]),
    ("genitive :s",               "Jämför med 2019:s siffror.",                      [("2019:s", 2019)]),
    ("sedan YYYY",                "Sedan 2009 arbetar myndigheterna ihop.",          [("2009", 2009)]),
    ("season YYYY",               "Arbetet startade sommaren 2009.",                 [("2009", 2009)]),
    ("parenthesised",             "Resultat i korthet (2020):",                      [("2020", 2020)]),
    ("slash pair",                "Verksamhetsåret 2019/2020 var starkt.",           [("2019", 2019), ("2020", 2020)]),
    ("slash pair, two digits",    "Säsongen 2020/21 blev lång.",                     [("2020", 2020), ("21", 2021)]),
    ("en dash range",             "Under 2013–2018 växte arbetet.",                  [("2013", 2013), ("2018", 2018)]),
    ("hyphen range",              "Perioden 2013-2018 utvärderas.",                  [("2013", 2013), ("2018", 2018)]),
    ("spaced range",              "Mellan 2013 – 2018 ökade det.",                   [("2013", 2013), ("2018", 2018)]),
    ("list of years",             "Åren 2018, 2019 och 2020 jämförs.",               [("2018", 2018), ("2019", 2019), ("2020", 2020)]),
    ("date in text, month name",  "Mannen greps den 3 mars 2020 i Gävle.",           [("2020", 2020)]),
    ("date in text, ISO",         "Beslutet togs 2021-03-31 av rätten.",             [("2021", 2021)]),
    ("date in text, dotted",      "Beslutet togs 31.3.2021 av rätten.",              [("2021", 2021)]),
    ("date in text, D/M YYYY",    "Från 1/7 2020 gäller nya regler.",                [("2020", 2020)]),
    ("year-month",                "Statistiken för 2020-12 visar ökning.",           [("2020", 2020)]),
    ("edge of range 1900",        "Lagen från 1900 gäller.",                         [("1900", 1900)]),
    ("edge of range 2100",        "Målet gäller till 2100.",                         [("2100", 2100)]),
    ("year then clock time",      "Mötet hölls 4 maj 2021 10:37 i Luleå.",           [("2021", 2021)]),
    # relative forms (year None until resolved)
    ("förra året",                "Förra året greps fler.",                          [("Förra året", None)]),
    ("i fjol",                    "I fjol var det färre.",                           [("I fjol", None)]),
    ("ifjol",                     "Antalet ökade ifjol.",                            [("ifjol", None)]),
    ("fjolårets",                 "Fjolårets resultat var sämre.",                   [("Fjolårets", None)]),
    ("under fjolåret",            "Det skedde under fjolåret.",                      [("fjolåret", None)]),
    ("förra årets",               "Förra årets siffror höll.",                       [("Förra årets", None)]),
    ("i år",                      "I år har vi gjort mer.",                          [("I år", None)]),
    ("under året",                "Under året gjordes 40 insatser.",                 [("Under året", None)]),
    ("föregående år",             "Det var mer än föregående år.",                   [("föregående år", None)]),
    ("året innan",                "Året innan var det lugnare.",                     [("Året innan", None)]),
    ("nästa år",                  "Nästa år fortsätter arbetet.",                    [("Nästa år", None)]),
    ("phrase over a line break",  "Det gällde förra\nåret.",                         [("förra\nåret", None)]),
    ("phrase with a dotted İ",    "İ ÅR har vi gjort mer.",                          [("İ ÅR", None)]),
    # negatives: the same digits, no year
    ("amount grouped",            "Det kostade 2 000 kronor.",                       []),
    ("amount ungrouped",          "Det kostade 2000 kronor.",                        []),
    ("amount in mkr",             "Beslag för 2020 mkr.",                            []),
    ("percentage",                "Andelen var 2020 procent.",                       []),
    ("prison years grouped",      "Totalt 1 100 års fängelse.",                      []),
    ("prison years",              "Sammanlagt dömdes de till 1100 års fängelse.",   []),
    ("count after qualifier",     "Drygt 2000 ärenden granskades.",                  []),
    ("count before noun",         "Hela 1999 personer kontrollerades.",              []),
    ("duration in years",         "För 2000 år sedan fanns inget.",                  []),
    ("case number slash",         "Ärendet har nummer 2020/1234.",                   []),
    ("case number letters",       "Se ärende AM-12345-20.",                          []),
    ("diary number",              "Se dnr 2021-1234 för detaljer.",                  []),
    ("diary number with slash",   "Diarienummer A 2018/1275.",                       []),
    ("statute number",            "Lagen SFS 2020:123 gäller.",                      []),
    ("clock time",                "Vi ses kl. 20.20 i kväll.",                       []),
    ("clock time, four digits",   "Larmet kom kl 2030 i går.",                       []),
    ("postal code",               "Adress: Box 1, 114 55 Stockholm.",                []),
    ("postal box",                "Skriv till Box 2034, Örebro.",                    []),
    ("phone number",              "Ring 010-563 10 00.",                             []),
    ("phone number, four digits", "Ring 08-401 2020 i dag.",                         []),
    ("inside a larger number",    "Det var 12 2020 stycken.",                        []),
    ("digit group after",         "Summan 2020 500 stämmer inte.",                   []),
    ("decimal",                   "Värdet 2020,5 avrundas.",                         []),
    ("decade",                    "Under 2000-talet ökade det.",                     []),
    ("web address",               "Läs mer på polisen.se/2020/resultat.",            []),
    ("out of range",              "Koden 1899 och koden 2101.",                      []),
    ("five digits",               "Koden 20201 gäller.",                             []),
    ("letters glued",             "Modellen X2020 såldes.",                          []),
    ("not the phrase: åratal",    "Det har pågått i åratal.",                        []),
    ("not the phrase: årets",     "Hon blev årets polis.",                           []),
]


@pytest.mark.parametrize("text,expected", [row[1:] for row in YEARS], ids=[row[0] for row in YEARS])
def test_years_found(text, expected):
    assert _mentions(_found(text, title=False)) == expected


def test_years_inside_money_are_skipped():
    text = "Beloppet uppgick till 2020 i år."
    found = _found(text, money=[(22, 26)], title=False)
    assert _mentions(found) == [("i år", None)]


def test_years_inside_quantities_are_skipped_but_not_prison_years_spans():
    text = "Det blev 2021 gripna och 2020 års resultat."
    found = _found(text, quantities=[(9, 20, "person")], title=False)
    assert _mentions(found) == [("2020 års", 2020)]


def test_page_date_lines_give_no_year():
    text = "Rubrik\n\nPublicerad 31 mars 2021\n\nUnder 2020 greps fem.\n\nÄndrad 4 augusti 2021 10:37"
    assert _mentions(_found(text)) == [("2020", 2020)]


def test_relative_hits_carry_offset_and_anchor():
    found = _found("Förra året och året innan, under året och i år.", title=False)
    got = [(found.text[h.start:h.end], h.relative, h.offset, h.anchor) for h in found.years]
    assert got == [("Förra året", True, 1, "date"), ("året innan", True, 1, "named"),
                   ("under året", True, None, "focus"), ("i år", True, 0, "date")]


def test_full_dates_in_the_text_are_marked():
    found = _found("Domen kom den 21 mars 2023, den 2023-04-01 och 3.5.2023 för brott från 2019.", title=False)
    assert [(h.year, h.in_date) for h in found.years] == [(2023, True), (2023, True), (2023, True), (2019, False)]


ROLES = [
    # phenomenon,           text,                                   role
    ("since",               "Sedan 2009 arbetar de ihop.",          "since"),
    ("since with filler",   "Sedan den 1 januari 2009 gäller det.", "since"),
    ("start verb",          "Samarbetet startade sommaren 2009.",   "since"),
    ("compare",             "Det är fler jämfört med 2019.",        "compare"),
    ("deadline",            "Svar ska lämnas senast den 1 juni 2024.", "deadline"),
    ("för YYYY",            "Budgeten för 2023 är klar.",           "period"),
    ("report",              "Här är resultaten för 2019.",          "report"),
    ("genitive",            "Det gäller 2020 års arbete.",          "report"),
    ("period",              "Under 2020 ökade beslagen.",           "period"),
    ("period with filler",  "Under första halvåret 2020 ökade det.", "period"),
    ("none",                "Det hände 2020.",                      None),
    ("none after och",      "Hon kom och 2020 var lugnt.",          None),
    ("cue in parentheses",  "Han kom (under 2020) hit.",            "period"),
    ("cue in capitals",     "UNDER 2020 ÖKADE BESLAGEN.",           "period"),
    ("cue across a line",   "Det gäller resultaten för\n2019.",     "report"),
]


@pytest.mark.parametrize("text,role", [row[1:] for row in ROLES], ids=[row[0] for row in ROLES])
def test_year_roles(text, role):
    found = _found(text, title=False)
    assert [h.role for h in found.years] == [role]


# --- resolution ---------------------------------------------------------------

RESOLVE = [
    # phenomenon,                       text,                                                    published,    modified,            reporting, expected (mention, year)
    ("förra året on published",         "Förra året greps tio.",                                  "2021-02-01", None,                None, [("Förra året", 2020)]),
    ("i fjol on published",             "I fjol greps tio.",                                      "2021-02-01", None,                None, [("I fjol", 2020)]),
    ("i år on published",               "I år greps tio.",                                        "2021-06-01", None,                None, [("I år", 2021)]),
    ("nästa år on published",           "Nästa år blir det fler.",                                "2021-06-01", None,                None, [("Nästa år", 2022)]),
    ("förrförra året on published",     "Förrförra året var det lugnt.",                          "2021-06-01", None,                None, [("Förrförra året", 2019)]),
    ("published before modified",       "Förra året greps tio.",                                  "2021-02-01", "2023-01-01T10:00", None, [("Förra året", 2020)]),
    ("modified when no published",      "Förra året greps tio.",                                  None,         "2021-08-04T10:37", None, [("Förra året", 2020)]),
    ("reporting year, no date",         "Förra året greps tio. Resultat (2020):",                 None,         None,                2020, [("Förra året", 2020), ("2020", 2020)]),
    ("i år on reporting year",          "I år greps tio.",                                        None,         None,                2020, [("I år", 2020)]),
    ("förrförra on reporting year",     "Förrförra året var det lugnt.",                          None,         None,                2020, [("Förrförra året", 2019)]),
    ("under året: last named year",     "Under 2019 startade arbetet. Under året greps tio.",    "2021-01-01", None,                2020, [("2019", 2019), ("Under året", 2019)]),
    ("under året: reporting year",      "Under året greps tio. Det var 2020 års bästa.",          None,         "2021-08-04T10:37", 2020, [("Under året", 2020), ("2020 års", 2020)]),
    ("under året skips since-years",    "Sedan 2009 samverkar vi. Under året greps tio.",         None,         None,                2020, [("2009", 2009), ("Under året", 2020)]),
    ("under året skips compared years", "Jämfört med 2019 var det fler. Under året greps tio.",   None,         None,                2020, [("2019", 2019), ("Under året", 2020)]),
    ("under året: published year",      "Under året greps tio.",                                  "2021-03-01", None,                None, [("Under året", 2021)]),
    ("året innan: named year",          "År 2015 startade det. Året innan var det lugnt.",        "2021-01-01", None,                None, [("2015", 2015), ("Året innan", 2014)]),
    ("samma år: named year",            "Lagen kom 2017 och samma år ökade anmälningarna.",       "2021-01-01", None,                None, [("2017", 2017), ("samma år", 2017)]),
    ("året därpå: named year",          "Lagen kom 2017 och året därpå ökade det.",               None,         None,                None, [("2017", 2017), ("året därpå", 2018)]),
    ("föregående år: named year",       "Under 2020 ökade det jämfört med föregående år.",        "2021-01-01", None,                None, [("2020", 2020), ("föregående år", 2019)]),
    ("föregående år without a year",    "Det ökade jämfört med föregående år.",                   "2021-01-01", None,                None, [("föregående år", 2020)]),
    ("full date in the text as the date", "Domen kom den 21 mars 2023. Förra året friades han.",       None,         None,                None, [("2023", 2023), ("Förra året", 2022)]),
    ("året innan skips a since-year",   "Under 2021 ökade det, mest sedan starten 2009, mer än året innan.", "2022-01-01", None,           None, [("2021", 2021), ("2009", 2009), ("året innan", 2020)]),
    # unresolved
    ("a deadline is no date",           "Svaret ska komma senast den 1 oktober 2024. Förra året kom inget.", None,   None,                None, [("2024", 2024), ("Förra året", None)]),
    ("förra året, nothing known",       "Förra året greps tio.",                                  None,         None,                None, [("Förra året", None)]),
    ("under året, nothing known",       "Under året greps tio.",                                  None,         None,                None, [("Under året", None)]),
]


@pytest.mark.parametrize("text,published,modified,reporting,expected", [row[1:] for row in RESOLVE],
                         ids=[row[0] for row in RESOLVE])
def test_resolve(text, published, modified, reporting, expected):
    found = _found(text, title=False)
    warnings = years.resolve(found, published=published, modified=modified, reporting=reporting)
    assert _mentions(found) == expected
    unresolved = [m for m, y in expected if y is None]
    assert len(warnings) == len(unresolved)
    for phrase, warning in zip(unresolved, warnings):
        assert phrase in warning


def test_unresolved_warning_names_phrase_and_offset():
    found = _found("Förra året greps tio.", title=False)
    [warning] = years.resolve(found, published=None, modified=None, reporting=None)
    assert "'Förra året'" in warning and "offset 1" in warning


# --- the reporting year ----------------------------------------------------------

LEAD = "Myndigheterna i regionen har arbetat tillsammans mot organiserad brottslighet hela tiden."

REPORTING = [
    # phenomenon,                      text,                                                                          published,   expected
    ("heading with (YYYY)",            f"Stora framgångar\n\n{LEAD}\n\nResultat i siffror (2020):\n\n• 5 mkr i beslag", None,         2020),
    ("genitive in the lead",           f"Rubrik\n\nDet är resultatet av 2020 års samverkan i regionen, där tolv myndigheter deltar.", None, 2020),
    ("resultaten för",                 f"Rubrik\n\n{LEAD}\n\nHär är resultaten för 2019 i korthet.",                     None,         2019),
    ("year in the title",              f"Samverkan i region Syd 2019\n\n{LEAD}",                                         None,         2019),
    ("under YYYY in the lead",         f"Rubrik\n\nUnder 2018 samverkade myndigheterna mot organiserad brottslighet i regionen.", None, 2018),
    ("most named in the lead",         f"Rubrik\n\nÅr 2018 och 2018 igen var det stora året, inte 2017 som många tror i regionen.", None, 2018),
    ("since-year does not count",      f"Rubrik\n\nSedan 2009 samverkar tolv myndigheter mot organiserad brottslighet i regionen. Under 2020 greps fler.", None, 2020),
    ("compared year does not count",   f"Rubrik\n\nJämfört med 2019 ökade beslagen kraftigt i regionen under det senaste året, mer än väntat.", None, None),
    ("heading beats a title year",     f"Rubrik om 2019 och mer\n\n{LEAD}\n\nResultat (2020):", None, 2020),
    ("bare year closing a heading",    f"Rubrik\n\n{LEAD}\n\nKort om resultaten i regionen 2022\n\nBeslag: 5 mkr", None, 2022),
    ("summerar YYYY",                  f"Rubrik\n\nRegionen summerar 2018 som ett rekordår, med fler ärenden än någonsin förut.", "2019-02-01", 2018),
    ("starten YYYY is a starting point", f"Rubrik\n\nÄnda sedan starten sommaren 2009 har vi i regionen jobbat sida vid sida.", None, None),
    ("background year, dated release", f"Rubrik\n\nTingsrätten dömde i dag tre män. Brotten begicks 2016 och upptäcktes av myndigheten.", "2018-11-05", None),
    ("period year, dated release",     f"Rubrik\n\nLigan spanades på under 2011 och 2012 av polisen, och nu har domen fallit i målet.", "2013-11-27", None),
    ("weak forms only, no date: latest", "Rubrik\n\nGranskningen gäller 2021 och 2022 och visar brister i hur bidragen följs upp i kommunen.", None, 2022),
    ("range closing the title",        "Plan för 2013–2015\n\n2012-02-28\n\nAnslaget föreslås öka med 100 mnkr år 2013, mest för löner och lokaler i hela landet.", None, 2013),
    ("full date: dated, left to the fallback", "Rubrik\n\nBidraget betalades ut 2019–2021 och beslutet om återkrav togs den 12 september 2022 av nämnden.", None, None),
    ("förra året: left to the fallback", f"Rubrik\n\nFörra året samverkade myndigheterna mot organiserad brottslighet i regionen.", "2021-02-10", None),
    ("no year at all",                 f"Rubrik\n\n{LEAD}",                                                              None,         None),
    ("a citation is not a heading",    f"Rubrik\n\n{LEAD} Det visar en rapport från Brå (2019) som kom i höstas och som många läst.", None, 2019),
]


@pytest.mark.parametrize("text,published,expected", [row[1:] for row in REPORTING], ids=[row[0] for row in REPORTING])
def test_reporting_year(text, published, expected):
    found = _found(text)
    found.published_hint = published
    assert years.reporting_year(found) == expected


def test_reporting_year_marks_the_hits_that_state_it():
    found = _found(f"Rubrik\n\n{LEAD}\n\nResultat i siffror (2020):")
    assert years.reporting_year(found) == 2020
    assert [h.reporting for h in found.years] == [True]


FALLBACK = [
    # phenomenon,                          text,                                                      published,    expected
    ("under förra året, dated 2021",       "Rubrik\n\nUnder förra året greps tio personer.",         "2021-02-01", 2020),
    ("förra årets results, dated 2021",    "Rubrik\n\nFörra årets resultat var det bästa hittills.",  "2021-02-01", 2020),
    ("i fjol in the title",                "Samverkan slog hårt mot brotten i fjol\n\nText.",        "2021-02-01", 2020),
    ("i fjol for an earlier event",        "Rubrik\n\nHovrätten höjer straffet. Tingsrätten friade i fjol mannen.", "2023-05-03", 2023),
    ("i år in a release dated 2021",       "Rubrik\n\nI år har tio personer gripits.",                 "2021-06-01", 2021),
    ("period form further down",           f"Rubrik\n\n{LEAD}\n\n{LEAD}\n\nUnder 2018 greps tio.",     None,         2018),
    ("dated, no year stated",              f"Rubrik\n\n{LEAD}",                                        "2021-02-01", 2021),
    ("background year, dated release",     "Rubrik\n\nBrotten begicks 2016 och upptäcktes sent av myndigheten i regionen.", "2018-11-05", 2018),
    ("förra året deep down is background", f"Rubrik\n\n{LEAD}\n\n{LEAD}\n\nFörra året dömdes han.", "2021-02-01", 2021),
    ("bare förra året and under YYYY",     "Rubrik\n\nMyndigheten tog förra året in mer än någonsin. Under 2024 kom fler ärenden än förut.", "2025-02-12", 2024),
    ("full date stands in for the date",   "Rubrik\n\nBidraget betalades ut 2019–2021 och beslutet om återkrav togs den 12 september 2022.", None, 2022),
    ("deadline is no date",                "Rubrik\n\nUppdraget gäller budgeten för 2023 och ska redovisas senast den 1 oktober 2024.", None, 2023),
    ("nothing to go on",                   f"Rubrik\n\n{LEAD}",                                        None,         None),
    ("since-years only",                   f"Rubrik\n\n{LEAD}\n\n{LEAD}\n\nSedan 2009 samverkar vi.",  None,         None),
]


@pytest.mark.parametrize("text,published,expected", [row[1:] for row in FALLBACK], ids=[row[0] for row in FALLBACK])
def test_reporting_year_fallback(text, published, expected):
    found = _found(text)
    years.resolve(found, published=published, modified=None, reporting=None)
    assert years.reporting_year_fallback(found, published=published) == expected


# --- end to end: the seeds ---------------------------------------------------------

from _shared import SEEDS  # noqa: E402
SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not SEED_FILES, reason="seed texts not present")
@pytest.mark.parametrize("path", SEED_FILES, ids=[p.stem for p in SEED_FILES])
def test_seed_years(path):
    from pressextract import extract

    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    release = extract(path.read_text(encoding="utf-8"))
    assert sorted(y.year for y in release.years) == sorted(gold["years"])
    assert release.year == gold["year"]
    assert release.published == gold["published"]
    assert release.modified == gold["modified"]
    text = path.read_text(encoding="utf-8")
    for y in release.years:
        for m in y.mentions:
            assert text[m.start:m.end] == m.text


# --- adversarial inputs: each must simply return -------------------------------------

ADVERSARIAL = [
    ("100 000 digits",               "1" * 100_000),
    ("100 000 year-like digits",     "2020" * 25_000),
    ("years separated by spaces",    "2020 " * 50_000),
    ("years between words",          "år 2020 x " * 20_000),
    ("1 MB of dash space",           "- " * 500_000),
    ("spaces before kronor",         "2020" + " " * 50_000 + "kronor"),
    ("spaces inside a phrase",       "förra" + " " * 50_000 + "året"),
    ("spaces before a year",         "sedan" + " " * 50_000 + "2009"),
    ("many anchors",                 "år " * 100_000),
    ("many blank lines",             "\n \n" * 100_000),
    ("many headings",                "Resultat (2020):\n" * 20_000),
    ("one long line of (YYYY)",      "(2020) " * 100_000),
    ("many page-date labels",        "Publicerad " * 100_000 + "2021"),
    ("label then spaces",            "Publicerad 31" + " " * 50_000 + "mars 2021"),
]


@pytest.mark.parametrize("text", [row[1] for row in ADVERSARIAL], ids=[row[0] for row in ADVERSARIAL])
def test_adversarial_inputs_return(text):
    found = _found(text)
    reporting = years.reporting_year(found)
    years.resolve(found, published=None, modified=None, reporting=reporting)
    years.reporting_year_fallback(found, published=None)
