namespace WeatherFlick.Jobs.Details;

/// <summary>
/// The calls per operation a run may still spend today: set from the quota ledger (what is left minus the reserve)
/// before each step, taken before a call leaves, and charged afterwards for the retries the gateway made. A
/// destination starts only when one call of each operation can be taken, so the plan never outruns the budget.
/// </summary>
public sealed class QuotaBudget(IReadOnlyList<string> operations)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _left = operations.ToDictionary(o => o, _ => 0L, StringComparer.Ordinal);
    private long _calls;

    /// <summary>Calls that went out (attempts, not answers from the cache).</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Destinations the budget can still start (one call of each operation apiece).</summary>
    public long Destinations
    {
        get
        {
            lock (_gate)
            {
                return Math.Max(0, _left.Values.Min());
            }
        }
    }

    public void Reset(IReadOnlyDictionary<string, long> left)
    {
        lock (_gate)
        {
            foreach (var operation in _left.Keys)
            {
                _left[operation] = left.GetValueOrDefault(operation);
            }
        }
    }

    /// <summary>Takes one call of every operation, or none.</summary>
    public bool TryTakeEach()
    {
        lock (_gate)
        {
            if (_left.Values.Any(l => l < 1))
            {
                return false;
            }
            foreach (var operation in _left.Keys)
            {
                _left[operation]--;
            }
            return true;
        }
    }

    public bool TryTake(string operation)
    {
        lock (_gate)
        {
            if (_left[operation] < 1)
            {
                return false;
            }
            _left[operation]--;
            return true;
        }
    }

    /// <summary>
    /// Settles a call that was taken in advance with the number of requests that really went out: retries cost more
    /// than the one taken (the balance may go below zero, which stops new destinations), a cached answer cost nothing.
    /// </summary>
    public void Settle(string operation, int sent)
    {
        Interlocked.Add(ref _calls, sent);
        lock (_gate)
        {
            _left[operation] -= sent - 1;
        }
    }
}
