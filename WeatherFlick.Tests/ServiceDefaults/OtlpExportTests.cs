using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.ServiceDefaults;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task Server_spans_reach_the_OTLP_endpoint_with_http_tags_and_health_probes_stay_out()
    {
        await using var collector = await OtlpCollector.StartAsync();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "otlp-test",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/api/things/{id:int}", (int id) => Results.Ok(new { id }));
        await app.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        (await http.GetAsync("/health")).EnsureSuccessStatusCode();
        (await http.GetAsync("/api/things/42")).EnsureSuccessStatusCode();

        var clock = Stopwatch.StartNew();
        OtlpSpan? server = null;
        while (server is null && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
            server = collector.Spans.FirstOrDefault(s => s.Kind == OtlpSpan.KindServer && s.Attributes.GetValueOrDefault("url.path") as string == "/api/things/42");
        }
        await app.StopAsync();

        server.ShouldNotBeNull($"no server span for /api/things/42 reached the collector; got: {string.Join(", ", collector.Spans.Select(s => s.Name))}");
        server.ServiceName.ShouldBe("otlp-test", "OTEL_SERVICE_NAME names the resource");
        server.Attributes["http.request.method"].ShouldBe("GET");
        server.Attributes["http.route"].ShouldBe("/api/things/{id:int}");
        server.Attributes["http.response.status_code"].ShouldBe(200L);
        collector.Spans.ShouldNotContain(s => (s.Attributes.GetValueOrDefault("url.path") as string ?? "").StartsWith("/health"),
            "health probes must be kept out of traces");
    }
}
