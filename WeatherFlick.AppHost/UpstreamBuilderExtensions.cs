namespace WeatherFlick.AppHost;

/// <summary>Where the job server collects from: the simulator, or the real data.go.kr services with operator-supplied keys.</summary>
public static class UpstreamBuilderExtensions
{
    public const string UseSimulatorSetting = "AppHost:UseSimulator";

    private const string KtoService = "/B551011/KorService2";
    private const string KmaService = "/1360000/VilageFcstInfoService_2.0";

    /// <summary>Points the job server at the simulator with a generated key that only the two of them know.</summary>
    public static IResourceBuilder<ProjectResource> CollectFromSimulator(this IResourceBuilder<ProjectResource> jobs, IResourceBuilder<ProjectResource> simulator)
    {
        var key = jobs.ApplicationBuilder.AddParameter("simulator-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
        simulator.WithEnvironment("Simulator__Keys__0", key);
        var url = simulator.GetEndpoint("http");
        return jobs.WithReference(simulator).WaitFor(simulator)
            .WithEnvironment("Providers__Kto__BaseUrl", ReferenceExpression.Create($"{url}{KtoService}"))
            .WithEnvironment("Providers__Kto__Keys__0", key)
            .WithEnvironment("Providers__Kma__BaseUrl", ReferenceExpression.Create($"{url}{KmaService}"))
            .WithEnvironment("Providers__Kma__Keys__0", key);
    }

    /// <summary>
    /// The real services, with one service key each as secret parameters (azd prompts for them; locally they come
    /// from user-secrets as Parameters:kto-service-key). More keys go in as Providers__Kto__Keys__1 … on the job server.
    /// </summary>
    public static IResourceBuilder<ProjectResource> CollectFromDataGoKr(this IResourceBuilder<ProjectResource> jobs)
    {
        var builder = jobs.ApplicationBuilder;
        return jobs
            .WithEnvironment("Providers__Kto__BaseUrl", $"https://apis.data.go.kr{KtoService}")
            .WithEnvironment("Providers__Kto__Keys__0", builder.AddParameter("kto-service-key", secret: true))
            .WithEnvironment("Providers__Kma__BaseUrl", $"https://apis.data.go.kr{KmaService}")
            .WithEnvironment("Providers__Kma__Keys__0", builder.AddParameter("kma-service-key", secret: true));
    }
}
