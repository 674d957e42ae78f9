using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using WeatherFlick.AppHost.Hosting.ApplicationModel;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>
/// Gives every parameter its run-mode value: configuration <c>Parameters:{name}</c> first; a generated secret is otherwise
/// read from <c>secrets.json</c> in the data folder (readable by its owner only), or generated and written there, so a
/// data volume and its password stay together across runs.
/// </summary>
internal static class ParameterValues
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static async Task ResolveAsync(DistributedApplicationModel model, IConfiguration configuration, string dataDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(dataDirectory, "secrets.json");
        var stored = File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)) ?? []
            : [];
        var changed = false;
        foreach (var parameter in model.Resources.OfType<ParameterResource>())
        {
            var key = $"Parameters:{parameter.Name}";
            var configured = configuration[key];
            if (!string.IsNullOrEmpty(configured))
            {
                parameter.Value = configured;
            }
            else if (stored.TryGetValue(key, out var kept))
            {
                parameter.Value = kept;
            }
            else if (parameter.GeneratedMinLength is { } length)
            {
                parameter.Value = stored[key] = RandomNumberGenerator.GetString(Alphabet, length);
                changed = true;
            }
            else
            {
                throw new InvalidOperationException($"The parameter '{parameter.Name}' has no value: set {key} (e.g. environment Parameters__{parameter.Name}).");
            }
        }
        if (changed)
        {
            Directory.CreateDirectory(dataDirectory);
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(stored, new JsonSerializerOptions { WriteIndented = true }), cancellationToken).ConfigureAwait(false);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }
}
