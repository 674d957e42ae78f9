using System.Diagnostics;

namespace WeatherFlick.Tests.Simulator;

/// <summary>Service keys never leave the simulator except as fingerprints.</summary>
public sealed class SecretHandlingTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Service_key_appears_in_no_trace_tag_or_admin_answer()
    {
        var key = fixture.Api.Key(2);
        var tags = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (tags)
                {
                    tags.AddRange(activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"));
                    tags.Add(activity.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await fixture.Api.KtoAsync("areaCode2", "_type=json", SimApi.Encoded(key));
        await fixture.Api.KtoAsync("areaCode2", "_type=json", Uri.EscapeDataString(SimApi.Encoded(key)));
        var admin = string.Join("\n", (await fixture.Api.GetAsync("_sim/stats")).Body, (await fixture.Api.GetAsync("_sim/config")).Body);

        lock (tags)
        {
            tags.ShouldNotBeEmpty("the server's request spans were observed");
            // The query may be recorded (url.query, by the ASP.NET Core instrumentation), the key's value never.
            var encodedTwice = Uri.EscapeDataString(SimApi.Encoded(key));
            tags.ShouldAllBe(tag => !tag.Contains(key) && !tag.Contains(SimApi.Encoded(key)) && !tag.Contains(encodedTwice), "no span carries the key");
        }
        admin.ShouldNotContain(key);
        admin.ShouldNotContain(SimApi.Encoded(key));
    }
}
