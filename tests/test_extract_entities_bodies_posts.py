"""Bodies and posts on hand-written sentences: title shapes (comma series, portfolios before long
names, relative clauses, units led, post-nominal seats, tenure as written), organizations from text
shape (a body's common noun next to its name, qualified head nouns, longer names, photo credits) and
institutions a title spells out.
"""

from __future__ import annotations

import pytest

from handmade import entities_of, holdings_of
from kg.model import DocExtraction, Organization


def _org(ex: DocExtraction, local_id: str | None) -> Organization | None:
    return next((o for o in ex.organizations if o.local_id == local_id), None)


def _org_names(ex: DocExtraction) -> set[str]:
    return {o.name for o in ex.organizations} | {a for o in ex.organizations for a in o.aliases}


# ---------------------------------------------------------------- title shapes


@pytest.mark.parametrize(("text", "name", "title"), [
    ("Speaking to the Financial Times, Trade Commissioner Ines Varga said quotas would stay.",
     "Ines Varga", "Trade Commissioner"),
    ("In March, Chilean President Gabriel Boric visited Seoul.", "Gabriel Boric", "Chilean President"),
    ("Talks resumed with Canada, Deputy Minister Omar Haddad said on Monday.", "Omar Haddad",
     "Deputy Minister"),
    # a comma series that ends in "and" is one portfolio
    ("Science, Technology and Innovation Minister Rhea Obi opened the forum.", "Rhea Obi",
     "Science, Technology and Innovation Minister"),
])
def test_extract_entities_comma_joins_title_words_only_in_a_series(text: str, name: str, title: str) -> None:
    assert [h.title for h in holdings_of(entities_of(text), name)] == [title]


@pytest.mark.parametrize(("text", "name", "title"), [
    ("Minister of Planning and Investment Nguyễn Chí Dũng visited Seoul on Friday.", "Nguyễn Chí Dũng",
     "Minister of Planning and Investment"),
    ("Minister of Health Đào Hồng Lan spoke to reporters.", "Đào Hồng Lan", "Minister of Health"),
    # an English portfolio word stays in the title
    ("Minister of Culture and Tourism Park Bo-gyun met the delegation.", "Park Bo-gyun",
     "Minister of Culture and Tourism"),
])
def test_extract_entities_long_name_after_a_portfolio(text: str, name: str, title: str) -> None:
    ex = entities_of(text)
    assert [h.title for h in holdings_of(ex, name)] == [title]
    assert [p.name for p in ex.persons] == [name]


@pytest.mark.parametrize(("text", "name", "title"), [
    ("Ana Ruiz, head of the ministry's negotiating team, said the gap had narrowed.", "Ana Ruiz",
     "head of the ministry's negotiating team"),
    ("Tomas Berg, leader of the Swedish delegation, arrived late.", "Tomas Berg",
     "leader of the Swedish delegation"),
    ("Priya Nair, head of the EU Commission's trade mission, left on Monday.", "Priya Nair",
     "head of the EU Commission's trade mission"),
])
def test_extract_entities_head_of_a_unit_is_a_title(text: str, name: str, title: str) -> None:
    assert title in [h.title for h in holdings_of(entities_of(text), name)]


@pytest.mark.parametrize(("text", "name", "title", "tenure"), [
    ("Rafael Costa, who also serves as minister of mines, energy and water, spoke first.", "Rafael Costa",
     "minister of mines, energy and water", "current"),
    ("Lina Park, minister of finance, said the budget was tight.", "Lina Park", "minister of finance",
     "current"),
    ("Olga Petrova, who served as trade minister until 2019, criticised the plan.", "Olga Petrova",
     "trade minister", "former"),
])
def test_extract_entities_relative_clause_and_lowercase_portfolio_series(
        text: str, name: str, title: str, tenure: str) -> None:
    held = holdings_of(entities_of(text), name)
    assert [(h.title, h.tenure) for h in held] == [(title, tenure)]


@pytest.mark.parametrize(("text", "name", "title"), [
    ("Evo Morales, the former president, held a rally.", "Evo Morales", "former president"),
    ("Former Prime Minister Boris Johnson flew to Kyiv.", "Boris Johnson", "Former Prime Minister"),
    ("The deal was first proposed by ex-Commissioner Phil Hogan.", "Phil Hogan", "ex-Commissioner"),
])
def test_extract_entities_former_tenure_stays_in_the_written_title(text: str, name: str, title: str) -> None:
    (holding,) = holdings_of(entities_of(text), name)
    assert (holding.title, holding.tenure) == (title, "former")
    assert "former" not in holding.post_label.lower() and "ex-" not in holding.post_label.lower()


