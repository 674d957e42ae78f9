using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace WeatherFlick.Tests.Infrastructure;

/// <summary>
/// One of our services (Api, Jobs …) composed by its own Program.cs, in process, with the given settings: the
/// real registration, not a copy of it. Pass the entry point through its extern alias (<c>JobsHost::Program</c>).
/// </summary>
public sealed class ServiceFactory<TEntryPoint>(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (name, value) in settings)
        {
            builder.UseSetting(name, value);
        }
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
