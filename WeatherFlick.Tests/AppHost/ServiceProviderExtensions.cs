using Microsoft.Extensions.DependencyInjection;
using WeatherFlick.AppHost.Hosting.Orchestration;

namespace WeatherFlick.Tests.AppHost;

internal static class ServiceProviderExtensions
{
    public static ResourceCommandService GetCommands(this IServiceProvider services) => services.GetRequiredService<ResourceCommandService>();
}
