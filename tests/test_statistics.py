"""Quoted statistics: the quantity finder on tiny inputs, tables, periods, and a corpus paper end to end."""

from __future__ import annotations

import datetime as dt

import pytest

import boardpapers
from boardpapers.document import BlockDraft, assemble
from boardpapers.extract.quantities import find_quantities
from boardpapers.extract.statistics import extract_statistics
from boardpapers.extract.statistics_periods import find_periods
from boardpapers.records import Paper

from conftest import CORPUS


def _one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "surface"),
    [
        ("there were 28,637 crimes in Barnet", 28637, "count", "28,637"),
        ("a 19% reduction in Burglary", 19, "percent", "19%"),
        ("1.4 percentage points lower", 1.4, "percentage_points", "1.4 percentage points"),
        ("exceeds the average by 1.6% points", 1.6, "percentage_points", "1.6% points"),
        ("a total of £301,162 has been secured", 301162, "GBP", "£301,162"),
        ("the cost is £82.2M", 82_200_000, "GBP", "£82.2M"),
        ("nearer £187 million", 187_000_000, "GBP", "£187 million"),
        ("£37.7k gross average salary", 37_700, "GBP", "£37.7k"),
        ("a budget of £23.4m", 23_400_000, "GBP", "£23.4m"),
        ("it cost $6 each", 6, "USD", "$6"),
        ("is 13.6 per 1,000 population", 13.6, "rate", "13.6 per 1,000 population"),
        ("8th lowest rate of total crime", 8, "rank", "8th"),
        ("600 times higher this year", 600, "ratio", "600 times"),
        ("a four-fold increase", 4, "ratio", "four-fold"),
        ("over **500** residents", 500, "count", "500"),
        ("ten per cent of staff", 10, "percent", "ten per cent"),
    ],
)
def test_quantities_forms(text: str, value: float, unit: str, surface: str) -> None:
    found = _one(text)
    assert (found.value, found.unit, found.surface) == (pytest.approx(value), unit, surface)
    assert text[found.start : found.end] == found.surface


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("5.5 per 10,000 young people", (10000, "young people")),
        ("80.6 crimes per 1,000 people", (1000, "population")),
        ("1.7 offences per year", (1, "year")),
    ],
)
def test_quantities_rate_base(text: str, per: tuple[float, str]) -> None:
    assert _one(text).per == per


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("approximately 6 to 10 such cases per month", 6, 10, "approximately"),
        ("approximately 10% – 13% of all crime", 10, 13, "approximately"),
        ("$1.5 million to $2 million", 1_500_000, 2_000_000, None),
    ],
)
def test_quantities_ranges(text: str, low: float, high: float, qualifier: str | None) -> None:
    found = _one(text)
    assert (found.value, found.value_high, found.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [("a reduction of around 7%", "approximately"), ("in over 30 cases", "over"), ("c130", "approximately"),
     ("at least 4 visits", "at_least"), ("up to 12 weeks' funding of £5,000", "up_to")],
)
def test_quantities_qualifiers(text: str, qualifier: str) -> None:
    assert find_quantities(text)[-1].qualifier == qualifier or find_quantities(text)[0].qualifier == qualifier


