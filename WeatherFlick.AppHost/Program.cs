using WeatherFlick.AppHost;
using WeatherFlick.AppHost.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

WeatherFlickApp.Define(builder);

await using var app = builder.Build();
await app.RunAsync();
