using Microsoft.Extensions.DependencyInjection;

namespace WeatherFlick.AppHost;

/// <summary>
/// Health checks over a resource's connection string, as Aspire's own integrations register them: the string is
/// known only once DCP has allocated the endpoint, so it is captured from <see cref="ConnectionStringAvailableEvent"/>.
/// </summary>
internal static class ConnectionStringHealthChecks
{
    /// <summary>Registers the check <c>{name}_check</c> with <paramref name="add"/> and returns its key for <c>WithHealthCheck</c>.</summary>
    public static string Add(IDistributedApplicationBuilder builder, IResourceWithConnectionString resource,
        Func<IHealthChecksBuilder, Func<IServiceProvider, string>, string, IHealthChecksBuilder> add)
    {
        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, cancellationToken) =>
            connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken));
        var key = $"{resource.Name}_check";
        add(builder.Services.AddHealthChecks(),
            _ => connectionString ?? throw new InvalidOperationException($"The connection string of {resource.Name} is not available yet."),
            key);
        return key;
    }
}