@pytest.mark.parametrize(
    "text",
    [
        "The meeting on 29 January 2016 at 2.30pm",  # dates and times
        "in 2015/16 and 2011/2012 and during 2019-20",  # financial years
        "Item 5, Section 9 of the Domestic Violence, Crime and Victims Act 2004; Sections 5, 6 and 7",  # labels, legislation
        "Quorum 3; see page 12 and Appendix 1",
        "telephone 020 8359 7113 or visit NW4 4BQ",  # phone numbers and postcodes
        "reference 24/00108",  # reference codes
        "CRC 2019-56: American Builders",  # a reference numbered within its year
        "2.1 The SCPB noted the approach",  # minute numbers
        "as set out in 4.3 of this report",  # section references
        "the rate per 1000 population",  # a rate base is not a figure
        "Covid-19 has seen a rise",  # names with numbers
        "Sep 30th and Jun 12 – Aug 13",  # day-month forms
        "the 22nd amendment and 3rd party reporting",  # ordinals that are not ranks
    ],
)
def test_quantities_not_statistics(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize("text", ["individuals aged 14 to 17 were searched", "adults (18+) at risk", "an additional 1,650 0-19 year olds"])
def test_quantities_ages_are_marked(text: str) -> None:
    assert any(q.age for q in find_quantities(text))


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("in the 12 months to August 2020", "2019-09-01", "2020-08-31"),
        ("over the rolling 12 months to 20 January 2016", "2015-01-21", "2016-01-20"),
        ("from June 2023 to September 2023 (incl.)", "2023-06-01", "2023-09-30"),
        ("in 2015/16", "2015-04-01", "2016-03-31"),
        ("January – December 2015", "2015-01-01", "2015-12-31"),
        ("since May 2020", "2020-05-01", None),
        ("As at January 2016", None, "2016-01-31"),
        ("Financial year to date (Apr 2013 to 5th Jan 2014)", "2013-04-01", "2014-01-05"),
        ("during October/November 2013", "2013-10-01", "2013-11-30"),
        ("in 2013-14", "2013-04-01", "2014-03-31"),
        ("the autumn 2015 survey", "2015-09-01", "2015-11-30"),
        ("The 2011 Census confirmed", "2011-01-01", "2011-12-31"),
        ("the 2013 Residents Perception Survey", "2013-01-01", "2013-12-31"),
        ("Current Rolling 12 months", None, None),
    ],
)
def test_statistics_periods_resolve(text: str, first: str | None, last: str | None) -> None:
    periods = find_periods(text)
    assert (periods[0].first, periods[0].last) == (first, last)


def _paper(drafts: list[BlockDraft]) -> Paper:
    text, blocks = assemble(drafts)
    return Paper("p1", "mem", "text", "report", None, None, None, None, None, text, blocks=blocks)


def test_statistics_prose_context() -> None:
    paper = _paper([BlockDraft("paragraph", "Overall, in the 12 months to August 2020 there were 28,637 crimes in Barnet. "
                               "Some of the notable contributing elements include a 19% reduction in Burglary.")])
    crimes, burglary = extract_statistics(paper)
    assert (crimes.metric, crimes.place, crimes.period_start, crimes.period_end) == ("crimes", "Barnet", "2019-09-01", "2020-08-31")
    assert (burglary.metric, burglary.direction, burglary.period) == ("Burglary", "decrease", "12 months to August 2020")
    assert paper.text[crimes.source.start : crimes.source.end] == "28,637"


def test_statistics_table_cells() -> None:
    rows = [["", "Volume during 12 months to January 2016", "2011/12 Baseline volume", "Percentage Change"],
            ["Burglary", "3874", "4912", "-21.1%"]]
    paper = _paper([BlockDraft("table", rows=rows, header_rows=1)])
    volume, baseline, change = extract_statistics(paper)
    assert all(s.table and s.metric == "Burglary" for s in (volume, baseline, change))
    assert (volume.value, volume.period_start, volume.period_end) == (3874, "2015-02-01", "2016-01-31")
    assert (baseline.period_start, baseline.period_end) == ("2011-04-01", "2012-03-31")
    assert (change.value, change.unit, change.direction, change.comparison) == (-21.1, "percent", "decrease", "2011/12 baseline")
    assert paper.text[change.source.start : change.source.end] == "-21.1%"


def test_statistics_change_column_takes_its_volume_columns_period() -> None:
    rows = [["", "Volume (Jul - Sep)", "Change vs. previous year", "2011/12 Baseline volume", "Change vs. baseline"],
            ["Residential Burglary", "599", "-19%", "700", "-14%"]]
    stats = {s.surface: s for s in extract_statistics(_paper([BlockDraft("table", rows=rows, header_rows=1)]))}
    assert stats["-19%"].period == "Jul - Sep"  # "previous year" is what it is compared with
    assert stats["-14%"].period == "Jul - Sep"  # not the baseline's own year


