using System.Text.Json;
using Npgsql;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Jobs.Collection.Kto;
using WeatherFlick.Jobs.Collection.Paging;
using WeatherFlick.Jobs.Collection.Runs;

namespace WeatherFlick.Jobs.Tourism;

/// <summary>
/// Pages one content type newest-modified first (arrange=C) and stops at the partition's watermark: the shape
/// shared by the change feed (areaBasedList2) and the deletion feed (areaBasedSyncList2, showflag 0). Items at the
/// watermark's exact second are applied again (harmless) rather than risk missing one modified in the same second.
/// It does not trust the services' modifiedtime filter, which is reported not to work.
/// </summary>
internal abstract class IncrementalPartition(NpgsqlDataSource dataSource, UpstreamGateway kto, TourismOptions options, string feed, int contentType) : PagedPartition
{
    private IncrementalCheckpoint _state = new(null, null);

    public override string Key { get; } = $"{feed}/type={contentType}";

    public override int PageSize => options.PageSize;

    protected int ContentType => contentType;

    protected UpstreamGateway Kto => kto;

    protected TourismOptions Options => options;

    public override async Task StartAsync(PartitionState state, CancellationToken cancellationToken)
    {
        _state = state.Checkpoint is { } json
            ? JsonSerializer.Deserialize<IncrementalCheckpoint>(json)!
            : new IncrementalCheckpoint(await SyncWatermarks.ReadAsync(dataSource, Key, contentType, cancellationToken).ConfigureAwait(false), null);
    }

    public override async Task<PageWrite> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, UpstreamPage page, long? rawResponseId, CancellationToken cancellationToken)
    {
        var watermark = _state.Watermark;
        var items = page.Items.Select(i => (Item: i, Modified: KtoItems.Time(i, "modifiedtime"))).ToList();
        var fresh = items.Where(i => watermark is null || i.Modified is null || i.Modified >= watermark).Select(i => i.Item).ToList();
        var newest = items.Max(i => i.Modified);
        var write = await ApplyAsync(connection, transaction, fresh, rawResponseId, cancellationToken).ConfigureAwait(false);
        _state = _state with { Newest = Max(_state.Newest, newest) };
        var reachedWatermark = watermark is not null && items.Any(i => i.Modified < watermark);
        return write with { Stop = reachedWatermark, Checkpoint = JsonSerializer.Serialize(_state) };
    }

    public override async Task<long> CompleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, bool clean, CancellationToken cancellationToken)
    {
        if (Max(_state.Newest, _state.Watermark) is { } next)
        {
            await SyncWatermarks.WriteAsync(connection, transaction, Key, next, cancellationToken).ConfigureAwait(false);
        }
        return 0;
    }

    /// <summary>Stores the items newer than the watermark.</summary>
    protected abstract Task<PageWrite> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<IReadOnlyDictionary<string, string?>> items, long? rawResponseId, CancellationToken cancellationToken);

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
