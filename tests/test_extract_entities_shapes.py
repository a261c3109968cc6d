"""Entity extraction on hand-written sentences, with the shipped reference data.

Name shapes (Unicode letters, camel case, particles, honorifics), title shapes (coordinated
portfolios, "Title, Name", capitalised appositions, more title cores), and the country of a post.
"""

from __future__ import annotations

import pytest

from handmade import entities_of, holdings_of
from kg.extract.entities import clean_person_name


@pytest.mark.parametrize(("text", "name", "title", "iso"), [
    ("Vietnamese Trade Minister Nguyễn Hồng Diên met reporters in Hanoi.", "Nguyễn Hồng Diên",
     "Vietnamese Trade Minister", "VN"),
    ("Czech Industry Minister Lukáš Vlček said exports fell.", "Lukáš Vlček",
     "Czech Industry Minister", "CZ"),
    ("Brian McDonald, the minister responsible for fisheries, spoke first.", "Brian McDonald",
     "minister responsible for fisheries", None),
    ("Eamon O'Brien, an economist at the Peterson Institute for International Economics, disagreed.",
     "Eamon O'Brien", "economist", None),
    ("Polish Development Minister Krzysztof Paszyk arrived on Monday.", "Krzysztof Paszyk",
     "Polish Development Minister", "PL"),
])
def test_extract_entities_unicode_and_camel_case_names(text: str, name: str, title: str,
                                                       iso: str | None) -> None:
    ex = entities_of(text)
    held = holdings_of(ex, name)
    assert [h.title for h in held] == [title]
    assert held[0].country == iso


@pytest.mark.parametrize(("text", "name", "alias"), [
    ("Dutch Trade Minister Pieter van den Broek met buyers. Mr van den Broek said prices rose.",
     "Pieter van den Broek", "Mr van den Broek"),
    ("Saudi Energy Minister Abdulaziz bin Salman spoke on Sunday.", "Abdulaziz bin Salman",
     "Saudi Energy Minister Abdulaziz bin Salman"),
    ("Mark de Vries, a senior fellow at the Clingendael institute, was cautious.", "Mark de Vries",
     "Mark de Vries"),
])
def test_extract_entities_name_particles(text: str, name: str, alias: str) -> None:
    ex = entities_of(text)
    person = next(p for p in ex.persons if p.name == name)
    assert alias in person.aliases
    assert not any(p.name in ("Pieter", "Abdulaziz", "Mark", "Broek") for p in ex.persons)


@pytest.mark.parametrize(("text", "name", "alias"), [
    ("The Rt Hon Kemi Badenoch MP visited Tokyo on Friday.", "Kemi Badenoch", "The Rt Hon Kemi Badenoch"),
    ("Sir Anand Rao KC chaired the hearing.", "Anand Rao", "Anand Rao"),
    ("Lord Hannan met officials in Delhi.", "Hannan", "Lord Hannan"),
    ("Mr Albanese told reporters the visit went well.", "Albanese", "Mr Albanese"),
    ("Shri Rakesh Mehta, the commerce secretary, said the round was useful.", "Rakesh Mehta",
     "Rakesh Mehta"),
])
def test_extract_entities_honorifics_and_post_nominals(text: str, name: str, alias: str) -> None:
    ex = entities_of(text)
    names = [p.name for p in ex.persons]
    assert name in names
    assert not any(n.startswith(("The ", "Rt ", "Sir ", "Lord ", "Mr ", "Shri ")) or n.endswith((" MP", " KC"))
                   for n in names)
    assert alias in next(p for p in ex.persons if p.name == name).aliases


@pytest.mark.parametrize(("written", "clean"), [
    ("The Rt Hon Sir Alan Duncan KCMG MP", "Alan Duncan"),
    ("Dr. Lena Ortiz", "Lena Ortiz"),
    ("Baroness Hayter", "Hayter"),
    ("Smt Nirmala Iyer", "Nirmala Iyer"),
])
def test_extract_entities_clean_person_name(written: str, clean: str) -> None:
    assert clean_person_name(written) == clean


@pytest.mark.parametrize("text", [
    "They met at the Royal Birkdale golf course on Sunday.",
    "Mexico must pay a 'Border Security Tariff' from August, officials said.",
    "The Minister for Foreign Affairs, Rania Haddad, said the talks would resume.",
    "Speaking as Trade Secretary, Britain wants a quick deal.",
])
def test_extract_entities_no_person_from_venues_tariffs_or_portfolio_words(text: str) -> None:
    ex = entities_of(text)
    bad = {"Royal Birkdale", "Border Security Tariff", "Affairs", "Britain", "Foreign Affairs"}
    assert not bad & {p.name for p in ex.persons}


