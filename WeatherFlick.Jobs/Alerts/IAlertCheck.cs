namespace WeatherFlick.Jobs.Alerts;

/// <summary>
/// One kind of problem the <c>alerts</c> job looks for. A check reports what is wrong now (the latest run of a job
/// failed, a key is disabled), not what went wrong once, so a problem fixed before the check raises nothing.
/// </summary>
public interface IAlertCheck
{
    string Name { get; }

    Task<IReadOnlyList<Alert>> CheckAsync(CancellationToken cancellationToken);
}
