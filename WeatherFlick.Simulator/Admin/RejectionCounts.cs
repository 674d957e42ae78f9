namespace WeatherFlick.Simulator.Admin;

internal sealed record RejectionCounts(long Quota, long Rate, long Key, long Params);
