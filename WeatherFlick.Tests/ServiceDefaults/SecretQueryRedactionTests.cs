using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using WeatherFlick.ServiceDefaults.Telemetry;

namespace WeatherFlick.Tests.ServiceDefaults;

/// <summary>Real spans through a TracerProvider: the redaction processor first, then an in-memory exporter.</summary>
public sealed class SecretQueryRedactionTests
{
    private const string Canary = "CANARY+KEY/VALUE==";
    private static readonly string Encoded = Uri.EscapeDataString(Canary);

    public static TheoryData<string, string> UrlTags => new()
    {
        { "url.full", $"https://apis.data.go.kr/B551011/KorService2/areaCode2?serviceKey={Encoded}&pageNo=3&_type=json" },
        { "http.url", $"https://apis.data.go.kr/B551011/KorService2/areaCode2?serviceKey={Encoded}&pageNo=3&_type=json" },
        { "http.target", $"/B551011/KorService2/areaCode2?serviceKey={Encoded}&pageNo=3&_type=json" },
        { "url.query", $"?serviceKey={Encoded}&pageNo=3&_type=json" },
        { "url.query", $"serviceKey={Encoded}&pageNo=3&_type=json" },
    };

    [Theory]
    [MemberData(nameof(UrlTags))]
    public void Service_key_is_redacted_in_every_url_tag_while_other_parameters_stay_readable(string tag, string url)
    {
        var exported = Export(tag, url);

        var value = exported.GetTagItem(tag).ShouldBeOfType<string>($"the {tag} tag must survive redaction");
        value.ShouldNotContain(Encoded, Case.Insensitive, $"{tag} leaks the encoded key: {value}");
        value.ShouldContain("serviceKey=REDACTED&pageNo=3&_type=json", customMessage: $"only the key's value may change in {tag}: {value}");
    }

    [Theory]
    [InlineData("https://host/op?ServiceKey={0}&a=1", "https://host/op?ServiceKey=REDACTED&a=1")]
    [InlineData("https://host/op?SERVICEKEY={0}", "https://host/op?SERVICEKEY=REDACTED")]
    [InlineData("https://host/op?%73erviceKey={0}&a=1", "https://host/op?%73erviceKey=REDACTED&a=1")]
    [InlineData("https://host/op?serviceK%65y={0}#top", "https://host/op?serviceK%65y=REDACTED#top")]
    [InlineData("https://host/op?a=1&serviceKey={0}&serviceKey={0}", "https://host/op?a=1&serviceKey=REDACTED&serviceKey=REDACTED")]
    [InlineData("https://host/op?authKey={0}", "https://host/op?authKey=REDACTED")]
    public void Names_match_in_any_case_and_percent_encoded_and_every_occurrence_is_redacted(string template, string expected)
    {
        var exported = Export("url.full", string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Encoded));

        exported.GetTagItem("url.full").ShouldBe(expected, "the server reads these names as the key's, so their values must go");
    }

    [Theory]
    [InlineData("https://host/op?pageNo=3&numOfRows=10")]
    [InlineData("https://host/op?notserviceKey=1&serviceKeyHint=2")]
    [InlineData("https://host/op")]
    [InlineData("https://host/op?")]
    public void A_url_without_secret_parameters_is_exported_as_it_is(string url)
    {
        Export("url.full", url).GetTagItem("url.full").ShouldBe(url, "redaction must not touch parameters that are not secrets");
    }

    [Fact]
    public void Raw_key_with_reserved_characters_is_redacted_up_to_the_next_parameter()
    {
        // A key pasted unencoded: its + / = must not end the value early.
        var exported = Export("url.full", $"https://host/op?serviceKey={Canary}&pageNo=1");

        exported.GetTagItem("url.full").ShouldBe("https://host/op?serviceKey=REDACTED&pageNo=1", "the raw key must be gone whole");
    }

    /// <summary>Starts and stops one span with the tag set, through the processor, and returns what the exporter got.</summary>
    private static Activity Export(string tag, string value)
    {
        var source = $"WeatherFlick.Tests.Redaction.{Guid.NewGuid():N}";
        var exported = new List<Activity>();
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(source)
            .AddProcessor(new SecretQueryRedaction())
            .AddInMemoryExporter(exported)
            .Build())
        using (var activitySource = new ActivitySource(source))
        {
            using var activity = activitySource.StartActivity("GET", ActivityKind.Client).ShouldNotBeNull("the tracer provider listens to the source");
            activity.SetTag(tag, value);
        }
        return exported.ShouldHaveSingleItem("one span was started and stopped");
    }
}