@pytest.mark.parametrize(("text", "name", "title", "iso"), [
    ("Australia's Minister for Trade and Tourism, Don Farrell, arrived in Beijing.", "Don Farrell",
     "Minister for Trade and Tourism", "AU"),
    ("The Minister for Foreign Affairs, Rania Haddad, said the talks would resume.", "Rania Haddad",
     "Minister for Foreign Affairs", None),
    ("Minister of Economy, Trade and Industry Ken Sato met the delegation.", "Ken Sato",
     "Minister of Economy, Trade and Industry", "JP"),
    ("As Prime Minister, Okonjo has pushed for new markets.", "Okonjo", "Prime Minister", None),
])
def test_extract_entities_title_comma_name(text: str, name: str, title: str, iso: str | None) -> None:
    ex = entities_of(text)
    held = holdings_of(ex, name)
    assert [h.title for h in held] == [title]
    assert held[0].country == iso
    assert not any("," in p.name for p in ex.persons)


@pytest.mark.parametrize(("text", "name", "titles"), [
    ("Marta Ruiz, Commissioner for Energy and Housing, met the delegation.", "Marta Ruiz",
     ["Commissioner for Energy and Housing"]),
    ("Laila Haddad, Jordan's Minister of Industry and Trade, said exports rose.", "Laila Haddad",
     ["Minister of Industry and Trade"]),
    ("Zhao Ming, Vice Minister of Commerce and deputy international trade representative, led the team.",
     "Zhao Ming", ["Vice Minister of Commerce", "deputy international trade representative"]),
    ("Lord Hannan, His Majesty's Trade Envoy to India, joined the visit.", "Hannan",
     ["His Majesty's Trade Envoy to India"]),
])
def test_extract_entities_capitalised_appositive_titles(text: str, name: str, titles: list[str]) -> None:
    ex = entities_of(text)
    assert sorted(h.title for h in holdings_of(ex, name)) == sorted(titles)


@pytest.mark.parametrize(("text", "expected"), [
    ("Spanish Industry and Tourism Minister Jordi Hereu said the quota was fair.",
     {"Jordi Hereu": "Spanish Industry and Tourism Minister"}),
    ("Business and Trade Secretary Peter Kyle welcomed the deal.",
     {"Peter Kyle": "Business and Trade Secretary"}),
    ("Treasury Secretary Mark Leland and Commerce Secretary Paula Greene met the delegation.",
     {"Mark Leland": "Treasury Secretary", "Paula Greene": "Commerce Secretary"}),
    ("Okada and Trade Minister Ken Sato flew to Washington.", {"Ken Sato": "Trade Minister"}),
])
def test_extract_entities_coordinated_portfolio_titles(text: str, expected: dict[str, str]) -> None:
    ex = entities_of(text)
    for name, title in expected.items():
        assert [h.title for h in holdings_of(ex, name)] == [title]
    assert len(ex.holdings) == len(expected)


@pytest.mark.parametrize(("text", "name", "title"), [
    ("Austrian Chancellor Karl Nehammer met business leaders.", "Karl Nehammer", "Austrian Chancellor"),
    ("Quebec Premier François Legault said the tariffs hurt.", "François Legault", "Quebec Premier"),
    ("Vice Premier Ding Xuexiang opened the forum.", "Ding Xuexiang", "Vice Premier"),
    ("The team was led by Director-General Maria Martin, a trade lawyer.", "Maria Martin",
     "Director-General"),
    ("She travelled with her chief of staff Anna Berg.", "Anna Berg", "chief of staff"),
    ("Chief negotiator Ignacio Garcia Bercero stayed for a second day.", "Ignacio Garcia Bercero",
     "Chief negotiator"),
    ("Amrita Sen, founder of the Global Alliance for Trade Facilitation, was cautious.", "Amrita Sen",
     "founder"),
    ("Government spokesperson Lin Wei said the offer stood.", "Lin Wei", "Government spokesperson"),
])
def test_extract_entities_more_title_cores(text: str, name: str, title: str) -> None:
    ex = entities_of(text)
    assert title in [h.title for h in holdings_of(ex, name)]


