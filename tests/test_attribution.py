"""Amount attribution, sentence by sentence: (category, agency, part_of) per
amount for every placement of the cue, with negatives where a cue in the next
clause must not win."""
import pytest

from pressextract import extract

FK, KFM, TV, AF = "forsakringskassan", "kronofogdemyndigheten", "tullverket", "arbetsformedlingen"
SKV, POL = "skatteverket", "polismyndigheten"

ATTRIBUTION = [
    # phenomenon, sentence, [(category, agency, part_of) per amount in text order]
    ("cue after: i höjning av skatt", "20,5 miljoner kronor i höjning av skatt.", [("tax_increase", None, None)]),
    ("cue after: har tagits i beslag", "9,3 miljoner kronor har tagits i beslag.", [("seizure", None, None)]),
    ("cue after: i utmätta tillgångar", "1 miljon kronor i utmätta tillgångar.", [("distraint", None, None)]),
    ("cue after: förverkades", "3 miljoner kronor förverkades.", [("forfeiture", None, None)]),
    ("cue after: i skadestånd", "Mannen ska betala 50 000 kronor i skadestånd.", [("damages", None, None)]),
    ("cue after: i böter", "Bolaget får betala 200 000 kronor i böter.", [("fine", None, None)]),
    ("cue before: återkrav på", "Det blev återkrav på 20 miljoner kronor.", [("recovery_claim", None, None)]),
    ("cue before: beslag av kontanter", "Vid tillslaget gjordes beslag av kontanter till ett värde av 2 miljoner kronor.",
     [("seizure", None, None)]),
    ("cue before + subject agency", "Kronofogden utmätte tillgångar till ett värde av drygt en miljon kronor.",
     [("distraint", KFM, None)]),
    ("cue before + inverted subject", "Dessutom utmätte Kronofogden tillgångar till ett värde av 3 miljoner kronor.",
     [("distraint", KFM, None)]),
    ("cue before: höjd skatt med", "Skatteverket fattade beslut om höjd skatt med 12 miljoner kronor.",
     [("tax_increase", SKV, None)]),
    ("genitive agency", "Försäkringskassans återkrav på 4 miljoner kronor gällde assistansersättning.",
     [("recovery_claim", FK, None)]),
    ("agency in brackets", "20,4 miljoner kronor i återkrav (Försäkringskassan)", [("recovery_claim", FK, None)]),
    ("agent after: av Tullverket", "Kontanter för 2 miljoner kronor beslagtogs av Tullverket.", [("seizure", TV, None)]),
    ("label with colon", "Återkrav: 20,4 mkr", [("recovery_claim", None, None)]),
    ("table row", "Beslag | 9,3 mkr", [("seizure", None, None)]),
    ("label line above", "Utmätning\n4,2 mkr", [("distraint", None, None)]),
    ("two clauses, two categories",
     "Kronofogden utmätte bilar för 2 miljoner kronor och Tullverket beslagtog kontanter för 1 miljon kronor.",
     [("distraint", KFM, None), ("seizure", TV, None)]),
    ("varav parts inherit category and take agencies",
     "11,8 miljoner kronor i besparing utifrån förhindrade felaktiga utbetalningar, varav 9,3 miljoner "
     "Försäkringskassan, samt 2,5 miljoner Arbetsförmedlingen.",
     [("prevented_payment", None, None), ("prevented_payment", FK, 0), ("prevented_payment", AF, 0)]),
    ("varav parts name their own categories",
     "Totalt 40 miljoner kronor, varav 25 miljoner i höjd skatt och 15 miljoner i återkrav.",
     [("total", None, None), ("tax_increase", None, 0), ("recovery_claim", None, 0)]),
    ("därav", "Beslagen uppgick till 6 miljoner kronor, därav 2 miljoner kronor i kontanter.",
     [("seizure", None, None), ("seizure", None, 0)]),
    ("nested breakdown",
     "Sammanlagt 50 miljoner kronor, varav 30 miljoner i höjd skatt (varav 5 miljoner i skattetillägg) och "
     "20 miljoner i återkrav.",
     [("total", None, None), ("tax_increase", None, 0), ("tax_increase", None, 1), ("recovery_claim", None, 0)]),
    ("total: list of categories", "Arbetet har gett återkrav och besparingar på 63 miljoner kronor.",
     [("total", None, None)]),
    ("total: long list before",
     "Genom skattehöjningar, återkrav, utmätningar och beslag har besparingar på 63 miljoner kronor gjorts.",
     [("total", None, None)]),
    ("total: sammanlagt alone", "Sammanlagt handlar det om 80 miljoner kronor.", [("total", None, None)]),
    ("strong cue beats totalt", "Totalt har 9,3 miljoner kronor tagits i beslag.", [("seizure", None, None)]),
    ("crime amount", "Mannen åtalas för bedrägerier för 3 miljoner kronor.", [("crime_amount", None, None)]),
    ("crime amount: smuggled goods", "Smugglade varor värda 3 miljoner kronor hittades.", [("crime_amount", None, None)]),
    ("cost: satsar", "Regeringen satsar 200 miljoner kronor på arbetet.", [("cost", None, None)]),
    ("asset freeze", "Tingsrätten beslutade om kvarstad på 1,5 miljoner kronor.", [("asset_freeze", None, None)]),
    ("forfeiture: förverkat brottsutbyte", "Tingsrätten dömde ut förverkat brottsutbyte om 800 000 kronor.",
     [("forfeiture", None, None)]),
    ("no cue: other", "Priset var 500 kronor.", [("other", None, None)]),
    # negatives: the agency or cue in another clause must not win
    ("negative: agency behind preposition",
     "I samarbete med Polisen har 2 miljoner kronor beslagtagits.", [("seizure", None, None)]),
    ("negative: agency in the next sentence",
     "Båtar utmättes till ett värde av 996 000 kronor. Kronofogden berättar mer.", [("distraint", None, None)]),
    ("negative: cue in the next sentence",
     "Bolaget fick 300 000 kronor. Senare kom ett beslut om återkrav.", [("other", None, None)]),
    ("negative: cue in the next clause",
     "Han lånade 40 000 kronor, medan hans bror fick återkrav.", [("other", None, None)]),
    ("list under one verb: later items take the first's category",
     "Vid kontrollen utmättes en bil värd en halv miljon kronor, två andra bilar värda 385 000 kronor "
     "samt smycken för drygt 60 000 kronor.",
     [("distraint", None, None), ("distraint", None, None), ("distraint", None, None)]),
    ("list item: currency after och", "I lägenheten beslagtogs 1,2 miljoner kronor i kontanter och 34 000 euro.",
     [("seizure", None, None), ("seizure", None, None)]),
    ("list item with its own agency: no inheritance",
     "Polisen beslagtog 2 miljoner kronor, och Kronofogden drev in 300 000 kronor.",
     [("seizure", POL, None), ("other", KFM, None)]),
    ("subject between verb and particle", "I ärendet krävde Försäkringskassan tillbaka 23,7 miljoner kronor.",
     [("recovery_claim", FK, None)]),
    ("street value is the crime's size", "Kokainet hade ett uppskattat gatuvärde på 10–15 miljoner kronor.",
     [("crime_amount", None, None)]),
    ("brottsutbyte alone", "Brottsutbytet uppskattas till runt 600 000 kronor.", [("crime_amount", None, None)]),
    ("förverkat brottsutbyte", "Tingsrätten beslutade om förverkat brottsutbyte på 2 miljoner kronor.",
     [("forfeiture", None, None)]),
    ("dagsböter", "Mannen dömdes till 60 dagsböter à 120 kronor.", [("fine", None, None)]),
    ("a markdown table under an intro line",
     "Så fördelade sig utmätningarna:\n\n| Tillgång | 2023 |\n| --- | --- |\n| Lön | 4,1 mdkr |\n| Bankmedel | 1,2 mdkr |",
     [("distraint", None, None), ("distraint", None, None)]),
    ("miljöskyddsavgift", "Rederiet ska betala en miljöskyddsavgift på 1 284 000 kronor.", [("fine", None, None)]),
    ("colon list after an amount: its parts",
     "KKV yrkar konkurrensskadeavgifter på sammanlagt 142 miljoner kronor: 78 miljoner kronor för A "
     "och 23 miljoner kronor för B.",
     [("fine", "konkurrensverket", None), ("fine", "konkurrensverket", 0), ("fine", "konkurrensverket", 0)]),
    ("a sentence 'Av återkraven ...' breaks down the amount whose value holds the parts",
     "Myndigheten krävde tillbaka 258 miljoner kronor. Det är en ökning från 231 miljoner kronor året innan.\n\n"
     "Av återkraven gällde 174 miljoner kronor bostadstillägg och 63 miljoner kronor garantipension.",
     [("recovery_claim", None, None), ("recovery_claim", None, None),
      ("recovery_claim", None, 0), ("recovery_claim", None, 0)]),
    ("a sentence naming the parent before a colon",
     "FI beslutar att banken ska betala en sanktionsavgift på 85 miljoner kronor.\n\n"
     "Sanktionsavgiften avser två överträdelser: 60 miljoner kronor för A och 25 miljoner kronor för B.",
     [("fine", "finansinspektionen", None), ("fine", None, 0), ("fine", None, 0)]),
    ("no parent whose value holds the parts: no part_of",
     "Bolaget omsatte 5 miljoner kronor.\n\nAv dem gick 7 miljoner kronor till ägarna.",
     [("other", None, None), ("other", None, None)]),
    ("sammanlagt after a list item of one kind keeps that kind",
     "Föreläggandet förenas med ett vite på 500 000 kronor per hem, sammanlagt 1,5 miljoner kronor.",
     [("fine", None, None), ("fine", None, None)]),
    ("comparison in the next sentence", "Myndigheten krävde tillbaka 258 miljoner kronor. "
     "Det är en ökning från 231 miljoner kronor året innan.", [("recovery_claim", None, None), ("recovery_claim", None, None)]),
    ("kräver X på", "I ärendet kräver Pensionsmyndigheten ett dödsbo på 1,3 miljoner kronor.",
     [("recovery_claim", "pensionsmyndigheten", None)]),
    ("a crime's size is credited to no agency",
     "Företrädaren utreds av Polismyndigheten för bedrägerier för uppemot 30 miljoner kronor.",
     [("crime_amount", None, None)]),
    ("förverkade brottsvinster", "Värdet av förverkade brottsvinster i EBM:s ärenden var 324 miljoner kronor.",
     [("forfeiture", "ekobrottsmyndigheten", None)]),
    ("two cues joined by a comma alone are no list",
     "Skatteverket, som också deltog i beslaget, påförde skattetillägg på 300 000 kronor.",
     [("tax_increase", SKV, None)]),
    ("a list of two cues with och is a total", "Återkrav och beslag gav 63 miljoner kronor.", [("total", None, None)]),
    ("tillfört staten is a result", "Arbetet har tillfört staten 12 miljoner kronor.", [("total", None, None)]),
    ("tillför alone is a cost", "Regeringen tillför 50 miljoner kronor till polisen.", [("cost", None, None)]),
    ("stoppade with the subject between",
     "I länet stoppade Försäkringskassan och Arbetsförmedlingen felaktiga utbetalningar för 8,6 miljoner kronor.",
     [("prevented_payment", None, None)]),
    ("felaktiga utbetalningar alone: nothing was stopped",
     "Kvinnan har fått 700 000 kronor i felaktiga utbetalningar.", [("other", None, None)]),
]


