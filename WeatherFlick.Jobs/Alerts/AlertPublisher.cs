using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace WeatherFlick.Jobs.Alerts;

/// <summary>
/// Sends an alert to every sink, once per <c>Alerts:DedupeWindow</c> per alert key. The claim on the key's row in
/// <c>alert_deliveries</c> is held while the sinks send: another instance raising the same alert meanwhile waits for
/// it and then finds it sent, and a failed send rolls the claim back so the next check sends it again.
/// </summary>
public sealed partial class AlertPublisher(
    NpgsqlDataSource dataSource,
    IEnumerable<IAlertSink> sinks,
    AlertRedactor redactor,
    TimeProvider time,
    IOptions<AlertOptions> options,
    ILogger<AlertPublisher> logger)
{
    private readonly IReadOnlyList<IAlertSink> _sinks = [.. sinks];

    public async Task<AlertDelivery> RaiseAsync(Alert alert, CancellationToken cancellationToken)
    {
        alert = redactor.Redact(alert);
        using var activity = AlertsTelemetry.Source.StartActivity($"alert {alert.Kind}");
        activity?.SetTag("weatherflick.alert.key", alert.Key);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        bool due;
        await using (var claim = new NpgsqlCommand("""
            INSERT INTO alert_deliveries AS a (alert_key, title, last_sent_at) VALUES ($1, $2, $3)
            ON CONFLICT (alert_key) DO UPDATE SET
                title        = CASE WHEN a.last_sent_at <= $3 - $4 THEN EXCLUDED.title ELSE a.title END,
                last_sent_at = CASE WHEN a.last_sent_at <= $3 - $4 THEN EXCLUDED.last_sent_at ELSE a.last_sent_at END,
                sent_count   = a.sent_count + CASE WHEN a.last_sent_at <= $3 - $4 THEN 1 ELSE 0 END,
                suppressed   = CASE WHEN a.last_sent_at <= $3 - $4 THEN 0 ELSE a.suppressed + 1 END
            -- A fresh claim (new row or window over) starts with nothing suppressed.
            RETURNING suppressed = 0
            """, connection, transaction))
        {
            claim.Parameters.Add(new() { Value = alert.Key });
            claim.Parameters.Add(new() { Value = alert.Title });
            claim.Parameters.Add(new() { Value = time.GetUtcNow() });
            claim.Parameters.Add(new() { Value = options.Value.DedupeWindow });
            due = (bool)(await claim.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (!due)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return Outcome(AlertDelivery.Suppressed);
        }
        try
        {
            foreach (var sink in _sinks)
            {
                await sink.SendAsync(alert, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            LogUndelivered(alert.Key, e.GetType().Name, redactor.Redact(e.Message));
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            return Outcome(AlertDelivery.Undelivered);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Outcome(AlertDelivery.Sent);

        AlertDelivery Outcome(AlertDelivery delivery)
        {
            var name = delivery.ToString().ToLowerInvariant();
            activity?.SetTag("weatherflick.alert.delivery", name);
            AlertsTelemetry.Raised.Add(1, new("weatherflick.alert.kind", alert.Kind), new("weatherflick.alert.delivery", name));
            return delivery;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {AlertKey} could not be delivered ({ErrorType}: {Error}); the next check sends it again")]
    private partial void LogUndelivered(string alertKey, string errorType, string error);
}
