using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using WeatherFlick.Simulator.Faults;
using WeatherFlick.Simulator.Gateway;
using WeatherFlick.Simulator.Kma;
using WeatherFlick.Simulator.Kto;
using WeatherFlick.Simulator.Kto.Dataset;

namespace WeatherFlick.Simulator.Hosting;

/// <summary>
/// The <c>Simulator</c> settings section. Every default here is documented in the project's appsettings.json;
/// the in-process <see cref="SimulatorServer"/> starts from these defaults without reading any file.
/// </summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>
    /// Documented local test keys (not secrets). They contain <c>+</c>, <c>/</c> and <c>=</c> on purpose, so a client
    /// that double-encodes or forgets to encode them is caught the way data.go.kr catches it.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultKeys =
        ["SIMULATOR+TEST/KEY+0001==", "SIMULATOR+TEST/KEY+0002==", "SIMULATOR+TEST/KEY+0003=="];

    /// <summary>Valid service keys in their raw (decoded) form, as data.go.kr shows the "Decoding" key.</summary>
    [Required, MinLength(1)]
    public List<string> Keys { get; set; } = [.. DefaultKeys];

    /// <summary>Seed of the dataset, forecasts, faults and latency jitter: same seed and size, same bytes.</summary>
    public long Seed { get; set; } = 20250701;

    /// <summary>Number of destinations generated at the dataset epoch.</summary>
    [Range(1_000, 200_000)]
    public int Size { get; set; } = 20_000;

    /// <summary>Where the clock starts, read as KST when no offset is given; empty means the machine's current time.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>When true the clock stands still except when set or advanced through <c>/_sim/clock</c>.</summary>
    public bool FreezeClock { get; set; }

    /// <summary>Calls allowed per key, per operation, per KST day.</summary>
    [Required, ValidateObjectMembers]
    public DailyQuotaOptions DailyQuota { get; set; } = new();

    /// <summary>Per-key quota overrides, keyed by the key's fingerprint (first 8 hex chars of its SHA-256).</summary>
    public Dictionary<string, DailyQuotaOptions> KeyQuotas { get; set; } = [];

    /// <summary>Sustained requests per second allowed per key before HTTP 429; 0 turns the limit off.</summary>
    [Range(0.0, 100_000.0)]
    public double RatePerSecond { get; set; } = 30;

    /// <summary>How many requests a key may send at once above the sustained rate (token bucket size).</summary>
    [Range(1, 100_000)]
    public int RateBurst { get; set; } = 30;

    /// <summary>Base latency added to every accepted call, in milliseconds (real time).</summary>
    [Range(0, 600_000)]
    public int LatencyMs { get; set; }

    /// <summary>Seeded uniform jitter added on top of <see cref="LatencyMs"/>, in milliseconds.</summary>
    [Range(0, 600_000)]
    public int LatencyJitterMs { get; set; }

    /// <summary>Share of accepted calls that get an injected fault (0 to 1).</summary>
    [Range(0.0, 1.0)]
    public double FaultRate { get; set; }

    /// <summary>Relative weights of the fault kinds drawn when a call is faulted.</summary>
    [Required, ValidateObjectMembers]
    public FaultWeights FaultWeights { get; set; } = new();

    /// <summary>Extra delay of a "slow" fault, in milliseconds.</summary>
    [Range(0, 600_000)]
    public int SlowMs { get; set; } = 5_000;

    /// <summary>How long a "hang" fault holds the request before dropping the connection, in seconds.</summary>
    [Range(1, 3_600)]
    public int HangSeconds { get; set; } = 120;

    [Required, ValidateObjectMembers]
    public GatewayOptions Gateway { get; set; } = new();

    [Required, ValidateObjectMembers]
    public EvolutionOptions Evolution { get; set; } = new();

    [Required, ValidateObjectMembers]
    public KtoOptions Kto { get; set; } = new();

    [Required, ValidateObjectMembers]
    public KmaOptions Kma { get; set; } = new();
}
