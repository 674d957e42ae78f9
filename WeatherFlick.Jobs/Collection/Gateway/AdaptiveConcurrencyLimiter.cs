namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>
/// A concurrency limit that finds what the upstream tolerates: additive increase (one more slot per limit's worth of
/// good answers) and multiplicative decrease (halve on a 429, a quota error or latency well above the baseline),
/// as TCP congestion control does. Never above the configured maximum, never below one.
/// </summary>
public sealed class AdaptiveConcurrencyLimiter
{
    private readonly int _max;
    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource> _waiting = new();
    private int _limit;
    private int _goodAnswers;
    private int _inUse;
    private double _baselineMs;
    private long _lastDecreaseTicks;

    public AdaptiveConcurrencyLimiter(int maxConcurrency, int initialConcurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        _max = maxConcurrency;
        _limit = Math.Clamp(initialConcurrency, 1, maxConcurrency);
    }

    public int Limit
    {
        get { lock (_gate) { return _limit; } }
    }

    public int InUse
    {
        get { lock (_gate) { return _inUse; } }
    }

    public async ValueTask<Slot> AcquireAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (_inUse < _limit && _waiting.Count == 0)
            {
                _inUse++;
                return new Slot(this);
            }
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter);
        }
        try
        {
            await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                // Granted in the meantime: hand the slot on rather than leak it.
                if (waiter.Task.IsCompletedSuccessfully)
                {
                    _inUse--;
                    Grant();
                }
                else
                {
                    waiter.TrySetCanceled(cancellationToken);
                }
            }
            throw;
        }
        return new Slot(this);
    }

    /// <summary>A good answer that took <paramref name="latency"/>: grow slowly, unless latency says the upstream is straining.</summary>
    public void OnSuccess(TimeSpan latency)
    {
        lock (_gate)
        {
            var ms = latency.TotalMilliseconds;
            _baselineMs = _baselineMs == 0 ? ms : Math.Min(ms, _baselineMs * 0.99 + ms * 0.01);
            if (ms > Math.Max(_baselineMs * 4, _baselineMs + 500))
            {
                DecreaseLocked();
                return;
            }
            if (++_goodAnswers >= _limit)
            {
                _goodAnswers = 0;
                _limit = Math.Min(_max, _limit + 1);
            }
            Grant();
        }
    }

    /// <summary>The upstream pushed back (429, quota error): halve, at most once per burst.</summary>
    public void OnPushback()
    {
        lock (_gate)
        {
            DecreaseLocked();
        }
    }

    private void DecreaseLocked()
    {
        // One burst of rejections arrives together; halving on each would collapse the limit to one.
        var now = Environment.TickCount64;
        if (now - _lastDecreaseTicks < 250)
        {
            return;
        }
        _lastDecreaseTicks = now;
        _goodAnswers = 0;
        _limit = Math.Max(1, _limit / 2);
    }

    private void Release()
    {
        lock (_gate)
        {
            _inUse--;
            Grant();
        }
    }

    private void Grant()
    {
        while (_inUse < _limit && _waiting.TryDequeue(out var next))
        {
            if (next.TrySetResult())
            {
                _inUse++;
            }
        }
    }

    /// <summary>A held slot; disposing it frees it.</summary>
    public readonly struct Slot(AdaptiveConcurrencyLimiter owner) : IDisposable
    {
        public void Dispose() => owner.Release();
    }
}
