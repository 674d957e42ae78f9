using Npgsql;
using NpgsqlTypes;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Jobs.Collection.Kto;
using WeatherFlick.Jobs.Collection.Paging;

namespace WeatherFlick.Jobs.Tourism;

/// <summary>
/// Content of one type withdrawn since the watermark: areaBasedSyncList2 with showflag 0, newest first. A withdrawn
/// item's modifiedtime is when it was withdrawn, which is when its row is marked removed.
/// </summary>
internal sealed class DeletedContentPartition(NpgsqlDataSource dataSource, UpstreamGateway kto, TourismOptions options, int contentType)
    : IncrementalPartition(dataSource, kto, options, "deletions", contentType)
{
    public override Task<GatewayResult> FetchAsync(int pageNo, CancellationToken cancellationToken) =>
        Kto.CallAsync("areaBasedSyncList2", KtoRequest.With(Options.MobileApp,
            ("contentTypeId", ContentType), ("showflag", "0"), ("arrange", "C"), ("numOfRows", PageSize), ("pageNo", pageNo)), cancellationToken);

    protected override async Task<PageWrite> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<IReadOnlyDictionary<string, string?>> items, long? rawResponseId, CancellationToken cancellationToken)
    {
        var withdrawn = items.Where(i => KtoItems.Text(i, "showflag") == "0" && KtoItems.Text(i, "contentid") is not null).ToList();
        if (withdrawn.Count == 0)
        {
            return new PageWrite(default, 0);
        }
        await using var remove = new NpgsqlCommand("""
            UPDATE destinations d SET removed_at = w.removed_at, raw_response_id = $3, updated_at = now()
            FROM unnest($1::text[], $2::timestamptz[]) AS w(content_id, removed_at)
            WHERE d.content_id = w.content_id AND d.removed_at IS NULL
            """, connection, transaction);
        remove.Parameters.Add(new() { Value = withdrawn.Select(i => KtoItems.Text(i, "contentid")!).ToArray() });
        remove.Parameters.Add(new() { Value = withdrawn.Select(i => KtoItems.Time(i, "modifiedtime") ?? DateTimeOffset.UtcNow).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        remove.Parameters.Add(new() { Value = (object?)rawResponseId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        var removed = await remove.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new PageWrite(default, withdrawn.Count, Removed: removed);
    }
}
