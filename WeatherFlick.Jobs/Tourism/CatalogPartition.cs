using Npgsql;
using NpgsqlTypes;
using WeatherFlick.Data.Bulk;
using WeatherFlick.Data.Destinations;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Jobs.Collection.Kto;
using WeatherFlick.Jobs.Collection.Paging;

namespace WeatherFlick.Jobs.Tourism;

/// <summary>
/// One area × content type of the full catalog sync: areaBasedList2 page by page. Ids seen are committed with each
/// page, so when the partition completes without a paging violation, what it did not see has left the catalog.
/// </summary>
internal sealed class CatalogPartition(UpstreamGateway kto, TourismOptions options, int area, int contentType) : PagedPartition
{
    public override string Key { get; } = KeyOf(area, contentType);

    /// <summary>A partition's key; the quality job builds the same key in SQL from <c>KeyOf("%s", "%s")</c>.</summary>
    internal static string KeyOf<TArea, TType>(TArea area, TType contentType) => $"area={area}/type={contentType}";

    public override int PageSize => options.PageSize;

    public override Task<GatewayResult> FetchAsync(int pageNo, CancellationToken cancellationToken) =>
        kto.CallAsync("areaBasedList2", KtoRequest.With(options.MobileApp,
            ("areaCode", area), ("contentTypeId", contentType), ("arrange", "A"), ("numOfRows", PageSize), ("pageNo", pageNo)), cancellationToken);

    public override async Task<PageWrite> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, UpstreamPage page, long? rawResponseId, CancellationToken cancellationToken)
    {
        var rows = page.Items.Select(i => KtoItems.ToDestination(i, rawResponseId)).OfType<DestinationRow>().ToList();
        var result = rows.Count == 0 ? default : await DestinationTables.Destinations.UpsertAsync(connection, rows, transaction, cancellationToken).ConfigureAwait(false);
        await using var seen = new NpgsqlCommand(
            "INSERT INTO run_seen (run_id, partition_key, content_id) SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING", connection, transaction);
        seen.Parameters.Add(new() { Value = runId });
        seen.Parameters.Add(new() { Value = Key });
        seen.Parameters.Add(new() { Value = rows.Select(r => r.ContentId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await seen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new PageWrite(result, rows.Count);
    }

    public override async Task<long> CompleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, bool clean, CancellationToken cancellationToken)
    {
        long removed = 0;
        if (clean)
        {
            // EXCEPT (a hashed set difference) rather than NOT EXISTS: right after a bulk load the statistics are
            // stale, and a misjudged anti-join turns into a nested loop over the whole partition.
            await using var remove = new NpgsqlCommand("""
                UPDATE destinations d SET removed_at = now(), updated_at = now()
                WHERE d.content_id IN (
                    SELECT content_id FROM destinations WHERE area_code = $1 AND content_type_id = $2 AND removed_at IS NULL
                    EXCEPT
                    SELECT content_id FROM run_seen WHERE run_id = $3 AND partition_key = $4)
                """, connection, transaction);
            remove.Parameters.Add(new() { Value = area });
            remove.Parameters.Add(new() { Value = contentType });
            remove.Parameters.Add(new() { Value = runId });
            remove.Parameters.Add(new() { Value = Key });
            removed = await remove.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using var forget = new NpgsqlCommand("DELETE FROM run_seen WHERE run_id = $1 AND partition_key = $2", connection, transaction);
        forget.Parameters.Add(new() { Value = runId });
        forget.Parameters.Add(new() { Value = Key });
        await forget.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return removed;
    }
}
