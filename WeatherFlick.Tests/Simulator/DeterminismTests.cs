using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Tests.Simulator;

/// <summary>The same seed and size give byte-identical responses from two independent servers.</summary>
public sealed class DeterminismTests
{
    private static readonly string[] KtoQueries =
    [
        "areaBasedList2?_type=json&numOfRows=200&arrange=C",
        "areaBasedList2?numOfRows=50&areaCode=32&contentTypeId=32",
        "searchFestival2?_type=json&eventStartDate=20250101&numOfRows=100",
        "locationBasedList2?_type=json&mapX=129.07&mapY=35.18&radius=15000&numOfRows=100",
        "areaBasedSyncList2?_type=json&numOfRows=100&pageNo=3",
        "areaBasedList2?_type=json&listYN=Y",
    ];

    private static readonly string[] KmaQueries =
    [
        "getVilageFcst?dataType=JSON&numOfRows=1000&base_date=20250701&base_time=0500&nx=60&ny=127",
        "getUltraSrtFcst?numOfRows=60&base_date=20250701&base_time=0830&nx=98&ny=76",
        "getUltraSrtNcst?dataType=JSON&base_date=20250701&base_time=0800&nx=52&ny=38",
    ];

    [Fact]
    public async Task Same_seed_and_size_give_byte_identical_responses()
    {
        await using var first = await StartAsync(seed: 7);
        await using var second = await StartAsync(seed: 7);
        using var a = new SimApi(first);
        using var b = new SimApi(second);

        var firstDetails = (await a.KtoAsync("areaBasedList2", "_type=json&numOfRows=3")).Items.Select(item => item.GetProperty("contentid").GetString()).ToList();
        foreach (var contentId in firstDetails)
        {
            foreach (var detail in new[] { "detailCommon2", "detailImage2" })
            {
                (await b.KtoAsync(detail, $"contentId={contentId}")).Bytes.ShouldBe((await a.KtoAsync(detail, $"contentId={contentId}")).Bytes, $"{detail} {contentId}");
            }
        }
        foreach (var (query, kto) in KtoQueries.Select(query => (query, true)).Concat(KmaQueries.Select(query => (query, false))))
        {
            var (operation, parameters) = (query.Split('?')[0], query.Split('?')[1]);
            Task<SimResponse> Call(SimApi api) => kto ? api.KtoAsync(operation, parameters) : api.KmaAsync(operation, parameters);
            (await Call(b)).Bytes.ShouldBe((await Call(a)).Bytes, query);
        }
    }

    [Fact]
    public async Task A_different_seed_gives_a_different_catalogue_and_weather()
    {
        await using var first = await StartAsync(seed: 7);
        await using var second = await StartAsync(seed: 8);
        using var a = new SimApi(first);
        using var b = new SimApi(second);

        (await b.KtoAsync("areaBasedList2", "_type=json&numOfRows=50")).Body.ShouldNotBe((await a.KtoAsync("areaBasedList2", "_type=json&numOfRows=50")).Body);
        (await b.KmaAsync("getVilageFcst", KmaQueries[0].Split('?')[1])).Body.ShouldNotBe((await a.KmaAsync("getVilageFcst", KmaQueries[0].Split('?')[1])).Body);
    }

    private static Task<SimulatorServer> StartAsync(long seed) => SimulatorFixture.StartServerAsync(options =>
    {
        options.Seed = seed;
        options.Size = 2_000;
    });
}
