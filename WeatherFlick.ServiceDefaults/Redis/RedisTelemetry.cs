using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// The client's traces and metrics, named <c>WeatherFlick.Redis</c>: one client span per command and counters of
/// commands, errors and reconnects, tagged with the OpenTelemetry database conventions. Neither keys, values nor
/// the password are ever recorded: only the command name and the server.
/// </summary>
public static class RedisTelemetry
{
    public const string Name = "WeatherFlick.Redis";

    internal static readonly ActivitySource Source = new(Name);
    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Commands = Meter.CreateCounter<long>(
        "weatherflick.redis.commands", "{command}", "Commands sent to Redis (including those that failed).");

    internal static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "weatherflick.redis.errors", "{command}", "Commands that failed: error replies, timeouts, connection failures.");

    internal static readonly Counter<long> Reconnects = Meter.CreateCounter<long>(
        "weatherflick.redis.reconnects", "{connection}", "Connections re-established after one was lost.");

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "db.client.operation.duration", "s", "Time from issuing a command to its reply.");

    internal static Activity? StartCommand(string operation, RedisConnectionSettings settings)
    {
        var activity = Source.StartActivity(operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", "redis");
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("db.namespace", settings.Database.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity.SetTag("server.address", settings.Host);
            activity.SetTag("server.port", settings.Port);
        }
        return activity;
    }

    internal static void RecordCompleted(string operation, RedisConnectionSettings settings, long startedAt, Exception? error, Activity? activity)
    {
        var tags = new TagList
        {
            { "db.system.name", "redis" },
            { "db.operation.name", operation },
            { "server.address", settings.Host },
            { "server.port", settings.Port },
        };
        Commands.Add(1, tags);
        if (error is not null)
        {
            var errorType = error is RedisServerException server ? server.ErrorCode : error.GetType().FullName;
            tags.Add("error.type", errorType);
            Errors.Add(1, tags);
            if (activity is not null)
            {
                activity.SetTag("error.type", errorType);
                // The exception's message is safe (no password, no values), but a server error can quote arguments.
                activity.SetStatus(ActivityStatusCode.Error, error is RedisServerException ? errorType : error.Message);
            }
        }
        Duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, tags);
    }

    internal static void RecordReconnect(RedisConnectionSettings settings) =>
        Reconnects.Add(1, new TagList
        {
            { "db.system.name", "redis" },
            { "server.address", settings.Host },
            { "server.port", settings.Port },
        });
}
