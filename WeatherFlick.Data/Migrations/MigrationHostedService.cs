using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace WeatherFlick.Data.Migrations;

/// <summary>
/// Migrates at start in the background, retrying while the database is unreachable, so a service starts (and its
/// /health says why it is not ready) instead of crashing when PostgreSQL comes up a moment later.
/// </summary>
internal sealed partial class MigrationHostedService(DatabaseMigrator migrator, SchemaReadiness readiness, ILogger<MigrationHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var applied = await migrator.MigrateAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                LogMigrated(applied);
                readiness.MarkReady();
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException && !stoppingToken.IsCancellationRequested)
            {
                readiness.LastError = e.Message;
                LogRetrying(e.Message, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is current ({Applied} migrations applied now)")]
    private partial void LogMigrated(int applied);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable for migrations ({Reason}); retrying in {Seconds} s")]
    private partial void LogRetrying(string reason, double seconds);
}
