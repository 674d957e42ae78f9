using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

internal static class OrchestrationServiceCollectionExtensions
{
    public static IServiceCollection AddOrchestration(this IServiceCollection services)
    {
        services.AddOptions<AppHostOptions>()
            .BindConfiguration(AppHostOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart()
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                // The default data folder is .weatherflick/ at the repository root (git-ignored), beside the AppHost's folder.
                var root = Directory.GetParent(environment.ContentRootPath)?.FullName ?? environment.ContentRootPath;
                options.DataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(options.DataDirectory)
                    ? Path.Combine(root, ".weatherflick")
                    : options.DataDirectory);
            });
        services.AddSingleton<ResourceNotificationService>();
        services.AddSingleton<ResourceLoggerService>();
        services.AddSingleton<ApplicationOrchestrator>();
        services.AddHostedService(sp => sp.GetRequiredService<ApplicationOrchestrator>());
        services.AddSingleton(sp => new ResourceCommandService(sp.GetRequiredService<ApplicationOrchestrator>()));
        return services;
    }
}