@pytest.mark.parametrize(("text", "name"), [
    ("The round was useful, said Rosa Quispe, said officials in Lima.", "Rosa Quispe"),
    ("Dmitri Volkov, a senior trade ministry official said the talks had stalled.", "Dmitri Volkov"),
])
def test_extract_entities_speech_attribution_is_no_apposition(text: str, name: str) -> None:
    ex = entities_of(text)
    assert all(h.title not in ("said official", "senior trade ministry official")
               for h in ex.holdings)
    assert all(p.name != f"Representative {name}" for p in ex.persons)


def test_extract_entities_listed_titles_stay_with_their_names() -> None:
    ex = entities_of("The delegation included Commerce Secretary Paula Greene, Treasury Secretary Mark "
                  "Leland and Trade Representative Ana Ruiz.")
    assert [h.title for h in holdings_of(ex, "Paula Greene")] == ["Commerce Secretary"]
    assert [h.title for h in holdings_of(ex, "Mark Leland")] == ["Treasury Secretary"]


@pytest.mark.parametrize(("text", "name", "title", "iso"), [
    ("Indonesian trade negotiator Dewi Lestari met the buyers.", "Dewi Lestari", "trade negotiator", "ID"),
    ("Thai commerce minister Somchai Wong cut the duty.", "Somchai Wong", "commerce minister", "TH"),
    ("Korean Minister of Foreign Affairs Cho Min-ho flew to Tokyo.", "Cho Min-ho",
     "Minister of Foreign Affairs", "KR"),
    ("Japan's chief trade negotiator, Economy Minister Ken Sato, flew to Ottawa.", "Ken Sato",
     "chief trade negotiator", "JP"),
    ("European Commissioner for Trade Maria Lindqvist met the ministers.", "Maria Lindqvist",
     "European Commissioner for Trade", "EU"),
])
def test_extract_entities_demonym_and_role_noun(text: str, name: str, title: str, iso: str) -> None:
    held = {h.title: h for h in holdings_of(entities_of(text), name)}
    assert title in held
    assert held[title].country == iso


@pytest.mark.parametrize(("text", "name", "iso", "not_post"), [
    # a written country wins over a title that is the US one elsewhere
    ("India's Commerce Secretary Sunil Barthwal met US officials in Delhi.", "Sunil Barthwal", "IN",
     "us-commerce-secretary"),
    ("Canadian Prime Minister Jean Tremblay spoke to reporters.", "Jean Tremblay", "CA", None),
    # a dateline names where the story was filed, not whose the post is
    ("JAKARTA, Indonesia - Prime Minister Tom Walsh said on Sunday the deal was close.", "Tom Walsh",
     None, None),
    # a head of state or government is never given the article's most mentioned country
    ("Japan and the United States met again. Japan wants a deal and Japan will wait.\n"
     "President Carla Alvarez telephoned the prime minister on Tuesday.", "Carla Alvarez", None, None),
    # an ambassador to a country is not that country's
    ("The United States and the United States Congress agreed. Ambassador to the United States "
     "Ken Saito said the vote was close.", "Ken Saito", None, None),
])
def test_extract_entities_post_country(text: str, name: str, iso: str | None, not_post: str | None) -> None:
    held = holdings_of(entities_of(text), name)
    assert held and all(h.country == iso for h in held)
    assert all(h.post_key != not_post for h in held)


def test_extract_entities_country_from_the_persons_other_title() -> None:
    ex = entities_of("Deputy Prime Minister and Minister of Strategy and Finance Park Jin-ho met the "
                  "U.S. delegation.")
    assert {h.post_key for h in holdings_of(ex, "Park Jin-ho")} == {"kr-deputy-pm-economy",
                                                                     "kr-moef-minister"}


@pytest.mark.parametrize(("text", "ref_ids"), [
    ("Officials from the Ministry of Agriculture, Forestry and Fisheries and the Bank of Japan attended.",
     {"jp-maff", "jp-boj"}),
    ("The European Commission proposed the measure. The Commission said it would consult.",
     {"eu-commission"}),
    ("Delegates of the Directorate-General for Trade (DG Trade) met the Association of Southeast "
     "Asian Nations.", {"eu-dg-trade", "int-asean"}),
])
def test_extract_entities_reference_institutions_found_by_phrase(text: str, ref_ids: set[str]) -> None:
    ex = entities_of(text)
    assert {o.ref_id for o in ex.organizations} == ref_ids
    assert len(ex.organizations) == len(ref_ids)


