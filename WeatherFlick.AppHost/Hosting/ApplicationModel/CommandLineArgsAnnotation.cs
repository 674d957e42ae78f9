namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>Arguments for an executable: strings, or value providers evaluated when it starts.</summary>
public sealed class CommandLineArgsAnnotation(IReadOnlyList<object> args) : IResourceAnnotation
{
    public IReadOnlyList<object> Args { get; } = args;
}
