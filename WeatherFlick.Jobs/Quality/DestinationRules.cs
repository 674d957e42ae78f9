using Npgsql;
using WeatherFlick.Data.Quality;
using WeatherFlick.Jobs.Tourism;

namespace WeatherFlick.Jobs.Quality;

/// <summary>
/// The rules over live destinations (removed ones are not served, so not checked). A row whose raw response has
/// expired is fine: the archive keeps answers for a while only, by design.
/// </summary>
internal static class DestinationRules
{
    public const string CoordinatesMissing = "coordinates_missing";
    public const string CoordinatesOutsideKorea = "coordinates_outside_korea";
    public const string AddressMissing = "address_missing";
    public const string ImageMissing = "image_missing";
    public const string DuplicateTitleAddress = "duplicate_title_address";
    public const string Stale = "stale";

    public static readonly IReadOnlyList<string> Rules =
        [CoordinatesMissing, CoordinatesOutsideKorea, AddressMissing, ImageMissing, DuplicateTitleAddress, Stale];

    // South Korea with its outlying islands: Marado (33.11 N) to the Goseong coast (38.61 N), Baengnyeongdo
    // (124.6 E) to Dokdo (131.87 E). A point inside that has no KMA grid cell is outside the forecast area too.
    private const double MinLatitude = 33.0;
    private const double MaxLatitude = 38.7;
    private const double MinLongitude = 124.5;
    private const double MaxLongitude = 131.9;

    /// <summary>The job whose complete partitions confirm every live row of their area and content type.</summary>
    private const string CatalogSyncJob = TourismFullSync.JobName;

    public static async Task<QualityReport> CheckAsync(NpgsqlDataSource dataSource, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH confirmed AS (
                -- A full-sync partition that completed without a paging violation saw every live row of its area and
                -- type (what it missed was marked removed), so it confirms them, changed or not.
                SELECT p.partition_key, max(p.updated_at) AS confirmed_at
                FROM run_partitions p JOIN collection_runs r ON r.id = p.run_id
                WHERE r.job = $6 AND p.status = 'done' AND cardinality(p.violations) = 0
                GROUP BY p.partition_key
            ), checked AS (
                SELECT d.content_id,
                       lower(btrim(d.title)) || E'\x1f' || lower(btrim(d.addr1)) AS identity,
                       d.latitude IS NULL OR d.longitude IS NULL AS coordinates_missing,
                       d.latitude IS NOT NULL AND d.longitude IS NOT NULL
                           AND (d.latitude NOT BETWEEN $1 AND $2 OR d.longitude NOT BETWEEN $3 AND $4 OR d.grid_nx IS NULL OR d.grid_ny IS NULL)
                           AS coordinates_outside_korea,
                       coalesce(btrim(d.addr1), '') = '' AS address_missing,
                       coalesce(btrim(d.first_image), '') = '' AS image_missing,
                       -- Same title without an address says little (branches of a chain); only both together.
                       coalesce(btrim(d.addr1), '') <> ''
                           AND count(*) OVER (PARTITION BY lower(btrim(d.title)), lower(btrim(d.addr1))) > 1 AS duplicate,
                       greatest(d.updated_at, c.confirmed_at) < $5 AS stale
                FROM destinations d
                LEFT JOIN confirmed c ON c.partition_key = format($8, d.area_code, d.content_type_id)
                WHERE d.removed_at IS NULL
            )
            SELECT count(*),
                   count(*) FILTER (WHERE NOT (coordinates_missing OR coordinates_outside_korea OR address_missing OR image_missing OR duplicate OR stale)),
                   count(*) FILTER (WHERE coordinates_missing),
                   (array_agg(content_id ORDER BY content_id) FILTER (WHERE coordinates_missing))[1:$7],
                   count(*) FILTER (WHERE coordinates_outside_korea),
                   (array_agg(content_id ORDER BY content_id) FILTER (WHERE coordinates_outside_korea))[1:$7],
                   count(*) FILTER (WHERE address_missing),
                   (array_agg(content_id ORDER BY content_id) FILTER (WHERE address_missing))[1:$7],
                   count(*) FILTER (WHERE image_missing),
                   (array_agg(content_id ORDER BY content_id) FILTER (WHERE image_missing))[1:$7],
                   count(*) FILTER (WHERE duplicate),
                   -- Ordered by what they share, so the examples come in groups.
                   (array_agg(content_id ORDER BY identity, content_id) FILTER (WHERE duplicate))[1:$7],
                   count(*) FILTER (WHERE stale),
                   (array_agg(content_id ORDER BY content_id) FILTER (WHERE stale))[1:$7]
            FROM checked
            """);
        command.Parameters.Add(new() { Value = MinLatitude });
        command.Parameters.Add(new() { Value = MaxLatitude });
        command.Parameters.Add(new() { Value = MinLongitude });
        command.Parameters.Add(new() { Value = MaxLongitude });
        command.Parameters.Add(new() { Value = staleBefore });
        command.Parameters.Add(new() { Value = CatalogSyncJob });
        command.Parameters.Add(new() { Value = FindingsReader.Examples });
        command.Parameters.Add(new() { Value = CatalogPartition.KeyOf("%s", "%s") });
        return await FindingsReader.ReadAsync(command, QualityTables.Destinations, Rules, cancellationToken).ConfigureAwait(false);
    }
}
