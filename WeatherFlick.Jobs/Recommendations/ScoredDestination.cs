using WeatherFlick.Data.Weather;

namespace WeatherFlick.Jobs.Recommendations;

/// <summary>A live destination as scoring needs it: its id, grid cell and activity profile.</summary>
internal sealed record ScoredDestination(string ContentId, GridCell Cell, ActivityProfile Profile);