def test_statistics_minutes_item_numbers_are_not_figures() -> None:
    rows = [["6", "Feedback from the Community Forum 6.1 No report as no one was able to attend."],
            ["6.1", "The cost was agreed."],
            ["7", "Report on Social Media and Publicity", "£300"]]
    stats = extract_statistics(_paper([BlockDraft("table", rows=rows, header_rows=0)]))
    assert [(s.surface, s.metric) for s in stats] == [("£300", "Report on Social Media and Publicity")]


def test_statistics_contents_table_is_not_figures() -> None:
    rows = [["Foreword", "3"], ["Introduction", "4"], ["About Barnet", "5"], ["Borough Headlines", "7 - 11"]]
    assert extract_statistics(_paper([BlockDraft("table", rows=rows, header_rows=0)])) == []


def test_statistics_corpus_paper_end_to_end() -> None:
    result = boardpapers.parse(CORPUS / "000_1a348045f55062b7.txt")
    by_surface = {s.surface: s for s in result.statistics}
    assert by_surface["£301,162"].unit == "GBP"
    assert by_surface["7%"].qualifier == "approximately" and by_surface["7%"].direction == "decrease"
    assert by_surface["6 to 10"].value_high == 10
    assert by_surface["four-fold"].unit == "ratio"
    assert "Covid-19" not in {s.sentence for s in result.statistics if s.value == 19}
    paper = {p.id: p for p in result.papers}[by_surface["28,637"].paper]
    for stat in result.statistics:
        assert paper.text[stat.source.start : stat.source.end].replace("*", "") == stat.surface


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        ("Burglary (business and community) increased by 7.1%", "7.1%", "Burglary"),  # an aside is not the subject's end
        ("Over the last 12 months total ASB calls received by the police are down 16%.", "16%", "ASB calls received by the police"),
        ("It was noted that Hate Crime incidents were 600 times higher this year", "600 times", "Hate Crime incidents"),
        ("this is equivalent to a Sanction Detection Rate of 13.6%", "13.6%", "Sanction Detection Rate"),
        ("the programme has worked with over 100 of Barnet's most prolific offenders", "100", "prolific offenders"),
        ("Majority of young people (94%) are happy with their local area", "94%", "young people"),
        ("The most common reason for an FPN being issued was 'Cigarette litter' (82%).", "82%", "Cigarette litter"),
        ("Islamophobic = 45", "45", "Islamophobic"),
        ("Job Seekers Allowance Claimants: 7.1% of population", "7.1%", "Job Seekers Allowance Claimants"),
        ("3.1% for the residential burglary rate", "3.1%", "residential burglary rate"),
        ("Drugs offences overall reduction of 11%, including a 17% reduction in possession of drugs offences", "11%", "Drugs offences"),
        ("around 60 of the 336 reductions in Barnet's residential burglary", "336", "residential burglary"),
        ("The rate of residential burglary equates to approximately 13 offences per 1,000 households", "13 offences per 1,000 households", "residential burglary"),
        ("£660,000 average house price", "£660,000", "average house price"),
        # a share of people holding a view names the view
        ("Overall 88% of residents are satisfied with their local area as a place to live.", "88%",
         "residents satisfied with their local area as a place to live"),
        ("84% of residents agree that 'people from different backgrounds get on well together in Barnet'", "84%",
         "residents agree people from different backgrounds get on well together"),
        ("Also the proportion of residents that 'disagree' that 'people get on well together' has been falling, now at 7%.", "7%",
         "residents disagree people get on well together"),
        ("In the survey the proportion of residents who rated policing as 'excellent' or 'good' was up 4%.", "4%",
         "residents rated policing as excellent or good"),
        # a difference from a benchmark is the earlier figure's thing relative to it
        ("33.5% reduction in robbery (exceeding the London reduction by 10.7 percentage points)", "10.7 percentage points",
         "robbery reduction relative to London"),
        ("Theft from person is the one crime type to go up; the increase exceeds the London average 10% increase by 1.6% points.",
         "1.6% points", "Theft from person increase relative to London average"),
        # a level compared with a benchmark keeps its own thing (the benchmark is its comparison)
        ("The overall rate of crime per 1000 population is 24% lower than the London average.", "24%", "crime per 1000 population"),
        # the thing a sentence is about, when the figure's clause names nothing
        ("Concerns over drug taking in the parks has seen a significant decrease; 34% 2022 and 37% 2019", "34%",
         "Concerns over drug taking in the parks"),
        # a source of figures is not what they measure
        ("Youth Justice Service (YJS) data shows a 63% increase in the number of 10 to 18-year-olds found in possession of a weapon.",
         "63%", "10 to 18-year-olds found"),
        ("Barnet is 2nd highest in London by far for recycling", "2nd", None),
        ("The census shows above-projected increases of children and young people: an additional 1,650 0-19 year olds.", "1,650",
         "0-19 year olds"),
        # counted things counted as something else; a generic noun a subject moved by
        ("3,369 crimes were classified as Sanction Detections¹² out of the total", "3,369", "Sanction Detections"),
        ("To date over 500 residents have signed up to become Hate Crime Reporting Champions.", "500", "Hate Crime Reporting Champions"),
        ("During 2022, crime in Barnet rose by 1,685 incidents compared to the previous year.", "1,685", "crime incidents"),
        ("The panel is implementing action plans for approximately 6 to 10 such cases per month.", "6 to 10", "cases"),
        ("Barnet Police achieving the second highest detection rate for residential burglary in the MPS at over 20%.", "20%",
         "detection rate for residential burglary"),
        ("Increased engagement of offenders in treatment (up 8% from a year ago).", "8%", "engagement of offenders in treatment"),
        ("With a 2011 population of 356,400 Barnet is the second most populous borough in London.", "356,400", "population"),
        ("Similarly, the level of concern over gangs (35%) is also lower", "35%", "concern over gangs"),
        ("Mike advised that after current spending plans our balance remains at £11,000.", "£11,000", "balance"),
        ("CRC 2019-71: Green Home Solutions - $4,650.00", "$4,650.00", "Green Home Solutions"),
        ("Barnet is the 4th largest in London by size", "4th", "size"),
        ("8,675 hectares", "8,675 hectares", "area"),
    ],
)
def test_statistics_metric_is_short_and_clean(text: str, surface: str, metric: str | None) -> None:
    stats = extract_statistics(_paper([BlockDraft("paragraph", text)]))
    assert {s.surface: s.metric for s in stats}[surface] == metric


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        # a change takes the sentence's own period, not the one it is compared with
        ("In the 12 months to March 2022 burglary fell by 8.6% compared to 2021.", "8.6%", "12 months to March 2022"),
        # a level takes the period printed beside it, even a compared one
        ("There were 480 offences in 2023, compared to 415 in 2022.", "415", "2022"),
        # "(incl.)" ends a sentence for the sentencizer; the period carries into the next
        ("In the 4 months of June 2023 to September 2023 (incl.) there were 480 cases of burglary.", "480", "June 2023 to September 2023 (incl.)"),
    ],
)
def test_statistics_period_of_figure(text: str, surface: str, period: str) -> None:
    stats = extract_statistics(_paper([BlockDraft("paragraph", text)]))
    assert {s.surface: s.period for s in stats}[surface] == period


