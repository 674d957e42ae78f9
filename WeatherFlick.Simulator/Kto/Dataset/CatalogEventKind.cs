namespace WeatherFlick.Simulator.Kto.Dataset;

internal enum CatalogEventKind
{
    /// <summary><c>modifiedtime</c> moves to the event time (and the overview's last sentence may change).</summary>
    Modified,

    /// <summary>The destination leaves the lists and shows <c>showflag</c> "0" in areaBasedSyncList2.</summary>
    Deleted,

    /// <summary>A new destination (Target is its creation ordinal) appears.</summary>
    Created,
}
