using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace WeatherFlick.AppHost.Lifecycle;

public static class LifecycleBuilderExtensions
{
    /// <summary>Ctrl+C and SIGTERM stop the projects first, then the resources they use.</summary>
    public static IDistributedApplicationBuilder StopProjectsFirst(this IDistributedApplicationBuilder builder)
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ProjectsStopFirst>());
        return builder;
    }
}
