using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>
/// The one way to call a provider. In order: response cache → key chosen and charged by the quota ledger → the key's
/// pacer and the provider's adaptive concurrency → HTTP → classification → raw archive; around it, retries of
/// transient outcomes only (backoff with jitter, Retry-After honoured) and a circuit breaker per provider. Quota and
/// key errors rotate to another key at once; when no key is left the caller gets "waiting for quota until T".
/// </summary>
public sealed partial class UpstreamGateway
{
    private readonly ProviderOptions _options;
    private readonly HttpClient _http;
    private readonly QuotaLedger _ledger;
    private readonly RawArchive _archive;
    private readonly ResponseCache? _cache;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<ApiKey> _keys;
    private readonly ConcurrentDictionary<string, KeyPacer> _pacers = new();
    private readonly ConcurrentDictionary<(string Key, string Operation), int> _remaining = new();
    private readonly ResiliencePipeline<Attempt> _resilience;
    private readonly string _baseUrl;

    /// <summary>Waits up to this long are served inside the call (keys cooling after a 429); longer ones are reported.</summary>
    private static readonly TimeSpan ShortWait = TimeSpan.FromSeconds(30);

    public UpstreamGateway(string provider, ProviderOptions options, HttpClient http, QuotaLedger ledger, RawArchive archive,
        ResponseCache? cache, TimeProvider time, ILogger logger)
    {
        Provider = provider;
        _options = options;
        _http = http;
        _ledger = ledger;
        _archive = archive;
        _cache = cache;
        _time = time;
        _logger = logger;
        _keys = [.. options.Keys.Select(k => new ApiKey(k))];
        _baseUrl = options.BaseUrl.TrimEnd('/');
        Concurrency = new AdaptiveConcurrencyLimiter(options.MaxConcurrency, Math.Max(1, Math.Min(options.MaxConcurrency, _keys.Count * 2)));
        _resilience = BuildResilience(options, time);
        GatewayTelemetry.Observe(this);
    }

    public string Provider { get; }

    public AdaptiveConcurrencyLimiter Concurrency { get; }

    public IReadOnlyList<ApiKey> Keys => _keys;

    public int DailyQuota => _options.DailyQuota;

    /// <summary>Calls left today per key fingerprint and operation, as last charged by this process.</summary>
    public IReadOnlyDictionary<(string Key, string Operation), int> RemainingQuota => _remaining;

