using Npgsql;
using WeatherFlick.Data.Destinations;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Jobs.Collection.Kto;
using WeatherFlick.Jobs.Collection.Paging;

namespace WeatherFlick.Jobs.Tourism;

/// <summary>New and modified content of one type since the watermark (areaBasedList2, arrange=C), upserted.</summary>
internal sealed class ChangedContentPartition(NpgsqlDataSource dataSource, UpstreamGateway kto, TourismOptions options, int contentType)
    : IncrementalPartition(dataSource, kto, options, "changes", contentType)
{
    public override Task<GatewayResult> FetchAsync(int pageNo, CancellationToken cancellationToken) =>
        Kto.CallAsync("areaBasedList2", KtoRequest.With(Options.MobileApp,
            ("contentTypeId", ContentType), ("arrange", "C"), ("numOfRows", PageSize), ("pageNo", pageNo)), cancellationToken);

    protected override async Task<PageWrite> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<IReadOnlyDictionary<string, string?>> items, long? rawResponseId, CancellationToken cancellationToken)
    {
        var rows = items.Select(i => KtoItems.ToDestination(i, rawResponseId)).OfType<DestinationRow>().ToList();
        var result = rows.Count == 0 ? default : await DestinationTables.Destinations.UpsertAsync(connection, rows, transaction, cancellationToken).ConfigureAwait(false);
        return new PageWrite(result, rows.Count);
    }
}
