namespace WeatherFlick.Simulator.Kto.Dataset;

/// <summary>One change of the catalogue at <paramref name="Unix"/> seconds: a modification, a deletion or a creation.</summary>
internal readonly record struct CatalogEvent(long Unix, CatalogEventKind Kind, int Target, int Sequence);
