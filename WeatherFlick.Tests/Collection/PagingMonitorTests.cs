using WeatherFlick.Jobs.Collection.Paging;

namespace WeatherFlick.Tests.Collection;

public sealed class PagingMonitorTests
{
    private static string[] Ids(int from, int count) => [.. Enumerable.Range(from, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public void A_clean_listing_reports_nothing_and_knows_its_pages()
    {
        var monitor = new PagingMonitor("area=1/type=12");

        monitor.Observe(1, 10, 25, Ids(0, 10));
        monitor.Observe(2, 10, 25, Ids(10, 10));
        monitor.Observe(3, 10, 25, Ids(20, 5));

        monitor.Violations.ShouldBeEmpty();
        monitor.ExpectedPages(10).ShouldBe(3);
    }

    [Fact]
    public void A_totalCount_that_moves_while_paging_is_reported()
    {
        var monitor = new PagingMonitor("p");

        monitor.Observe(1, 10, 25, Ids(0, 10));
        monitor.Observe(2, 10, 24, Ids(10, 10));

        monitor.Violations.ShouldHaveSingleItem().ShouldContain("totalCount changed from 25 to 24 at page 2");
    }

    [Fact]
    public void A_page_that_repeats_an_earlier_one_is_reported()
    {
        var monitor = new PagingMonitor("p");

        monitor.Observe(1, 10, 30, Ids(0, 10));
        monitor.Observe(2, 10, 30, Ids(0, 10));

        monitor.Violations.ShouldHaveSingleItem().ShouldContain("page 2 repeats page 1");
    }

    [Fact]
    public void A_short_or_empty_page_before_the_last_is_reported()
    {
        var monitor = new PagingMonitor("p");

        monitor.Observe(1, 10, 30, Ids(0, 7));
        monitor.Observe(2, 10, 30, []);

        monitor.Violations.Count.ShouldBe(2);
        monitor.Violations[0].ShouldContain("page 1 has 7 items, expected 10");
        monitor.Violations[1].ShouldContain("page 2 is empty");
    }
}
