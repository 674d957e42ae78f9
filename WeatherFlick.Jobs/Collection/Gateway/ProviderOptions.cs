using System.ComponentModel.DataAnnotations;

namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>One upstream provider's settings (<c>Providers:Kto</c>, <c>Providers:Kma</c>). Defaults are in appsettings.json.</summary>
public sealed class ProviderOptions
{
    /// <summary>The service root, e.g. https://apis.data.go.kr/B551011/KorService2. Any server speaking the real protocol will do.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "";

    /// <summary>Service keys (secrets: user-secrets or environment, e.g. Providers__Kto__Keys__0). Decoding or Encoding form.</summary>
    [Required, MinLength(1, ErrorMessage = "At least one service key is needed (Providers:<name>:Keys:0).")]
    public List<string> Keys { get; set; } = [];

    /// <summary>Calls per key, per operation, per KST day.</summary>
    [Range(1, 100_000_000)]
    public int DailyQuota { get; set; } = 1000;

    /// <summary>Requests per second per key; calls on a key are spaced evenly at this rate.</summary>
    [Range(0.01, 10_000)]
    public double RatePerSecond { get; set; } = 10;

    /// <summary>Upper bound of concurrent requests to the provider; the adaptive limit stays below it.</summary>
    [Range(1, 1024)]
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>Timeout of one attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts for a transient failure (5xx, 429, timeouts, gateway 1/4/99) before the call gives up.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First backoff before a retry; doubles with jitter, unless Retry-After says otherwise.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long raw responses are kept.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan RawRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a successful answer is served from the Redis cache; zero turns caching off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromHours(1);
}
