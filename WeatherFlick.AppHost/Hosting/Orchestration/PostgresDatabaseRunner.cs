using WeatherFlick.AppHost.Hosting.ApplicationModel;
using WeatherFlick.AppHost.Hosting.Local;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>A database has no process: starting it creates it on its server when missing; it runs until stopped.</summary>
internal sealed class PostgresDatabaseRunner(PostgresDatabaseResource resource) : IResourceRunner
{
    public int StopSignal => 0;

    public async Task<RunningResource> StartAsync(ResolvedEnvironment environment, Action<int> processStarted, CancellationToken cancellationToken)
    {
        var server = await resource.Server.ConnectionStringExpression.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? "";
        await LocalPostgresServer.CreateDatabaseIfMissingAsync(server, resource.DatabaseName, cancellationToken).ConfigureAwait(false);
        var stopped = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);
        return new RunningResource(null, $"CREATE DATABASE {resource.DatabaseName} (when missing) on {resource.Server.Name}", stopped.Task, _ =>
        {
            stopped.TrySetResult(null);
            return Task.CompletedTask;
        });
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        await PostgresProbe.AnswersAsync(await resource.ConnectionStringExpression.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? "", cancellationToken).ConfigureAwait(false);
}
