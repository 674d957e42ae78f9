using System.Collections.Immutable;
using WeatherFlick.AppHost.Hosting.ApplicationModel;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>A resource's environment and arguments: real values for the process, masked ones for display.</summary>
internal sealed record ResolvedEnvironment(
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<string> DisplayArguments,
    ImmutableArray<ResourceEnvironmentVariable> Display)
{
    public static async Task<ResolvedEnvironment> ResolveAsync(IResource resource, DistributedApplicationExecutionContext executionContext,
        IReadOnlyCollection<string> secrets, CancellationToken cancellationToken)
    {
        var context = new EnvironmentCallbackContext(executionContext);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Callback(context);
        }
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in context.EnvironmentVariables)
        {
            variables[name] = await EvaluateAsync(value, cancellationToken).ConfigureAwait(false);
        }
        var arguments = new List<string>();
        foreach (var arg in resource.Annotations.OfType<CommandLineArgsAnnotation>().SelectMany(a => a.Args))
        {
            arguments.Add(await EvaluateAsync(arg, cancellationToken).ConfigureAwait(false));
        }
        var display = variables.Select(v =>
        {
            var masked = SecretMasking.Mask(v.Value, secrets);
            return new ResourceEnvironmentVariable(v.Key, masked, masked != v.Value);
        });
        return new ResolvedEnvironment(variables, arguments, [.. arguments.Select(a => SecretMasking.Mask(a, secrets))], [.. display]);
    }

    private static async Task<string> EvaluateAsync(object value, CancellationToken cancellationToken) => value switch
    {
        string text => text,
        IValueProvider provider => await provider.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? "",
        _ => throw new InvalidOperationException($"Cannot evaluate a {value.GetType().Name} as an environment value."),
    };
}
