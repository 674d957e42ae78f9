var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("weatherflick");
builder.AddRedisClient("cache");
builder.AddDatabaseMigrations();
builder.AddCollection();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