def test_statistics_period_from_footnote() -> None:
    paper = _paper([BlockDraft("paragraph", "Over the last 12 months¹¹ 3,369 crimes were solved."),
                    BlockDraft("paragraph", "¹¹ The 12 month period up to 8th March 2016")])
    (solved,) = extract_statistics(paper)
    assert (solved.period_start, solved.period_end) == ("2015-03-09", "2016-03-08")


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("Rolling 12 months performance Volume (to Sep 30th)", "2012-10-01", "2013-09-30"),
        ("Latest Quarter Volume (Jul - Sep)", "2013-07-01", "2013-09-30"),
    ],
)
def test_statistics_periods_yearless_headers_use_paper_date(header: str, first: str, last: str) -> None:
    (period,) = find_periods(header, dt.date(2014, 1, 1))
    assert (period.first, period.last) == (first, last)
    assert find_periods(header)[0].first is None


def test_statistics_later_rate_keeps_the_earlier_thing() -> None:
    text = ("The rate of residential burglary equates to approximately 13 offences per 1,000 households, "
            "falling from approximately 16 offences per 1,000 households in the 12 months up to March 2021.")
    stats = extract_statistics(_paper([BlockDraft("paragraph", text)]))
    assert [s.metric for s in stats] == ["residential burglary", "residential burglary"]


