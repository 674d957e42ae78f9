namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>Any program run as a child process (Aspire's <c>AddExecutable</c>).</summary>
public sealed class ExecutableResource(string name, string command, string workingDirectory)
    : Resource(name), IResourceWithEnvironment, IResourceWithServiceDiscovery, IResourceWithWaitSupport
{
    public string Command { get; } = command;

    public string WorkingDirectory { get; } = workingDirectory;
}
