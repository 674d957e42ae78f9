namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>
/// A value given at deployment time, or generated (a password). In run mode it comes from configuration
/// <c>Parameters:{name}</c>, else from the secrets file under the data folder, else it is generated and kept there.
/// </summary>
public sealed class ParameterResource(string name, bool secret, int? generatedMinLength) : Resource(name), IValueProvider, IManifestExpressionProvider
{
    private string? _value;

    public bool Secret { get; } = secret;

    /// <summary>Set when the value is generated when missing; the manifest then asks the deployment tool to generate it.</summary>
    public int? GeneratedMinLength { get; } = generatedMinLength;

    public string ValueExpression => $"{{{Name}.value}}";

    public bool HasValue => _value is not null;

    /// <summary>The value in run mode; set by the orchestrator when the application starts.</summary>
    public string Value
    {
        get => _value ?? throw new InvalidOperationException($"The parameter '{Name}' has no value yet: the application has not started.");
        internal set => _value = value;
    }

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(Value);
}
