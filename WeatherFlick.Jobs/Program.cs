var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("weatherflick");
builder.AddDatabaseMigrations();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
