using Microsoft.Extensions.Configuration;

namespace WeatherFlick.AppHost;

/// <summary>
/// Where the executable-backed PostgreSQL and Redis keep their data in run mode: <c>AppHost:DataDirectory</c>, by
/// default <c>.weatherflick/volumes/</c> at the repository root (git-ignored). Tests point it at a temporary folder.
/// </summary>
public static class LocalVolumes
{
    public const string DataDirectorySetting = "AppHost:DataDirectory";

    public static string PathFor(IDistributedApplicationBuilder builder, string resourceName)
    {
        var configured = builder.Configuration[DataDirectorySetting];
        var root = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetDirectoryName(builder.AppHostDirectory.TrimEnd(Path.DirectorySeparatorChar))!, ".weatherflick", "volumes")
            : Path.GetFullPath(configured);
        return Path.Combine(root, resourceName);
    }
}
