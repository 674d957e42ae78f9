namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>The dashboard's actions on a resource, named as Aspire names them.</summary>
public static class KnownResourceCommands
{
    public const string StartCommand = "resource-start";
    public const string StopCommand = "resource-stop";
    public const string RestartCommand = "resource-restart";

    public static bool IsKnown(string command) => command is StartCommand or StopCommand or RestartCommand;
}