@pytest.mark.parametrize("text, expected", [r[1:] for r in ATTRIBUTION], ids=[r[0] for r in ATTRIBUTION])
def test_attribution(text, expected):
    amounts = extract(text).amounts
    got = [(a.category, a.agency, a.part_of) for a in amounts]
    assert got == [tuple(e) for e in expected]


def test_competing_cues_warn():
    r = extract("Polisen beslagtog 2 miljoner kronor som förverkades.")
    assert r.amounts[0].category == "seizure" or any("compete" in w for w in r.warnings)


def test_year_and_region_in_scope():
    r = extract("2019 återkrävdes 3 miljoner kronor i region Syd.")
    a = r.amounts[0]
    assert (a.year, a.region) == (2019, "syd")


YEARS_AND_REGIONS = [
    # phenomenon, text, published, [(year, region) per amount]
    ("place earlier in the sentence", "I Helsingborg beslagtog Tullverket 340 000 danska kronor och 62 000 DKK.",
     "2022-05-01", [(2022, "syd"), (2022, "syd")]),
    ("a place after the amount in a later sentence is not its own, but the release's region applies",
     "Tullverket beslagtog 340 000 kronor. I Helsingborg greps två män.", "2022-05-01", [(2022, "syd")]),
    ("year of a table row, not of the next row's label", "År | Anslag\n2023 | 1 096 400 tSEK\n2024 | 1 186 400 tSEK",
     "2024-09-01", [(2023, None), (2024, None)]),
    ("'då' refers back to the year", "Det är en ökning jämfört med 2022, då resultatet var 61 miljoner kronor.",
     "2024-02-01", [(2022, None)]),
    ("a period covers the next clause",
     "Mannen undandrog under 2021 skatt med 6,2 miljoner kronor och tvättade pengar för 12 miljoner kronor.",
     "2024-05-01", [(2021, None), (2021, None)]),
]


@pytest.mark.parametrize("text, published, expected", [r[1:] for r in YEARS_AND_REGIONS],
                         ids=[r[0] for r in YEARS_AND_REGIONS])
def test_years_and_regions(text, published, expected):
    amounts = extract(text, published=published).amounts
    assert [(a.year, a.region) for a in amounts] == [tuple(e) for e in expected]
