using Microsoft.Extensions.Configuration;
using WeatherFlick.AppHost.Hosting;
using WeatherFlick.AppHost.Hosting.ApplicationModel;

namespace WeatherFlick.AppHost;

/// <summary>
/// The whole system, defined once: Program.cs runs it, the end-to-end tests start it through
/// <c>DistributedApplicationTestingBuilder</c>, and publish mode writes it as a manifest.
/// </summary>
public static class WeatherFlickApp
{
    public static void Define(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume();
        var weatherflick = postgres.AddDatabase("weatherflick");

        var cache = builder.AddRedis("cache");

        var jobs = builder.AddProject<Projects.WeatherFlick_Jobs>("jobs")
            .WithHttpEndpoint(port: 5200)
            .WithHttpHealthCheck("/health")
            .WithReference(weatherflick).WaitFor(weatherflick)
            .WithReference(cache).WaitFor(cache);

        if (builder.Configuration.GetValue($"{AppHostOptions.SectionName}:{nameof(AppHostOptions.UseSimulator)}", true))
        {
            // No real keys: the job server collects from the simulator, with a key that only the two of them know.
            var simulatorKey = builder.AddGeneratedSecret("simulator-key", minLength: 32);
            var simulator = builder.AddProject<Projects.WeatherFlick_Simulator>("simulator")
                .WithHttpEndpoint(port: 5300)
                .WithHttpHealthCheck("/health")
                .WithEnvironment("Simulator__Keys__0", simulatorKey);
            var simulatorUrl = simulator.GetEndpoint("http");

            jobs.WithReference(simulator).WaitFor(simulator)
                .WithEnvironment("Providers__Kto__BaseUrl", ReferenceExpression.Create($"{simulatorUrl}/B551011/KorService2"))
                .WithEnvironment("Providers__Kto__Keys__0", simulatorKey)
                .WithEnvironment("Providers__Kma__BaseUrl", ReferenceExpression.Create($"{simulatorUrl}/1360000/VilageFcstInfoService_2.0"))
                .WithEnvironment("Providers__Kma__Keys__0", simulatorKey);
        }

        builder.AddProject<Projects.WeatherFlick_Api>("api")
            .WithHttpEndpoint(port: 5100)
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/health")
            .WithReference(weatherflick).WaitFor(weatherflick)
            .WithReference(cache).WaitFor(cache);
    }
}
