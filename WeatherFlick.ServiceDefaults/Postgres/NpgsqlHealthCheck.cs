using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace WeatherFlick.ServiceDefaults.Postgres;

/// <summary>Healthy when the database answers <c>SELECT 1</c>.</summary>
internal sealed class NpgsqlHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            // Only the message: a connection exception can carry the host but never the password.
            return new HealthCheckResult(context.Registration.FailureStatus, $"PostgreSQL is unreachable: {e.Message}");
        }
    }
}
