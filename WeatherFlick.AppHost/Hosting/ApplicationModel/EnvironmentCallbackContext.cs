namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>
/// Collects a resource's environment. A value is a <see cref="string"/> or an <see cref="IValueProvider"/> that is also an
/// <see cref="IManifestExpressionProvider"/> (evaluated in run mode, written as an expression in the manifest).
/// </summary>
public sealed class EnvironmentCallbackContext(DistributedApplicationExecutionContext executionContext)
{
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    public IDictionary<string, object> EnvironmentVariables { get; } = new SortedDictionary<string, object>(StringComparer.Ordinal);
}
