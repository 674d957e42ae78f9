using Microsoft.Extensions.Configuration;
using WeatherFlick.AppHost;
using WeatherFlick.AppHost.Lifecycle;
using WeatherFlick.AppHost.Postgres;
using WeatherFlick.AppHost.Redis;

var builder = DistributedApplication.CreateBuilder(args);

// Run mode: the installed PostgreSQL and Redis as executables (no container runtime here); publish mode: Aspire's containers.
var weatherflick = builder.AddPostgresDatabase(serverName: "postgres", databaseName: "weatherflick");
var cache = builder.AddRedisCache("cache");

var jobs = builder.AddProject<Projects.WeatherFlick_Jobs>("jobs")
    .WithoutHttpsCertificate()
    .WithHttpHealthCheck("/health")
    .WithReference(weatherflick).WaitFor(weatherflick)
    .WithReference(cache).WaitFor(cache);

if (builder.Configuration.GetValue(UpstreamBuilderExtensions.UseSimulatorSetting, true))
{
    var simulator = builder.AddProject<Projects.WeatherFlick_Simulator>("simulator")
        .WithoutHttpsCertificate()
        .WithHttpHealthCheck("/health");
    jobs.CollectFromSimulator(simulator);
}
else
{
    jobs.CollectFromDataGoKr();
}

builder.AddProject<Projects.WeatherFlick_Api>("api")
    .WithoutHttpsCertificate()
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithReference(weatherflick).WaitFor(weatherflick)
    .WithReference(cache).WaitFor(cache);

builder.StopProjectsFirst();

builder.Build().Run();
