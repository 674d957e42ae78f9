namespace WeatherFlick.Data.Bulk;

/// <summary>What one upsert did: distinct rows received, and how many of them were new or changed.</summary>
public readonly record struct UpsertResult(long Rows, long Inserted, long Updated)
{
    public long Unchanged => Rows - Inserted - Updated;

    public static UpsertResult operator +(UpsertResult a, UpsertResult b) =>
        new(a.Rows + b.Rows, a.Inserted + b.Inserted, a.Updated + b.Updated);
}
