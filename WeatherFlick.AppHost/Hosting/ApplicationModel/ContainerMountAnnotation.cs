namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>
/// A named data volume. Deployed, it is a volume mounted at <see cref="Target"/>; in run mode it is a folder
/// <c>volumes/{Source}</c> under the data folder, so the data outlives the run just as a volume does.
/// </summary>
public sealed class ContainerMountAnnotation(string source, string target, bool isReadOnly = false) : IResourceAnnotation
{
    public string Source { get; } = source;

    public string Target { get; } = target;

    public bool IsReadOnly { get; } = isReadOnly;
}