    /// <summary>Calls <paramref name="operation"/> with <paramref name="parameters"/> (everything but the key).</summary>
    public async Task<GatewayResult> CallAsync(string operation, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        using var activity = GatewayTelemetry.Source.StartActivity($"{Provider} {operation}", ActivityKind.Client);
        activity?.SetTag("weatherflick.provider", Provider);
        activity?.SetTag("weatherflick.operation", operation);

        var request = BuildQuery(parameters);
        if (_cache is not null && _options.CacheTtl > TimeSpan.Zero
            && await _cache.TryGetAsync(Provider, operation, request, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            GatewayTelemetry.CacheHits.Add(1, new KeyValuePair<string, object?>("provider", Provider));
            activity?.SetTag("weatherflick.cache", "hit");
            var outcome = ResponseClassifier.Classify(System.Net.HttpStatusCode.OK, cached.Body);
            activity?.SetTag("weatherflick.outcome", outcome.Name);
            return new GatewayResult(outcome, cached.RawResponseId, null, 0, FromCache: true, null);
        }

        var attempts = 0;
        Attempt last;
        try
        {
            last = await _resilience.ExecuteAsync(
                async token => await AttemptAsync(operation, request, ++attempts, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            last = new Attempt(new GatewayResult(new UpstreamOutcome.Transient($"{Provider} circuit open: {e.Message}"), null, null, attempts, false, null), null);
        }
        var result = last.Result;

        activity?.SetTag("weatherflick.outcome", result.WaitingForQuota ? "waiting_for_quota" : result.Outcome!.Name);
        activity?.SetTag("weatherflick.attempts", result.Attempts);
        if (result.KeyFingerprint is not null)
        {
            activity?.SetTag("weatherflick.key", result.KeyFingerprint);
        }
        using (last.Body)
        {
            if (_cache is not null && _options.CacheTtl > TimeSpan.Zero
                && result is { Outcome: UpstreamOutcome.Data, RawResponseId: { } rawId } && last.Body is { } body)
            {
                await _cache.SetAsync(Provider, operation, request, rawId, body.Memory, _options.CacheTtl, cancellationToken).ConfigureAwait(false);
            }
        }
        return result;
    }

    /// <summary>One attempt's result, with the body a data answer came in (for the cache; the caller disposes it).</summary>
    private sealed record Attempt(GatewayResult Result, PooledBody? Body);

    private async ValueTask<Attempt> AttemptAsync(string operation, string query, int attempt, CancellationToken cancellationToken)
    {
        // A slot first, then the key: the key is chosen when the call can leave, preferring keys whose pace lets them
        // send now (then the least used), so queued calls neither burst on one key nor wait behind a busy one.
        using var slot = await Concurrency.AcquireAsync(cancellationToken).ConfigureAwait(false);
        // Quota and key refusals are not failures of this attempt: rotate to the next key at once.
        for (var rotation = 0; rotation <= _keys.Count;)
        {
            var preference = _keys.Select(k => Pacer(k).Backlog).ToArray();
            var reservation = await _ledger.TryReserveAsync(Provider, operation, _keys, _options.DailyQuota, cancellationToken, preference).ConfigureAwait(false);
            if (reservation is null)
            {
                var resumeAt = await _ledger.NextAvailableAsync(Provider, operation, _keys, _options.DailyQuota, cancellationToken).ConfigureAwait(false);
                var wait = resumeAt - _time.GetUtcNow();
                if (wait <= ShortWait)
                {
                    // Every key is cooling after a 429: that is seconds, not a quota day. Wait here.
                    await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(50), _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                LogWaitingForQuota(Provider, operation, resumeAt);
                return new Attempt(GatewayResult.QuotaWait(resumeAt, attempt), null);
            }

            var key = reservation.Key;
            _remaining[(key.Fingerprint, operation)] = Math.Max(0, _options.DailyQuota - reservation.CallsToday);
            var pacer = Pacer(key);
            await pacer.WaitAsync(cancellationToken).ConfigureAwait(false);

            var (outcome, rawId, body) = await SendAsync(operation, query, key, attempt, cancellationToken).ConfigureAwait(false);
            if (outcome is not UpstreamOutcome.Data)
            {
                // Only data is cached; every other answer is archived and classified already.
                body?.Dispose();
                body = null;
            }
            switch (outcome)
            {
                case UpstreamOutcome.QuotaExceeded quota:
                    Reject("quota", operation);
                    Concurrency.OnPushback();
                    await _ledger.MarkExhaustedAsync(Provider, key, operation, _options.DailyQuota, cancellationToken).ConfigureAwait(false);
                    LogKeyExhausted(Provider, key.Fingerprint, operation, quota.Message);
                    rotation++;
                    continue;
                case UpstreamOutcome.KeyRejected rejected:
                    Reject("key", operation);
                    await _ledger.DisableAsync(Provider, key, $"{rejected.Code} {rejected.Message}", cancellationToken).ConfigureAwait(false);
                    LogKeyDisabled(Provider, key.Fingerprint, rejected.Code, rejected.Message);
                    rotation++;
                    continue;
                case UpstreamOutcome.Transient { RateLimited: true } limited:
                    Reject("rate", operation);
                    Concurrency.OnPushback();
                    var coolDown = limited.RetryAfter ?? TimeSpan.FromSeconds(2);
                    var until = _time.GetUtcNow() + coolDown;
                    pacer.PauseFor(coolDown);
                    await _ledger.CoolAsync(Provider, key, until, "HTTP 429", cancellationToken).ConfigureAwait(false);
                    return new Attempt(new GatewayResult(outcome, rawId, key.Fingerprint, attempt, false, null), null);
                default:
                    return new Attempt(new GatewayResult(outcome, rawId, key.Fingerprint, attempt, false, null), body);
            }
        }
        return new Attempt(new GatewayResult(new UpstreamOutcome.Transient("every key was refused in turn"), null, null, attempt, false, null), null);
    }

    private async Task<(UpstreamOutcome Outcome, long RawId, PooledBody? Body)> SendAsync(string operation, string query, ApiKey key, int attempt, CancellationToken cancellationToken)
    {
        var url = $"{_baseUrl}/{operation}?serviceKey={key.QueryValue}{query}";
        var redacted = $"{new Uri(_baseUrl).AbsolutePath.TrimEnd('/')}/{operation}?serviceKey=REDACTED{query}";
        var started = _time.GetTimestamp();
        var fetchedAt = _time.GetUtcNow();
        UpstreamOutcome outcome;
        PooledBody? body = null;
        int? status = null;
        string? contentType = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            contentType = response.Content.Headers.ContentType?.ToString();
            body = await PooledBody.ReadAsync(response.Content, timeout.Token).ConfigureAwait(false);
            var retryAfter = response.Headers.RetryAfter?.Delta
                ?? (response.Headers.RetryAfter?.Date is { } date ? date - _time.GetUtcNow() : null);
            outcome = ResponseClassifier.Classify(response.StatusCode, body.Memory, retryAfter);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = new UpstreamOutcome.Transient($"no answer within {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            // The message of a connection failure names the host, never the query, so it carries no key.
            outcome = new UpstreamOutcome.Transient($"connection failed: {e.HttpRequestError}");
        }
        var elapsed = _time.GetElapsedTime(started);

        var tags = new TagList { { "provider", Provider }, { "operation", operation }, { "outcome", outcome.Name } };
        GatewayTelemetry.Calls.Add(1, tags);
        GatewayTelemetry.Latency.Record(elapsed.TotalSeconds, tags);
        if (outcome is UpstreamOutcome.Data or UpstreamOutcome.NoData or UpstreamOutcome.InvalidRequest)
        {
            Concurrency.OnSuccess(elapsed);
        }

        long rawId;
        try
        {
            rawId = await _archive.SaveAsync(new RawExchange(
                Provider, operation, redacted, key.Fingerprint, status, outcome.Name, attempt, elapsed, body?.Memory ?? ReadOnlyMemory<byte>.Empty,
                contentType, fetchedAt, fetchedAt + _options.RawRetention), CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            body?.Dispose();
            throw;
        }
        if (outcome is UpstreamOutcome.Transient transient)
        {
            LogTransient(Provider, operation, key.Fingerprint, attempt, transient.Reason);
        }
        return (outcome, rawId, body);
    }

    private KeyPacer Pacer(ApiKey key) => _pacers.GetOrAdd(key.Fingerprint, _ => new KeyPacer(_options.RatePerSecond, _time));

    private void Reject(string reason, string operation) =>
        GatewayTelemetry.Rejections.Add(1, new TagList { { "provider", Provider }, { "operation", operation }, { "reason", reason } });

    /// <summary>The query after the key: <c>&amp;name=value…</c>, each part encoded once.</summary>
    private static string BuildQuery(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            query.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return query.ToString();
    }

    private static ResiliencePipeline<Attempt> BuildResilience(ProviderOptions options, TimeProvider time)
    {
        static bool IsTransient(Outcome<Attempt> outcome) => outcome.Result?.Result.Outcome is UpstreamOutcome.Transient;
        // A 429 is the upstream's flow control, answered by slowing down; only real failures open the circuit.
        static bool IsFailure(Outcome<Attempt> outcome) => outcome.Result?.Result.Outcome is UpstreamOutcome.Transient { RateLimited: false };

        // Retry outside the breaker: every attempt counts towards opening it, and an open circuit ends the retries.
        return new ResiliencePipelineBuilder<Attempt> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<Attempt>
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.Result.Outcome is UpstreamOutcome.Transient { RetryAfter: { } wait } ? (TimeSpan?)wait : null),
            })
            .AddCircuitBreaker(new()
            {
                ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
                FailureRatio = 0.5,
                MinimumThroughput = 20,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(10),
            })
            .Build();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} {Operation}: every key is spent; waiting for quota until {ResumeAt:o}")]
    private partial void LogWaitingForQuota(string provider, string operation, DateTimeOffset resumeAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} key {Key}: daily quota for {Operation} spent ({Message})")]
    private partial void LogKeyExhausted(string provider, string key, string operation, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Provider} key {Key} disabled: upstream refused it with {Code} {Message}")]
    private partial void LogKeyDisabled(string provider, string key, string code, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider} {Operation} with key {Key}, attempt {Attempt}: transient failure ({Reason})")]
    private partial void LogTransient(string provider, string operation, string key, int attempt, string reason);
}
