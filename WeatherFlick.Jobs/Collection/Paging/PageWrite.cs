using WeatherFlick.Data.Bulk;

namespace WeatherFlick.Jobs.Collection.Paging;

/// <summary>What storing a page did; <see cref="Stop"/> ends the partition early (an incremental sync reached its watermark).</summary>
public readonly record struct PageWrite(UpsertResult Result, int Items, bool Stop = false, string? Checkpoint = null);
