namespace WeatherFlick.Simulator.Admin;

/// <summary><c>GET /_sim/dataset/summary</c>: what the catalogue holds now.</summary>
internal sealed record DatasetSummary(
    long Seed,
    int Size,
    DateTimeOffset Epoch,
    DateTimeOffset Now,
    int Listed,
    int Deleted,
    int Created,
    int Modified,
    IReadOnlyList<AreaSummary> Areas);
