using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace WeatherFlick.Tests.AppHost;

/// <summary>The console lines of every resource, read from the AppHost's <see cref="ResourceLoggerService"/> (the dashboard's source).</summary>
public sealed class ConsoleLogs
{
    private readonly ConcurrentQueue<(string Resource, string Line)> _lines = new();

    public IEnumerable<(string Resource, string Line)> Lines => _lines;

    public static ConsoleLogs Watch(DistributedApplication app)
    {
        var logs = new ConsoleLogs();
        var service = app.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var name in WeatherFlickAppFixture.ResourceNames)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await foreach (var batch in service.WatchAsync(name))
                    {
                        foreach (var line in batch)
                        {
                            logs._lines.Enqueue((name, line.Content));
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
            });
        }
        return logs;
    }
}
