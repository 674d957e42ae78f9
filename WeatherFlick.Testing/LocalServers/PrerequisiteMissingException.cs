namespace WeatherFlick.Testing.LocalServers;

/// <summary>A program the system needs is not installed; the message names the command that installs it.</summary>
public sealed class PrerequisiteMissingException(string what, string installCommand)
    : Exception($"{what} is not installed. Install it with: {installCommand}")
{
    public string InstallCommand { get; } = installCommand;
}
