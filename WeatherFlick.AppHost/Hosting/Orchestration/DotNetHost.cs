using WeatherFlick.AppHost.Hosting.Local;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>The <c>dotnet</c> program that runs the projects' built assemblies.</summary>
internal static class DotNetHost
{
    public const string InstallCommand = "sudo apt-get install -y dotnet-sdk-10.0 (see https://learn.microsoft.com/dotnet/core/install/linux)";

    public static string Find()
    {
        // The SDK sets DOTNET_HOST_PATH for `dotnet run` and `dotnet test`; otherwise we may be running under it already.
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"),
            Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath : null,
            NativeProcess.Which("dotnet"),
        };
        return candidates.FirstOrDefault(File.Exists) ?? throw new PrerequisiteMissingException(".NET", InstallCommand);
    }
}
