namespace WeatherFlick.AppHost.Hosting.Testing;

/// <summary>
/// Builds the application for a test from the same definition Program.cs runs (the role of Aspire.Hosting.Testing):
/// every endpoint on a free port, the dashboard on a free port, data in a temporary folder removed at dispose, and no
/// console echo. Arguments override these defaults (e.g. <c>--AppHost:DataDirectory=…</c> to reuse a folder, which
/// is then kept).
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    public static IDistributedApplicationBuilder Create(Action<IDistributedApplicationBuilder> define, params string[] args)
    {
        var ownsDataDirectory = !args.Any(a => a.Contains($"{AppHostOptions.SectionName}:{nameof(AppHostOptions.DataDirectory)}", StringComparison.OrdinalIgnoreCase));
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"wf-apphost-{Guid.NewGuid():N}");
        string[] defaults =
        [
            $"--{AppHostOptions.SectionName}:{nameof(AppHostOptions.RandomizePorts)}=true",
            $"--{AppHostOptions.SectionName}:{nameof(AppHostOptions.DashboardPort)}=0",
            $"--{AppHostOptions.SectionName}:{nameof(AppHostOptions.EchoConsole)}=false",
            $"--{AppHostOptions.SectionName}:{nameof(AppHostOptions.StopGracePeriod)}=00:00:05",
            $"--{AppHostOptions.SectionName}:{nameof(AppHostOptions.DataDirectory)}={dataDirectory}",
        ];
        var builder = new DistributedApplicationBuilder([.. defaults, .. args]);
        if (ownsDataDirectory)
        {
            builder.OnDispose(() =>
            {
                if (Directory.Exists(dataDirectory))
                {
                    Directory.Delete(dataDirectory, recursive: true);
                }
                return ValueTask.CompletedTask;
            });
        }
        define(builder);
        return builder;
    }
}
