using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using WeatherFlick.Jobs.Collection.Gateway;

namespace WeatherFlick.Jobs.CommandLine;

/// <summary>
/// <c>call &lt;provider&gt; &lt;operation&gt; [--param name=value]… [--times N] [--parallel P] [--json]</c>: sends calls
/// through the gateway (keys, quota ledger, pacing, retries, archive) and summarises their outcomes. For probing a
/// provider or a key, and for tests that need several gateway processes.
/// </summary>
internal static class CallCommand
{
    public static Command Create(IServiceProvider services, Func<CancellationToken, Task> migrate)
    {
        var provider = new Argument<string>("provider") { Description = "kto or kma" };
        provider.AcceptOnlyFromAmong([.. Microsoft.Extensions.Hosting.CollectionHostingExtensions.Providers]);
        var operation = new Argument<string>("operation") { Description = "The upstream operation, e.g. areaCode2 or getVilageFcst" };
        var parameters = new Option<string[]>("--param", "-p") { Description = "A request parameter as name=value (repeatable); never the key", AllowMultipleArgumentsPerToken = false };
        var times = new Option<int>("--times", "-n") { Description = "How many calls", DefaultValueFactory = _ => 1 };
        var parallel = new Option<int>("--parallel") { Description = "Calls in flight at once", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON line" };

        var command = new Command("call", "Call an upstream operation through the gateway and summarise the outcomes.")
        {
            provider, operation, parameters, times, parallel, json,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var p in result.GetValue(parameters) ?? [])
            {
                var separator = p.IndexOf('=', StringComparison.Ordinal);
                if (separator <= 0)
                {
                    Console.Error.WriteLine($"--param expects name=value, got '{p}'.");
                    return 2;
                }
                pairs.Add(new(p[..separator], p[(separator + 1)..]));
            }
            await migrate(cancellationToken).ConfigureAwait(false);
            var gateway = services.GetRequiredKeyedService<UpstreamGateway>(result.GetRequiredValue(provider));
            var summary = await CallAsync(gateway, result.GetRequiredValue(operation), pairs, result.GetValue(times), result.GetValue(parallel), cancellationToken).ConfigureAwait(false);

            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(summary));
            }
            else
            {
                var table = new Table().AddColumns("outcome", "calls");
                foreach (var (outcome, count) in summary.OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    table.AddRow(outcome, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                AnsiConsole.Write(table);
            }
            return summary.Keys.All(k => k is "data" or "no_data") ? 0
                : summary.ContainsKey("waiting_for_quota") && summary.Keys.All(k => k is "data" or "no_data" or "waiting_for_quota") ? 3
                : 1;
        });
        return command;
    }

    private static async Task<Dictionary<string, int>> CallAsync(UpstreamGateway gateway, string operation, List<KeyValuePair<string, string>> parameters, int times, int parallel, CancellationToken cancellationToken)
    {
        var summary = new Dictionary<string, int>(StringComparer.Ordinal);
        await Parallel.ForAsync(0, times, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = cancellationToken }, async (_, token) =>
        {
            var result = await gateway.CallAsync(operation, parameters, token).ConfigureAwait(false);
            var name = result.WaitingForQuota ? "waiting_for_quota" : result.Outcome!.Name;
            lock (summary)
            {
                summary[name] = summary.GetValueOrDefault(name) + 1;
            }
        }).ConfigureAwait(false);
        return summary;
    }
}
