var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("weatherflick");

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
