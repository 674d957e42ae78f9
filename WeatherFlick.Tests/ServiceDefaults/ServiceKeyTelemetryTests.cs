using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.ServiceDefaults;

/// <summary>
/// Requests with the service key in the query string, as the gateway sends every call and the simulator receives
/// them, through hosts with the service defaults and the settings the Aspire AppHost gives projects in Development:
/// the key may reach the server and nothing else.
/// </summary>
public sealed class ServiceKeyTelemetryTests
{
    private const string Canary = "CANARY+SERVICE/KEY==";
    private static readonly string Encoded = Uri.EscapeDataString(Canary);

    /// <summary>What the AppHost sets in Development run mode, to put URLs into spans with their query strings.</summary>
    private static readonly Dictionary<string, string?> AspireDevelopment = new()
    {
        ["OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION"] = "true",
        ["OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION"] = "true",
    };

    [Fact]
    public async Task Client_spans_exported_over_OTLP_carry_no_service_key_with_the_AppHost_development_settings()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => context.Response.WriteAsync("ok"));
        using var host = await StartHostAsync(Otlp(collector));
        var http = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("upstream");
        // The host's tracer provider hears every HttpClient in this process: the path tells its own span apart.
        var path = $"/B551011/KorService2/{Guid.NewGuid():N}";

        using var response = await http.GetAsync(new Uri(server.BaseAddress, $"{path}?serviceKey={Encoded}&pageNo=3"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var client = await WaitForSpanAsync(collector, s => s.Kind == OtlpSpan.KindClient && (s.Attributes.GetValueOrDefault("url.full") as string ?? "").Contains(path));
        // On .NET 10 the runtime itself cuts the query to "?*" unless DOTNET_SYSTEM_NET_HTTP_DISABLEURIREDACTION is
        // set, whatever the OTEL_ variable says; SecretQueryRedaction covers the case where it is.
        AssertNoKey(client);
    }

    [Fact]
    public async Task A_span_with_the_key_in_its_url_is_exported_over_OTLP_with_only_the_key_redacted()
    {
        await using var collector = await OtlpCollector.StartAsync();
        using var host = await StartHostAsync(Otlp(collector));
        // Any WeatherFlick.* source is traced; the span stands for whatever instrumentation writes a URL as it is.
        using var source = new ActivitySource("WeatherFlick.Tests.Redaction");
        var path = $"/B551011/KorService2/{Guid.NewGuid():N}";

        using (var activity = source.StartActivity("GET", ActivityKind.Client))
        {
            activity.ShouldNotBeNull("the service defaults trace every WeatherFlick.* source");
            activity.SetTag("url.full", $"https://apis.data.go.kr{path}?serviceKey={Encoded}&pageNo=3");
        }

        var span = await WaitForSpanAsync(collector, s => (s.Attributes.GetValueOrDefault("url.full") as string ?? "").Contains(path));
        span.Attributes["url.full"].ShouldBe($"https://apis.data.go.kr{path}?serviceKey=REDACTED&pageNo=3",
            "the redaction runs before the OTLP exporter and changes nothing but the key's value");
        AssertNoKey(span);
    }

    [Fact]
    public async Task HttpClient_logs_at_trace_level_carry_no_service_key_through_a_retry()
    {
        var logs = new TestLogSink();
        // A 503 first, so the standard pipeline's retry logs are in the capture too.
        await using var server = await ScriptedHttpServer.StartAsync((context, n) =>
        {
            context.Response.StatusCode = n == 1 ? 503 : 200;
            return context.Response.WriteAsync("answer");
        });
        using var host = await StartHostAsync(new(AspireDevelopment), logs);
        var http = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("upstream");

        using var response = await http.GetAsync(new Uri(server.BaseAddress, $"/B551011/KorService2/areaCode2?serviceKey={Encoded}&pageNo=3"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the 503 is retried");
        var lines = logs.Lines.ToList();
        lines.ShouldContain(l => l.Contains("System.Net.Http.HttpClient.upstream.") && l.Contains("/B551011/KorService2/areaCode2"),
            $"HttpClient's own request logging must be in the capture, or the test proves nothing; got:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        foreach (var line in lines)
        {
            line.ShouldNotContain(Encoded, Case.Insensitive, $"a log line leaks the encoded key: {line}");
            line.ShouldNotContain(Canary, Case.Insensitive, $"a log line leaks the key: {line}");
        }
    }

    private static Dictionary<string, string?> Otlp(OtlpCollector collector) => new(AspireDevelopment)
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_SERVICE_NAME"] = "service-key-test",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
    };

    private static async Task<OtlpSpan> WaitForSpanAsync(OtlpCollector collector, Func<OtlpSpan, bool> wanted)
    {
        OtlpSpan? found = null;
        await Eventually.HoldsAsync(() => Task.FromResult((found = collector.Spans.FirstOrDefault(wanted)) is not null), TimeSpan.FromSeconds(15),
            () => $"the span never reached the collector; got: {string.Join(", ", collector.Spans.Select(s => $"{s.Name} ({s.Kind})"))}");
        return found!;
    }

    private static void AssertNoKey(OtlpSpan span)
    {
        foreach (var (name, value) in span.Attributes)
        {
            var text = value as string ?? "";
            text.ShouldNotContain(Encoded, Case.Insensitive, $"span {span.Name} leaks the encoded key in {name}: {text}");
            text.ShouldNotContain(Canary, Case.Insensitive, $"span {span.Name} leaks the key in {name}: {text}");
        }
    }

    private static async Task<IHost> StartHostAsync(Dictionary<string, string?> settings, TestLogSink? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }
        builder.AddServiceDefaults();
        builder.Services.AddHttpClient("upstream");
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