@pytest.mark.parametrize(("text", "name", "alias"), [
    ("The Global Alliance for Trade Facilitation (GATF) welcomed the deal.",
     "Global Alliance for Trade Facilitation", "GATF"),
    ("Priya Nair, director of the Centre for Policy Research, said so.", "Centre for Policy Research",
     "Centre for Policy Research"),
    ("The Japan-Canada Trade and Investment Council met in Osaka.",
     "Japan-Canada Trade and Investment Council", "Japan-Canada Trade and Investment Council"),
    ("The Federation of Korean Industries asked for relief.", "Federation of Korean Industries",
     "Federation of Korean Industries"),
    ("Abhik Roy, a former head of the Centre for WTO Studies, spoke.", "Centre for WTO Studies",
     "Centre for WTO Studies"),
    ("Executives at the Jaguar Land Rover plant agreed.", "Jaguar Land Rover", "Jaguar Land Rover"),
    ("Analysts at the Clingendael institute agreed.", "Clingendael", "Clingendael"),
    ("The Quebec government said it would respond.", "Quebec government", "Quebec government"),
])
def test_extract_entities_organization_shapes(text: str, name: str, alias: str) -> None:
    ex = entities_of(text)
    org = next(o for o in ex.organizations if o.name == name)
    assert alias in org.aliases
    assert not any(o.ref_id == "int-wto" for o in ex.organizations)


@pytest.mark.parametrize(("text", "not_orgs"), [
    ("The leaders met in the Oval Office of the White House.", {"Oval Office",
                                                                "Oval Office of the White House"}),
    ("Britain's Digital Services Tax and the EU's Anti-Coercion Instrument were discussed.",
     {"Digital Services Tax", "Anti-Coercion Instrument"}),
    ("The Carbon Border Tax Mechanism and a bilateral investment treaty (BIT) were on the agenda.",
     {"Carbon Border Tax Mechanism", "BIT"}),
    ("A Japanese government official said the offer stood.", {"Government of Japan"}),
])
def test_extract_entities_venues_and_policies_are_no_organizations(text: str, not_orgs: set[str]) -> None:
    ex = entities_of(text)
    assert not not_orgs & {o.name for o in ex.organizations}


@pytest.mark.parametrize(("text", "implied", "present"), [
    # the title only implies the Cabinet Office: no organization of its own
    ("Japanese Minister of Economic Revitalization Taro Yamada met the press.", "jp-cabinet-office", False),
    # the title spells out its ministry's name: the ministry is named
    ("Minister of Economy, Trade and Industry Ken Sato met the press.", "jp-meti", True),
])
def test_extract_entities_orgs_implied_by_titles(text: str, implied: str, present: bool) -> None:
    ex = entities_of(text)
    (holding,) = ex.holdings
    assert holding.org_ref == implied
    assert any(o.ref_id == implied for o in ex.organizations) is present
    assert not holding.title.startswith("Japanese")


def test_extract_entities_institution_named_in_title_gives_country() -> None:
    ex = entities_of("The European Commission said so. Commission spokeswoman Ana Pisonero confirmed it.")
    (holding,) = holdings_of(ex, "Ana Pisonero")
    assert holding.country == "EU" and holding.organization is not None


@pytest.mark.parametrize(("text", "name", "title"), [
    ("Treasurer Jim Chalmers said the budget assumed no new tariffs.", "Jim Chalmers", "Treasurer"),
    ("Opposition leader Peter Dutton criticised the deal.", "Peter Dutton", "Opposition leader"),
    ("Senator Maria Cantwell objected to the quota.", "Maria Cantwell", "Senator"),
    ("Bank of Japan Governor Kazuo Ueda held rates.", "Kazuo Ueda", "Bank of Japan Governor"),
    ("NEC Director Kevin Hassett spoke in Washington.", "Kevin Hassett", "NEC Director"),
    ("EU trade chief Sabine Lindqvist flew to Canberra.", "Sabine Lindqvist", "trade chief"),
    ("Brazil's President Luiz Inácio Lula da Silva met the premier.", "Luiz Inácio Lula da Silva",
     "President"),
])
def test_extract_entities_titles_of_other_governments_and_bodies(text: str, name: str, title: str) -> None:
    assert title in [h.title for h in holdings_of(entities_of(text), name)]


