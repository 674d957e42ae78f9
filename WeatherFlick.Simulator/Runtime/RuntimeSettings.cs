using Microsoft.Extensions.Options;
using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Simulator.Runtime;

/// <summary>Holds the current <see cref="RuntimeConfig"/>; starts from (and resets to) the configured options.</summary>
internal sealed class RuntimeSettings(IOptions<SimulatorOptions> options)
{
    private readonly RuntimeConfig _initial = RuntimeConfig.From(options.Value);
    private RuntimeConfig _current = RuntimeConfig.From(options.Value);

    public RuntimeConfig Current => Volatile.Read(ref _current);

    public void Replace(RuntimeConfig config) => Volatile.Write(ref _current, config);

    public void Reset() => Replace(_initial);
}
