namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>The resource states, named as Aspire names them.</summary>
public static class KnownResourceStates
{
    public const string NotStarted = nameof(NotStarted);
    public const string Waiting = nameof(Waiting);
    public const string Starting = nameof(Starting);
    public const string Running = nameof(Running);
    public const string Stopping = nameof(Stopping);
    public const string Exited = nameof(Exited);
    public const string FailedToStart = nameof(FailedToStart);

    /// <summary>States a resource leaves only when an operator starts it again.</summary>
    public static bool IsTerminal(string? state) => state is Exited or FailedToStart;
}