def test_extract_entities_possessive_body_is_the_titles_organization() -> None:
    ex = entities_of("The World Bank's chief economist, Indermit Gill, warned of slower growth.")
    (holding,) = holdings_of(ex, "Indermit Gill")
    assert holding.title == "chief economist"
    assert holding.organization == next(o.local_id for o in ex.organizations if o.ref_id == "int-world-bank")


def test_extract_entities_acronym_country_before_appositive_title() -> None:
    ex = entities_of("Harjinder Kang, the UK's Trade Commissioner for South Asia, headed the British side.")
    (holding,) = holdings_of(ex, "Harjinder Kang")
    assert (holding.title, holding.country) == ("Trade Commissioner for South Asia", "GB")
    assert all(p.name != "Asia" for p in ex.persons)


@pytest.mark.parametrize(("text", "name"), [
    # Argentina has no shipped posts: its Foreign Minister must not become China's
    ("Argentina and China signed 20 agreements in Beijing. China praised the deal and China "
     "said more would follow. Argentina's exports grew.\nMilei was accompanied by Foreign "
     "Minister Gerardo Werthein.", "Gerardo Werthein"),
    # both countries have a Foreign Minister and the sentence names neither: no count decides
    ("Brazil and China signed 20 agreements in Beijing. China praised the deal and China "
     "said more would follow. Brazil's exports grew.\nLula was accompanied by Foreign "
     "Minister Mauro Vieira.", "Mauro Vieira"),
])
def test_extract_entities_no_guess_when_a_country_without_reference_posts_is_in_play(
        text: str, name: str) -> None:
    (holding,) = holdings_of(entities_of(text), name)
    assert holding.country is None


@pytest.mark.parametrize("text", [
    "Japan Trade Minister Says Tariffs Will Stay\nThe minister spoke on Monday.",
    "EU Leaders Back Deal As Commission President Heads To Washington\nText follows.",
    "President Lula Signs Order; Prime Minister Okonjo Responds\nNo names here.",
    "Korea's Top Negotiator Flies To Washington For Talks\nMore text.",
])
def test_extract_entities_title_case_headline_makes_no_people(text: str) -> None:
    ex = entities_of(text)
    assert ex.persons == [] and ex.holdings == []
    assert all(o.ref_id for o in ex.organizations)  # only bodies the reference knows by name


def test_extract_entities_name_never_crosses_a_line_break() -> None:
    ex = entities_of("The delegation was led by Deputy Minister Hana Novak\nTalks begin on Monday.")
    assert [p.name for p in ex.persons] == ["Hana Novak"]


@pytest.mark.parametrize(("text", "name", "iso"), [
    ("Economy Minister Carlos Ruiz of Argentina met the delegation.", "Carlos Ruiz", "AR"),
    ("Trade Minister Ana Li of the Philippines flew home.", "Ana Li", "PH"),
])
def test_extract_entities_country_written_after_the_name(text: str, name: str, iso: str) -> None:
    (holding,) = holdings_of(entities_of(text), name)
    assert holding.country == iso


def test_extract_entities_list_of_names_is_no_organization() -> None:
    assert entities_of("Xi, Modi and Lula attended the summit.").organizations == []


def test_extract_entities_each_listed_name_keeps_its_own_title() -> None:
    ex = entities_of("Executive Vice-President Valdis Dombrovskis and High Representative Kaja Kallas met "
                  "the ministers.")
    assert [h.title for h in holdings_of(ex, "Valdis Dombrovskis")] == ["Executive Vice-President"]
    assert [h.title for h in holdings_of(ex, "Kaja Kallas")] == ["High Representative"]


def test_extract_entities_initial_before_surname() -> None:
    ex = entities_of("External Affairs Minister S. Jaishankar travelled to Washington.")
    (holding,) = ex.holdings
    assert holding.post_key == "in-external-affairs-minister"
    assert any("S. Jaishankar" in p.aliases for p in ex.persons)


def test_extract_entities_body_in_a_titles_object() -> None:
    ex = entities_of("The Vice-President of the European Commission, Teresa Ribera, said on Monday.")
    (holding,) = holdings_of(ex, "Teresa Ribera")
    assert holding.country == "EU"
    assert holding.organization == next(o.local_id for o in ex.organizations if o.ref_id == "eu-commission")
