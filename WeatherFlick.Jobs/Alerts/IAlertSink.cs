namespace WeatherFlick.Jobs.Alerts;

/// <summary>Somewhere alerts go (the log, a chat webhook). Throws when it could not deliver, so the alert is tried again.</summary>
public interface IAlertSink
{
    Task SendAsync(Alert alert, CancellationToken cancellationToken);
}