def test_statistics_this_reduction_refers_to_the_sentence_before() -> None:
    text = ("Since the 2011/12 baseline Barnet has achieved an overall 14.4% reduction in the MOPAC7 crimes. This reduction "
            "equates to 2192 fewer offences per year and outperforms the overall London reduction by 2.9 percentage points.")
    stats = extract_statistics(_paper([BlockDraft("paragraph", text)]))
    assert {s.surface: s.metric for s in stats}["2.9 percentage points"] == "MOPAC7 crimes reduction relative to London"


def test_statistics_infographic_fragments_are_read_together() -> None:
    """A figure the layout set on its own line reads with the lower-case words after it, or under the label above it."""
    paper = _paper([BlockDraft("paragraph", text) for text in
                    ("Over 190", "languages", "spoken", "in primary school", "1,075", "charities",
                     "Current caseload", "72", "Average age 37", "8,675 hectares")])
    stats = {s.surface: s for s in extract_statistics(paper)}
    assert stats["190"].metric == "languages spoken"
    assert stats["190"].sentence == "Over 190 languages spoken in primary school"
    assert stats["1,075"].metric == "charities" and stats["1,075"].sentence == "1,075 charities"
    assert stats["72"].metric == "caseload"
    for stat in stats.values():  # offsets still point at the figure itself
        assert paper.text[stat.source.start : stat.source.end] == stat.surface


def test_statistics_list_items_complete_their_lead_in() -> None:
    paper = _paper([
        BlockDraft("paragraph", "According to the Residents Perception Survey most residents are:"),
        BlockDraft("list_item", "a) very or fairly satisfied that the police and council are dealing with crime in their area (70% RPS)"),
        BlockDraft("list_item", "b) believe that the police are doing either an excellent or good job in their area (72% PAS)"),
    ])
    stats = {s.surface: s for s in extract_statistics(paper)}
    assert stats["70%"].metric == "residents very or fairly satisfied the police and council are dealing with crime"
    assert stats["72%"].metric == "residents believe the police are doing either an excellent or good job"
    assert stats["72%"].sentence.startswith("believe that the police")
    assert paper.text[stats["70%"].source.start : stats["70%"].source.end] == "70%"


def test_statistics_metric_spells_out_a_defined_acronym() -> None:
    paper = _paper([BlockDraft("paragraph", "There has been an increase in reported violence with injury (VWI) in Barnet. "
                               "As a result VWI is around 40% higher than the 2011/12 baseline.")])
    assert [s.metric for s in extract_statistics(paper)] == ["violence with injury (VWI)"]


@pytest.mark.parametrize("text", ["on 2023-11-21 the board met", "over 2019-22 the trend"])
def test_statistics_periods_not_dates_or_spans_of_years(text: str) -> None:
    assert find_periods(text) == []


def test_statistics_period_carries_into_list_items_not_paragraphs() -> None:
    paper = _paper([
        BlockDraft("paragraph", "In the 12 months to March 2022 crime fell. Burglary was down 8%."),
        BlockDraft("list_item", "Robbery was down 5%"),
        BlockDraft("paragraph", "The borough has 24,600 businesses."),
    ])
    stats = {s.surface: s.period for s in extract_statistics(paper)}
    assert stats == {"8%": "12 months to March 2022", "5%": "12 months to March 2022", "24,600": None}


