using WeatherFlick.Data.Bulk;

namespace WeatherFlick.Jobs.Collection.Paging;

/// <summary>
/// What storing a page did: counts, rows marked removed, state to keep in the checkpoint (JSON), and whether to stop
/// early (an incremental sync reached its watermark).
/// </summary>
public readonly record struct PageWrite(UpsertResult Result, int Items, bool Stop = false, string? Checkpoint = null, long Removed = 0);
