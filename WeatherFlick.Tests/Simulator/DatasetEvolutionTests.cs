using System.Text.Json;
using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Tests.Simulator;

/// <summary>
/// The catalogue over simulated time: with the epoch at the fixture's start and high rates, one simulated day brings
/// a known number of modifications, deletions and new destinations.
/// </summary>
public sealed class DatasetEvolutionTests(DatasetEvolutionTests.EvolvingFixture fixture) : SimulatorTests<DatasetEvolutionTests.EvolvingFixture>(fixture)
{
    public sealed class EvolvingFixture : SimulatorFixture
    {
        protected override void Configure(SimulatorOptions options) => EvolvingFixture.Rates(options);

        /// <summary>Per day on 1,000 destinations: 50 modifications, 10 deletions, 10 new.</summary>
        public static void Rates(SimulatorOptions options)
        {
            options.Evolution.Epoch = Start;
            options.Evolution.ModifiedPerDay = 0.05;
            options.Evolution.DeletedPerDay = 0.01;
            options.Evolution.CreatedPerDay = 0.01;
        }
    }

    [Fact]
    public async Task Every_area_has_every_content_type_even_in_the_smallest_catalogue()
    {
        var summary = await Api.AdminGetAsync("dataset/summary");

        summary.GetProperty("listed").GetInt32().ShouldBe(1_000, "nothing has changed at the epoch");
        var areas = summary.GetProperty("areas").EnumerateArray().ToList();
        areas.Select(area => area.GetProperty("areaCode").GetInt32()).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8, 31, 32, 33, 34, 35, 36, 37, 38, 39]);
        foreach (var area in areas)
        {
            foreach (var type in new[] { "12", "14", "15", "25", "28", "32", "38", "39" })
            {
                area.GetProperty("contentTypes").GetProperty(type).GetInt32().ShouldBeGreaterThan(0, $"area {area.GetProperty("areaCode")} has content type {type}");
            }
        }
    }

    [Fact]
    public async Task Destinations_lie_near_their_district_on_land_with_addresses_of_their_area()
    {
        var items = (await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=2000")).Items;
        var provinces = (await Api.KtoAsync("ldongCode2", "_type=json&numOfRows=50")).Items
            .ToDictionary(item => item.GetProperty("code").GetString()!, item => item.GetProperty("name").GetString()!);

        items.Length.ShouldBe(1_000);
        foreach (var item in items)
        {
            var latitude = double.Parse(item.GetProperty("mapy").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var longitude = double.Parse(item.GetProperty("mapx").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            latitude.ShouldBeInRange(33.0, 38.7, "inside South Korea");
            longitude.ShouldBeInRange(124.5, 131.0, "inside South Korea");
            var cell = await Api.AdminGetAsync($"grid?lat={latitude}&lon={longitude}");
            cell.GetProperty("land").GetBoolean().ShouldBeTrue($"{item.GetProperty("title")} at ({latitude}, {longitude}) must be on land");
            item.GetProperty("addr1").GetString()!.ShouldStartWith(provinces[item.GetProperty("lDongRegnCd").GetString()!], customMessage: "the address names the destination's province");
        }
    }

    [Fact]
    public async Task One_simulated_day_modifies_deletes_and_adds_destinations_at_the_configured_rates()
    {
        await Api.AdvanceClockAsync(TimeSpan.FromDays(1));

        var summary = await Api.AdminGetAsync("dataset/summary");
        var created = summary.GetProperty("created").GetInt32();
        var deleted = summary.GetProperty("deleted").GetInt32();
        created.ShouldBe(10, "1 % of 1,000 per day");
        deleted.ShouldBeInRange(8, 10, "1 % of 1,000 per day, less the rare repeat on an already deleted one");
        summary.GetProperty("modified").GetInt32().ShouldBeInRange(40, 50, "5 % of 1,000 per day, less repeats");
        summary.GetProperty("listed").GetInt32().ShouldBe(1_000 + created - deleted);

        var sync = (await Api.KtoAsync("areaBasedSyncList2", "_type=json&numOfRows=2000")).Items;
        var hidden = sync.Where(item => item.GetProperty("showflag").GetString() == "0").ToList();
        hidden.Count.ShouldBe(deleted, "deleted destinations stay in the sync list with showflag 0");
        hidden.ShouldAllBe(item => item.GetProperty("modifiedtime").GetString()!.StartsWith("2025070", StringComparison.Ordinal), "their modifiedtime is the deletion time");

        var listed = (await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=2000")).Items.Select(item => item.GetProperty("contentid").GetString()).ToHashSet();
        hidden.ShouldAllBe(item => !listed.Contains(item.GetProperty("contentid").GetString()), "deleted destinations leave areaBasedList2");
        var detail = await Api.KtoAsync("detailCommon2", $"_type=json&contentId={hidden[0].GetProperty("contentid").GetString()}");
        detail.JsonBody.GetProperty("items").GetString().ShouldBe("", "a deleted destination has no detail");

        var fresh = listed.Where(id => int.Parse(id!, System.Globalization.CultureInfo.InvariantCulture) >= 4_000_000).ToList();
        fresh.Count.ShouldBe(10, "new destinations are listed with ids from 4,000,000");
    }

    [Fact]
    public async Task Modifiedtime_filter_lists_exactly_the_destinations_changed_that_day()
    {
        await Api.AdvanceClockAsync(TimeSpan.FromDays(2));

        var everything = (await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=2000")).Items;
        var changed = (await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=2000&modifiedtime=20250702")).Items;

        var expected = everything.Where(item => item.GetProperty("modifiedtime").GetString()!.StartsWith("20250702", StringComparison.Ordinal))
            .Select(item => item.GetProperty("contentid").GetString()).Order().ToList();
        expected.Count.ShouldBeGreaterThan(20, "a day brings dozens of changes at these rates");
        changed.Select(item => item.GetProperty("contentid").GetString()).Order().ToList().ShouldBe(expected);
    }

    [Fact]
    public async Task The_admin_item_list_is_the_same_truth_as_the_sync_list()
    {
        await Api.AdvanceClockAsync(TimeSpan.FromHours(30));

        var truth = (await Api.AdminGetAsync("dataset/items?includeDeleted=true")).EnumerateArray()
            .Select(item => (item.GetProperty("contentid").GetString(), item.GetProperty("modifiedtime").GetString(), item.GetProperty("showflag").GetString()))
            .Order().ToList();
        var sync = (await Api.KtoAsync("areaBasedSyncList2", "_type=json&numOfRows=5000")).Items
            .Select(item => (item.GetProperty("contentid").GetString(), item.GetProperty("modifiedtime").GetString(), item.GetProperty("showflag").GetString()))
            .Order().ToList();

        truth.ShouldBe(sync);
        var recent = await Api.AdminGetAsync("dataset/items?modifiedSince=20250702000000");
        recent.EnumerateArray().ShouldAllBe(item => string.CompareOrdinal(item.GetProperty("modifiedtime").GetString(), "20250702000000") >= 0);
    }

    [Fact]
    public async Task State_is_a_pure_function_of_seed_size_and_now_however_the_clock_got_there()
    {
        await using var other = await SimulatorFixture.StartServerAsync(EvolvingFixture.Rates);
        using var otherApi = new SimApi(other);

        for (var hour = 0; hour < 26; hour++)
        {
            await Api.AdvanceClockAsync(TimeSpan.FromHours(1));
            await Api.KtoAsync("areaBasedSyncList2", "_type=json&numOfRows=1");
        }
        await otherApi.SetClockAsync(SimulatorFixture.Start.AddDays(3));
        await otherApi.KtoAsync("areaBasedSyncList2", "_type=json&numOfRows=1");
        await otherApi.SetClockAsync(SimulatorFixture.Start.AddHours(26));

        var stepped = await Api.KtoAsync("areaBasedSyncList2", "_type=json&numOfRows=2000&arrange=C");
        var jumped = await otherApi.KtoAsync("areaBasedSyncList2", "_type=json&numOfRows=2000&arrange=C");
        jumped.Bytes.ShouldBe(stepped.Bytes, "hour by hour forward, or forward then back, the catalogue is the same");
    }
}