@pytest.mark.parametrize(
    ("text", "surface", "comparison"),
    [
        ("This is 2,059 crimes fewer than in the equivalent period a year ago, a reduction of around 7%.", "7%",
         "equivalent period a year ago"),
        ("33.5% reduction in robbery (exceeding the London reduction by 10.7 percentage points)", "10.7 percentage points",
         "London reduction"),
        # a figure is not what another is compared with; a date after "from" starts a period
        ("an increase on the previous year of 32% (in comparison to the 21% London increase).", "32%", "previous year"),
        ("a 0.5 caseworker uplift for two years (from 1st July 2015) was an increase of 5%", "5%", None),
        ("Barnet has built on the long term reductions: compared to one year ago crime is down 9.5%.", "9.5%", "one year ago"),
    ],
)
def test_statistics_comparison_of_figure(text: str, surface: str, comparison: str | None) -> None:
    stats = extract_statistics(_paper([BlockDraft("paragraph", text)]))
    assert {s.surface: s.comparison for s in stats}[surface] == comparison


def test_statistics_comparison_does_not_carry_into_the_next_paragraph() -> None:
    paper = _paper([BlockDraft("paragraph", "Compared to the same period the previous year, burglary fell by 8%."),
                    BlockDraft("paragraph", "Young people feeling safe rose to 89%, an increase.")])
    assert [s.comparison for s in extract_statistics(paper)] == ["same period the previous year", None]


def test_statistics_difference_from_a_benchmark_has_no_direction_of_its_own() -> None:
    text = "The 72% result in the PAS survey is better than the London average by 5%"
    five = {s.surface: s for s in extract_statistics(_paper([BlockDraft("paragraph", text)]))}["5%"]
    assert (five.direction, five.comparison) == (None, "London average")


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [
        ("Barnet has the 8th lowest rate of total crime out of all 32 London boroughs.", "8th", "Barnet"),
        ("Barnet has the 8th lowest rate of total crime out of all 32 London boroughs.", "32", "London"),
        ("Below London average (42.5%)", "42.5%", "London"),
        ("Across London, there has been a 1.9 percentage point decrease during the same period.", "1.9 percentage point", "London"),
    ],
)
def test_statistics_place_of_figure(text: str, surface: str, place: str) -> None:
    stats = extract_statistics(_paper([BlockDraft("paragraph", text)]))
    assert {s.surface: s.place for s in stats}[surface] == place


def _corpus_stats(prefix: str) -> list:
    return list(boardpapers.parse(next(CORPUS.glob(f"{prefix}_*.txt"))).statistics)


def _stat(stats: list, surface: str, words: str):
    return next(s for s in stats if s.surface == surface and words in s.sentence)


def test_statistics_corpus_views_benchmarks_and_lists():
    """The readings above on the real 2014 performance snapshot, where they were found."""
    stats = _corpus_stats("004")
    assert _stat(stats, "84%", "agree").metric == "residents agree people from different backgrounds get on well together"
    assert _stat(stats, "7%", "disagree").metric == "residents disagree people from different backgrounds get on well together"
    robbery = _stat(stats, "10.7 percentage points", "robbery")
    assert (robbery.metric, robbery.comparison, robbery.direction) == ("robbery reduction relative to London", "London reduction", None)
    assert _stat(stats, "70%", "satisfied").metric.startswith("residents very or fairly satisfied")
    assert _stat(stats, "-19%", "Residential Burglary").period == "Jul - Sep"


def test_statistics_corpus_infographic_acronyms_and_tables():
    strategy = _corpus_stats("003")
    assert _stat(strategy, "1,075", "charities").metric == "charities"
    assert _stat(strategy, "8,675 hectares", "hectares").metric == "area"
    pack = _corpus_stats("001")
    assert _stat(pack, "40%", "VWI").metric == "violence with injury (VWI)"
    assert _stat(pack, "3,369", "Sanction").metric == "Sanction Detections"
    assert _stat(pack, "-21.1%", "Burglary").period == "12 months to January 2016"
