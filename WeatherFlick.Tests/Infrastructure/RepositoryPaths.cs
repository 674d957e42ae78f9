using System.Reflection;
using WeatherFlick.AppHost.Hosting;

namespace WeatherFlick.Tests.Infrastructure;

/// <summary>Where the repository, its shared folder and the built AppHost are.</summary>
public static class RepositoryPaths
{
    /// <summary>The AppHost project's folder, recorded in its assembly at build time.</summary>
    public static string AppHostDirectory { get; } =
        typeof(DistributedApplication).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "apphostprojectpath").Value!;

    public static string Root { get; } = Directory.GetParent(AppHostDirectory)!.FullName;

    /// <summary><c>../shared</c> beside the repository, as on every developer's machine and in CI.</summary>
    public static string Shared { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The AppHost assembly in its own output folder (with its runtimeconfig), built with the tests' configuration.</summary>
    public static string AppHostAssembly { get; } = Path.Combine(AppHostDirectory, "bin",
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration, "net10.0", "WeatherFlick.AppHost.dll");
}
