using NpgsqlTypes;
using WeatherFlick.Data.Bulk;

namespace WeatherFlick.Data.Destinations;

/// <summary>How destination rows are bulk-upserted. A row seen again is live again (<c>removed_at</c> cleared).</summary>
public static class DestinationTables
{
    public static UpsertTable<DestinationRow> Destinations { get; } = UpsertTableBuilder<DestinationRow>.For("destinations")
        .Key("content_id", NpgsqlDbType.Text, d => d.ContentId)
        .Column("content_type_id", NpgsqlDbType.Integer, d => d.ContentTypeId)
        .Column("area_code", NpgsqlDbType.Integer, d => d.AreaCode)
        .Column("sigungu_code", NpgsqlDbType.Integer, d => d.SigunguCode)
        .Column("ldong_regn_cd", NpgsqlDbType.Text, d => d.LDongRegnCd)
        .Column("ldong_signgu_cd", NpgsqlDbType.Text, d => d.LDongSignguCd)
        .Column("title", NpgsqlDbType.Text, d => d.Title)
        .Column("addr1", NpgsqlDbType.Text, d => d.Addr1)
        .Column("addr2", NpgsqlDbType.Text, d => d.Addr2)
        .Column("zipcode", NpgsqlDbType.Text, d => d.Zipcode)
        .Column("tel", NpgsqlDbType.Text, d => d.Tel)
        .Column("cat1", NpgsqlDbType.Text, d => d.Cat1)
        .Column("cat2", NpgsqlDbType.Text, d => d.Cat2)
        .Column("cat3", NpgsqlDbType.Text, d => d.Cat3)
        .Column("lcls_systm1", NpgsqlDbType.Text, d => d.LclsSystm1)
        .Column("lcls_systm2", NpgsqlDbType.Text, d => d.LclsSystm2)
        .Column("lcls_systm3", NpgsqlDbType.Text, d => d.LclsSystm3)
        .Column("first_image", NpgsqlDbType.Text, d => d.FirstImage)
        .Column("first_image2", NpgsqlDbType.Text, d => d.FirstImage2)
        .Column("cpyrht_div_cd", NpgsqlDbType.Text, d => d.CpyrhtDivCd)
        .Column("latitude", NpgsqlDbType.Double, d => d.Latitude)
        .Column("longitude", NpgsqlDbType.Double, d => d.Longitude)
        .Column("map_level", NpgsqlDbType.Integer, d => d.MapLevel)
        .Column("grid_nx", NpgsqlDbType.Integer, d => d.GridNx)
        .Column("grid_ny", NpgsqlDbType.Integer, d => d.GridNy)
        .Column("created_time", NpgsqlDbType.TimestampTz, d => d.CreatedTime)
        .Column("modified_time", NpgsqlDbType.TimestampTz, d => d.ModifiedTime)
        .Column("removed_at", NpgsqlDbType.TimestampTz, _ => (DateTimeOffset?)null)
        .Bookkeeping("raw_response_id", NpgsqlDbType.Bigint, d => d.RawResponseId)
        .TouchOnChange("updated_at")
        .Build();
}
