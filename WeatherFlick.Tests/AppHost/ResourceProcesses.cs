using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.AppHost;

/// <summary>The operating-system processes behind an application's resources, to check what a stop leaves behind.</summary>
internal static class ResourceProcesses
{
    /// <summary>The pid DCP reports for an executable or project resource (the dashboard's "executable.pid").</summary>
    public static int? PidOf(ResourceEvent resource) =>
        resource.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
        && int.TryParse(value.ToString(), out var pid) ? pid : null;

    /// <summary>Every process of every resource, children included (PostgreSQL's backends, a project's dotnet launcher's child).</summary>
    public static List<ProcessTree.ProcessIdentity> All(DistributedApplication app) =>
    [
        .. WeatherFlickAppFixture.ResourceNames
            .Select(name => app.ResourceNotifications.TryGetCurrentState(name, out var e) ? PidOf(e) : null)
            .OfType<int>()
            .SelectMany(ProcessTree.Subtree),
    ];
}