@pytest.mark.parametrize(("text", "name", "title", "body"), [
    ("Marta Klein, who heads the Federal Office for Agriculture, warned of a glut.", "Marta Klein",
     "head", "Federal Office for Agriculture"),
    ("Jon Ek, the state secretary who heads the Directorate for Trade Promotion, was upbeat.", "Jon Ek",
     "state secretary", "Directorate for Trade Promotion"),
    ("Sam Oduya, director of the textile association Kenatex, welcomed the cut.", "Sam Oduya",
     "director", "Kenatex"),
])
def test_extract_entities_title_linked_to_the_body_led(text: str, name: str, title: str, body: str) -> None:
    ex = entities_of(text)
    (holding,) = holdings_of(ex, name)
    org = _org(ex, holding.organization)
    assert holding.title == title and org is not None and org.name == body


def test_extract_entities_surname_heading_a_body_is_the_articles_person() -> None:
    ex = entities_of("Economy Minister Lars Moen flew to Oslo. Moen, who heads the Department of "
                  "Trade and Fisheries, said the talks went well.")
    titles = {h.title: _org(ex, h.organization) for h in holdings_of(ex, "Lars Moen")}
    assert set(titles) == {"Economy Minister", "head"}
    assert titles["head"] is not None and titles["head"].name == "Department of Trade and Fisheries"


@pytest.mark.parametrize(("text", "name", "post_key"), [
    ("Business and Trade Secretary Kemi Obi spoke in Leeds on Monday. The Rt Hon Kemi Obi MP later "
     "wrote to members.", "Kemi Obi", "gb-mp"),
    ("Dame Ruth Ames MP asked a question.", "Ruth Ames", None),
    ("Klaus Berger MEP wrote to the Commission.", "Klaus Berger", "eu-mep"),
])
def test_extract_entities_post_nominal_seat_is_a_post(text: str, name: str, post_key: str | None) -> None:
    seats = [h for h in holdings_of(entities_of(text), name) if h.title in ("MP", "MEP")]
    assert len(seats) == 1
    if post_key is not None:
        assert seats[0].post_key == post_key
    else:
        assert seats[0].post_key.startswith("xx-mp-")  # whose parliament the text does not say


@pytest.mark.parametrize(("text", "name", "title", "body"), [
    ("Grace Lim, Chief Executive of the Singapore Business Federation, said exporters were worried.",
     "Grace Lim", "Chief Executive", "Singapore Business Federation"),
    ("Helen Brooks, Managing Director of the Textile Exporters Council, disagreed.", "Helen Brooks",
     "Managing Director", "Textile Exporters Council"),
])
def test_extract_entities_business_titles(text: str, name: str, title: str, body: str) -> None:
    ex = entities_of(text)
    (holding,) = holdings_of(ex, name)
    org = _org(ex, holding.organization)
    assert holding.title == title and org is not None and org.name == body


def test_extract_entities_post_in_a_body_is_not_the_countrys_post() -> None:
    ex = entities_of("Mexican President Ana Flores met Raul Vega, president of the Mexican Steel Association, "
                  "in Monterrey.")
    (head,) = holdings_of(ex, "Ana Flores")
    (chair,) = holdings_of(ex, "Raul Vega")
    assert head.post_key == "mx-president"
    assert chair.post_key != head.post_key and "steel" in chair.post_key


# ---------------------------------------------------------------- organizations from text shape


@pytest.mark.parametrize(("text", "body", "kind"), [
    ("The dairy lobby Milkforce called the quota a betrayal.", "Milkforce", "association"),
    ("According to the pork producers' association Porcival, prices fell.", "Porcival", "association"),
    ("Shares of the carmaker Voltaro rose 3%.", "Voltaro", "company"),
    ("Agrosuisse, the main farmers' lobby, estimated the losses.", "Agrosuisse", "association"),
    ("Textilia, a Portuguese clothing manufacturer, cut jobs.", "Textilia", "company"),
])
def test_extract_entities_body_named_next_to_its_common_noun(text: str, body: str, kind: str) -> None:
    ex = entities_of(text)
    org = next((o for o in ex.organizations if o.name == body), None)
    assert org is not None and org.kind == kind


@pytest.mark.parametrize("text", [
    "However, the main business lobby estimated that losses would be small.",
    "Meanwhile, the farm lobby said it would protest.",
    "The union President Kim Ho-jin resigned.",
])
def test_extract_entities_no_body_from_adverbs_or_titles(text: str) -> None:
    ex = entities_of(text)
    assert not {"However", "Meanwhile", "President Kim Ho-jin", "President Kim"} & _org_names(ex)


