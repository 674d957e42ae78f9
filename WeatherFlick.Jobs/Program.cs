using WeatherFlick.Jobs.CommandLine;

var builder = WebApplication.CreateBuilder(JobsCommandLine.HostArguments(args));

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("weatherflick");
builder.AddRedisClient("cache");
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
