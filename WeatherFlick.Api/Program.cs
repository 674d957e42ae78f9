using WeatherFlick.Data.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("weatherflick", configureDataSourceBuilder: DatabaseTracing.Configure);
// Connect at start, so a missing ConnectionStrings:cache stops the API at start instead of showing only in /health.
builder.AddRedisClient("cache", settings => settings.DisableAutoActivation = false);
builder.AddDatabaseMigrations();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