@pytest.mark.parametrize(("text", "body"), [
    ("Rui Lopes, who heads the Federal Department of Home Affairs, Culture and Sport, spoke.",
     "Federal Department of Home Affairs, Culture and Sport"),
    ("A report by the State Secretariat for Migration was published.", "State Secretariat for Migration"),
    ("The Royal Ministry of Fisheries and Coastal Affairs said on Monday that quotas would rise.",
     "Royal Ministry of Fisheries and Coastal Affairs"),
])
def test_extract_entities_qualified_ministry_names(text: str, body: str) -> None:
    assert body in _org_names(entities_of(text))


def test_extract_entities_possessor_body_is_not_part_of_the_name() -> None:
    ex = entities_of("Officials of the Cabinet Bureau's Office of Port Security attended.")
    assert "Office of Port Security" in _org_names(ex)
    assert not any("Bureau's" in n for n in _org_names(ex))


@pytest.mark.parametrize(("text", "body", "acronym"), [
    ("The India-Japan Joint Working Committee (IJJWC) will meet in May.",
     "India-Japan Joint Working Committee", "IJJWC"),
    ("The EU-Chile Association Committee met on Friday.", "EU-Chile Association Committee", None),
])
def test_extract_entities_committee_is_a_body(text: str, body: str, acronym: str | None) -> None:
    ex = entities_of(text)
    org = next((o for o in ex.organizations if o.name == body), None)
    assert org is not None
    assert acronym is None or acronym in org.aliases


def test_extract_entities_longer_name_around_a_shipped_body() -> None:
    ex = entities_of("Diplomats met at the United Nations Security Council in New York.")
    assert "United Nations Security Council" in _org_names(ex)
    assert "United Nations" not in {o.name for o in ex.organizations}


@pytest.mark.parametrize("text", [
    "The minister at a factory in Porto on Monday. Joana Reis/Reuters\n\nThe tariff rose.",
    "The leaders shake hands in Lima. Pedro Salas/Peruvian Presidency\n\nTalks went on.",
])
def test_extract_entities_photo_credit_is_no_organization(text: str) -> None:
    names = _org_names(entities_of(text))
    assert not {"Joana Reis", "Pedro Salas", "Pedro Salas/Peruvian Presidency"} & names


def test_extract_entities_ner_body_without_possessive() -> None:
    ex = entities_of("The Riksdag's finance committee approved the bill. The Nordic Council's "
                  "secretariat was informed.")
    assert not any(n.endswith(("'s", "’s")) for n in _org_names(ex))


# ---------------------------------------------------------------- shipped institutions


@pytest.mark.parametrize(("text", "ref_id"), [
    ("Officials from the Executive Yuan's Office of Trade Negotiations flew to Washington.", "tw-otn"),
    ("The Federal Council, Switzerland's government, met on Friday.", "ch-federal-council"),
])
def test_extract_entities_generic_name_scoped_by_possessor_or_apposition(text: str, ref_id: str) -> None:
    assert ref_id in {o.ref_id for o in entities_of(text).organizations}


@pytest.mark.parametrize(("text", "ref_id"), [
    # the institution's country and the title's country are one: "U.S." + "Treasury Secretary"
    ("The U.S. Treasury Secretary, Janet Yellen, arrived in Beijing.", None),
    ("The U.S. Treasury said on Friday that it would act.", "us-treasury"),
    ("USTR Representative Katherine Tai met the delegation.", "us-ustr"),
])
def test_extract_entities_body_across_a_country_and_a_title(text: str, ref_id: str | None) -> None:
    refs = {o.ref_id for o in entities_of(text).organizations}
    if ref_id is None:
        assert "us-treasury" not in refs
    else:
        assert ref_id in refs


@pytest.mark.parametrize(("text", "ref_id", "written"), [
    # the title spells the ministry: same portfolio, head noun of the same stem
    ("Minister of Industry and Trade Trần Văn Sơn arrived in Tokyo for Vietnam.", "vn-moit",
     "Ministry of Industry and Trade"),
    ("Minister of Development, Industry, Trade and Services Ana Prado of Brazil spoke.", "br-mdic", None),
])
def test_extract_entities_ministry_written_in_a_title(text: str, ref_id: str, written: str | None) -> None:
    orgs = {o.ref_id: o for o in entities_of(text).organizations}
    assert ref_id in orgs
    assert written is None or written in orgs[ref_id].aliases


@pytest.mark.parametrize("text", [
    "Secretary of State Jane Roe met the Brazilian delegation.",  # no "Department of State" written
    "US Secretary of Commerce Tom Vale toured the plant.",
])
def test_extract_entities_department_only_implied_by_a_secretary(text: str) -> None:
    assert {o.ref_id for o in entities_of(text).organizations} == set()


