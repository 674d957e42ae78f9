using Microsoft.Extensions.Logging;

namespace WeatherFlick.Jobs.Alerts;

/// <summary>Every alert as a warning in the log (and so in OpenTelemetry logs), webhook or not.</summary>
public sealed partial class LogAlertSink(ILogger<LogAlertSink> logger) : IAlertSink
{
    public Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        LogAlert(alert.Key, alert.Title, alert.Text);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertKey}: {Title}. {Text}")]
    private partial void LogAlert(string alertKey, string title, string text);
}
