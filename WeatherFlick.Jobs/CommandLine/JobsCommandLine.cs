using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WeatherFlick.Data.Migrations;

namespace WeatherFlick.Jobs.CommandLine;

/// <summary>
/// The job server's command line: operators and checks run work in the foreground, against the same configuration
/// as the server (<c>ConnectionStrings:*</c>, <c>Providers:*</c>), with progress on the console and an exit code
/// that is 0 only on success. Without a command the process is the job server.
/// </summary>
public static class JobsCommandLine
{
    private static readonly string[] Commands = ["list", "run", "call"];

    /// <summary>Whether the arguments name a command rather than host settings.</summary>
    public static bool Handles(string[] args) => args.Length > 0 && (Commands.Contains(args[0]) || args[0] is "--help" or "-h");

    /// <summary>The arguments the web host should see: none in command mode (they are the command's, not configuration).</summary>
    public static string[] HostArguments(string[] args) => Handles(args) ? [] : args;

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        // The command line never starts the host, and OpenTelemetry builds its providers from a hosted service: built
        // here, a command's spans, metrics and logs are exported like the server's (and flushed when app is disposed).
        _ = app.Services.GetService<TracerProvider>();
        _ = app.Services.GetService<MeterProvider>();
        var root = new RootCommand("WeatherFlick job server. Without a command it serves the job dashboard and runs schedules.")
        {
            ListCommand.Create(app.Services),
            RunCommand.Create(app.Services, MigrateAsync),
            CallCommand.Create(app.Services, MigrateAsync),
        };
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);

        Task MigrateAsync(CancellationToken cancellationToken) =>
            app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken: cancellationToken);
    }
}
