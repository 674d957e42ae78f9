namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>
/// One page of items as the service sent it. Item values are kept as strings, as the services document them
/// (numbers such as KMA's nx/ny or a stray numeric contenttypeid are turned into their invariant text).
/// </summary>
public sealed record UpstreamPage(IReadOnlyList<IReadOnlyDictionary<string, string?>> Items, int TotalCount, int PageNo, int NumOfRows);
