using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WeatherFlick.AppHost.Postgres;

namespace WeatherFlick.AppHost.Lifecycle;

/// <summary>
/// Publishes each local PostgreSQL server's state onto its databases. Aspire copies a parent's state to its children
/// only for container parents; without this a database of an executable stays "Not started" and
/// <c>WaitFor(database)</c> never returns.
/// </summary>
/// <remarks>
/// Started from <see cref="BeforeStartEvent"/>, not as a hosted service: hosted services start one after another,
/// and Aspire's orchestrator does not return from its start until every resource has started, which would wait for
/// this very mirror.
/// </remarks>
internal static class ChildStateMirror
{
    public static void StartOnce(IDistributedApplicationBuilder builder)
    {
        if (builder.Resources.OfType<LocalPostgresDatabaseResource>().Any())
        {
            return;
        }
        builder.Eventing.Subscribe<BeforeStartEvent>((started, cancellationToken) =>
        {
            var notifications = started.Services.GetRequiredService<ResourceNotificationService>();
            var stopping = started.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = Task.Run(() => MirrorAsync(notifications, stopping), stopping);
            return Task.CompletedTask;
        });
    }

    private static async Task MirrorAsync(ResourceNotificationService notifications, CancellationToken stopping)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping))
            {
                if (update.Resource is not LocalPostgresResource server)
                {
                    continue;
                }
                var snapshot = update.Snapshot;
                foreach (var database in server.Databases)
                {
                    await notifications.PublishUpdateAsync(database, state => state with
                    {
                        State = snapshot.State,
                        StartTimeStamp = snapshot.StartTimeStamp,
                        StopTimeStamp = snapshot.StopTimeStamp,
                        ExitCode = snapshot.ExitCode,
                    });
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
