using WeatherFlick.Data.Telemetry;
using WeatherFlick.Jobs.CommandLine;
using WeatherFlick.Jobs.Collection.Gateway;

var builder = WebApplication.CreateBuilder(JobsCommandLine.HostArguments(args));

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("weatherflick", configureDataSourceBuilder: DatabaseTracing.Configure);
builder.AddRedisClient(ResponseCache.ConnectionName, ResponseCache.ConfigureSettings, ResponseCache.ConfigureConnection);
builder.AddDatabaseMigrations();
builder.AddCollection();
builder.AddJobCatalog();
builder.AddTourismJobs();
builder.AddDetailJobs();
builder.AddWeatherJobs();
builder.AddRecommendationJobs();
builder.AddQualityJobs();
builder.AddAlerts();
builder.AddHousekeepingJobs();

if (JobsCommandLine.Handles(args))
{
    return await JobsCommandLine.RunAsync(builder, args);
}

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
return 0;
