using NpgsqlTypes;
using WeatherFlick.Data.Bulk;

namespace WeatherFlick.Data.Details;

/// <summary>How destination details are upserted: an unchanged refetch rewrites nothing; a change moves <c>fetched_at</c>.</summary>
public static class DetailTables
{
    public static UpsertTable<DestinationDetailRow> Details { get; } = UpsertTableBuilder<DestinationDetailRow>.For("destination_details")
        .Key("content_id", NpgsqlDbType.Text, d => d.ContentId)
        .Column("overview", NpgsqlDbType.Text, d => d.Overview)
        .Column("homepage", NpgsqlDbType.Text, d => d.Homepage)
        .Column("tel_name", NpgsqlDbType.Text, d => d.TelName)
        .Column("intro", NpgsqlDbType.Jsonb, d => d.IntroJson)
        .Column("use_time", NpgsqlDbType.Text, d => d.UseTime)
        .Column("rest_date", NpgsqlDbType.Text, d => d.RestDate)
        .Column("parking", NpgsqlDbType.Text, d => d.Parking)
        .Column("info_center", NpgsqlDbType.Text, d => d.InfoCenter)
        .Column("images", NpgsqlDbType.Jsonb, d => d.ImagesJson)
        .Column("source_modified_time", NpgsqlDbType.TimestampTz, d => d.SourceModifiedTime)
        .Bookkeeping("raw_response_ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint, d => d.RawResponseIds)
        .TouchOnChange("fetched_at")
        .Build();
}
