using Npgsql;
using WeatherFlick.Data.Bulk;
using WeatherFlick.Jobs.Collection.Gateway;

namespace WeatherFlick.Jobs.Collection.Paging;

/// <summary>
/// One partition of a collection (an area × content type, a grid cell …): how to fetch its pages and how to store
/// them. <see cref="PartitionPager"/> drives it page by page from its checkpoint.
/// </summary>
public abstract class PagedPartition
{
    /// <summary>The partition's key in <c>run_partitions</c>, e.g. <c>area=1/type=12</c>.</summary>
    public abstract string Key { get; }

    /// <summary>Rows per page asked for.</summary>
    public abstract int PageSize { get; }

    /// <summary>Called once before paging (fresh or resumed), with the partition's stored state and checkpoint.</summary>
    public virtual Task StartAsync(Runs.PartitionState state, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract Task<GatewayResult> FetchAsync(int pageNo, CancellationToken cancellationToken);

    /// <summary>Stores one page inside the transaction that also moves the checkpoint.</summary>
    public abstract Task<PageWrite> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, UpstreamPage page, long? rawResponseId, CancellationToken cancellationToken);

    /// <summary>
    /// Runs when the last page is stored, in the transaction that marks the partition done. <paramref name="clean"/>
    /// is false when paging met a violation (a page may have been missed): skip conclusions such as "gone upstream".
    /// </summary>
    public virtual Task<long> CompleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, bool clean, CancellationToken cancellationToken) =>
        Task.FromResult(0L);

    /// <summary>The identity of an item for the paging monitor (which page repeats which).</summary>
    public virtual string ItemId(IReadOnlyDictionary<string, string?> item) =>
        item.TryGetValue("contentid", out var id) && id is not null ? id : string.Join('|', item.Values);
}
