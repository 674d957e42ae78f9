using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.AppHost;

/// <summary>
/// The whole system started once through the real AppHost with <c>DistributedApplicationTestingBuilder</c>: data in a
/// temporary folder, free ports, and every project's telemetry sent to an <see cref="OtlpCollector"/> that the
/// tests read (with no collector listening, the exporter's retries would hold each stop for many seconds).
/// </summary>
public sealed class WeatherFlickAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    public static readonly string[] ResourceNames = ["postgres", "weatherflick", "cache", "simulator", "jobs", "api"];

    private readonly TemporaryDirectory _data = new("wf-apphost");

    public DistributedApplication App { get; private set; } = null!;

    public OtlpCollector Telemetry { get; private set; } = null!;

    /// <summary>Every console line every resource wrote since the start, as the dashboard's console view shows it.</summary>
    public ConsoleLogs Console { get; private set; } = null!;

    public string DataDirectory => _data.Path;

    public async Task InitializeAsync()
    {
        Telemetry = await OtlpCollector.StartAsync();
        App = await StartAsync(_data.Path, Telemetry.Endpoint);
        Console = ConsoleLogs.Watch(App);
        await WaitUntilAllHealthyAsync(App);
    }

    /// <summary>Builds and starts the AppHost as tests run it; the caller waits for what it needs.</summary>
    public static async Task<DistributedApplication> StartAsync(string dataDirectory, string? otlpEndpoint = null)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.WeatherFlick_AppHost>(
            [$"--AppHost:DataDirectory={dataDirectory}", "--DcpPublisher:RandomizePorts=true"]);
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment(context =>
            {
                if (otlpEndpoint is null)
                {
                    context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
                    return;
                }
                context.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
                context.EnvironmentVariables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
                context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_HEADERS");
            });
        }
        var app = await builder.BuildAsync();
        await app.StartAsync();
        return app;
    }

    public static async Task WaitUntilAllHealthyAsync(DistributedApplication app)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await Task.WhenAll(ResourceNames.Select(name => app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token)));
        }
        catch (OperationCanceledException)
        {
            var states = ResourceNames.Select(name => app.ResourceNotifications.TryGetCurrentState(name, out var e)
                ? $"{name}: {e.Snapshot.State?.Text}/{e.Snapshot.HealthStatus}"
                : $"{name}: unknown");
            throw new ShouldAssertException($"Every resource must be running and healthy within {StartTimeout.TotalSeconds:0} s; they are: {string.Join(", ", states)}");
        }
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (Telemetry is not null)
        {
            await Telemetry.DisposeAsync();
        }
        _data.Dispose();
    }
}
