namespace WeatherFlick.Jobs.Quality;

/// <summary>The tables the quality check reports on, as named in <c>quality_reports.table_name</c>.</summary>
public static class QualityTables
{
    public const string Destinations = "destinations";
    public const string Forecasts = "forecasts";
    public const string RunPartitions = "run_partitions";
}