def test_extract_entities_written_body_is_the_institution_a_title_implies() -> None:
    ex = entities_of("Minister of Economic Affairs Wu Chen-hao of Taiwan said the Ministry of Economic "
                  "Affairs would help exporters.")
    assert len(ex.organizations) == 1
    (holding,) = holdings_of(ex, "Wu Chen-hao")
    assert holding.organization == ex.organizations[0].local_id and holding.post_key == "tw-moea-minister"


@pytest.mark.parametrize(("text", "name", "post_key"), [
    ("Swiss President Viola Amherd and Economy Minister Beat Jans met in Bern.", "Beat Jans",
     "ch-economy-minister"),
    ("Taiwan said on Monday that Vice Premier Lin Chia-lung would lead the talks.", "Lin Chia-lung",
     "tw-vice-premier"),
    ("Brazil sent Foreign Minister Celso Amorim and Finance Minister Guido Mantega.", "Guido Mantega",
     "br-finance-minister"),
])
def test_extract_entities_posts_of_more_governments(text: str, name: str, post_key: str) -> None:
    assert post_key in [h.post_key for h in holdings_of(entities_of(text), name)]


@pytest.mark.parametrize("text", [
    "Lena Dahl, who leads Norway's delegation, arrived on Monday.",
    "Omar Said, who chairs the talks, was optimistic.",
])
def test_extract_entities_leading_no_body_is_no_post(text: str) -> None:
    ex = entities_of(text)
    assert all(h.title not in ("head", "leader", "chair") for h in ex.holdings)


@pytest.mark.parametrize(("text", "name", "title", "body"), [
    ("Jo Reyes, chief executive of the Philippine Exporters Confederation, was upbeat.", "Jo Reyes",
     "chief executive", "Philippine Exporters Confederation"),
    ("Ed Moss, chief economist at the Baltic Development Institute, disagreed.", "Ed Moss",
     "chief economist", "Baltic Development Institute"),
])
def test_extract_entities_lowercase_chief_title_stops_before_its_body(
        text: str, name: str, title: str, body: str) -> None:
    ex = entities_of(text)
    (holding,) = holdings_of(ex, name)
    org = _org(ex, holding.organization)
    assert holding.title == title and org is not None and org.name == body


def test_extract_entities_seat_country_is_never_guessed() -> None:
    ex = entities_of("Australian exporters cheered. Australia and Korea signed the deal in Canberra. "
                  "Tom Price MP criticised the plan.")
    (seat,) = holdings_of(ex, "Tom Price")
    assert seat.country is None and seat.post_key.startswith("xx-mp-")


def test_extract_entities_lowercase_description_is_no_country_post() -> None:
    ex = entities_of("Indonesian Trade Minister Budi Santoso spoke first. Ari Wibowo, the former head of the "
                  "trade ministry's export unit, and Dewi Lestari, an Indonesian trade economist, disagreed.")
    (head,) = holdings_of(ex, "Ari Wibowo")
    assert head.title == "former head of the trade ministry's export unit"
    keys = [h.post_key for h in ex.holdings]
    assert len(keys) == len(set(keys)) and not any(k in ("id-head", "id-trade-economist") for k in keys)


@pytest.mark.parametrize(("text", "name", "titles"), [
    ("Talks resumed with Mina Rao, the joint secretary in the Ministry of Textiles who is India's lead "
     "negotiator.", "Mina Rao", {"joint secretary", "lead negotiator"}),
    ("Pia Lund, an adviser to the ministry who is close to the talks, said no.", "Pia Lund", {"adviser"}),
])
def test_extract_entities_who_is_gives_a_second_title(text: str, name: str, titles: set[str]) -> None:
    assert {h.title for h in holdings_of(entities_of(text), name)} == titles


def test_extract_entities_title_in_a_body() -> None:
    ex = entities_of("Mina Rao, the joint secretary in the Ministry of Textiles, said exports rose.")
    (holding,) = holdings_of(ex, "Mina Rao")
    org = _org(ex, holding.organization)
    assert org is not None and org.name == "Ministry of Textiles"


@pytest.mark.parametrize(("text", "body", "acronym"), [
    ("The Liberal Democratic Party (LDP) lost its majority in the upper house.", "Liberal Democratic Party",
     "LDP"),
    ("Hyundai Motor Co (HMC, 현대자동차) said profits fell.", "Hyundai Motor Co", "HMC"),
])
def test_extract_entities_bracketed_acronym_of_any_body(text: str, body: str, acronym: str) -> None:
    ex = entities_of(text)
    org = next((o for o in ex.organizations if o.name == body), None)
    assert org is not None and acronym in org.aliases
