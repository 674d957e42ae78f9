using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using WeatherFlick.Jobs.Collection.Gateway;

namespace WeatherFlick.Jobs.Alerts;

/// <summary>
/// Configured service keys the upstream refused (the gateway disabled them): collection goes on with the other keys,
/// but nothing is sent with a disabled one until an operator re-enables it. Keys no longer configured are ignored.
/// </summary>
public sealed class DisabledKeyCheck(NpgsqlDataSource dataSource, IOptionsMonitor<ProviderOptions> providers) : IAlertCheck
{
    public string Name => "keys";

    public async Task<IReadOnlyList<Alert>> CheckAsync(CancellationToken cancellationToken)
    {
        var alerts = new List<Alert>();
        foreach (var provider in CollectionHostingExtensions.Providers)
        {
            var fingerprints = providers.Get(provider).Keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => new ApiKey(k).Fingerprint).ToArray();
            await using var command = dataSource.CreateCommand("""
                SELECT key_fingerprint, reason, changed_at FROM api_key_states
                WHERE provider = $1 AND state = 'disabled' AND key_fingerprint = ANY($2)
                ORDER BY key_fingerprint
                """);
            command.Parameters.Add(new() { Value = provider });
            command.Parameters.Add(new() { Value = fingerprints });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var fingerprint = reader.GetString(0);
                var reason = reader.IsDBNull(1) ? "no reason recorded" : reader.GetString(1);
                alerts.Add(new Alert($"key-disabled:{provider}:{fingerprint}", $"{provider.ToUpperInvariant()} key {fingerprint} is disabled",
                    $"The upstream refused {provider.ToUpperInvariant()} key {fingerprint} ({reason}) and it was disabled at {Alert.Kst(reader.GetFieldValue<DateTimeOffset>(2))}. " +
                    "Collection goes on with the other keys; this key sends nothing until an operator re-enables it."));
            }
        }
        return alerts;
    }
}
