using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WeatherFlick.Data.Migrations;

internal sealed class SchemaHealthCheck(SchemaReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, $"Database schema not migrated yet{(readiness.LastError is null ? "" : ": " + readiness.LastError)}"));
}
