namespace WeatherFlick.Simulator.Kto.Dataset;

/// <summary>
/// A list query over the catalogue. A record, so equal queries share one cached result: a collector paging through
/// one area × content type partition sorts and filters once, not once per page.
/// </summary>
internal sealed record CatalogFilter
{
    public int? ContentTypeId { get; init; }
    public int? AreaCode { get; init; }
    public int? SigunguCode { get; init; }
    public string? Cat1 { get; init; }
    public string? Cat2 { get; init; }
    public string? Cat3 { get; init; }
    public string? LDongRegnCd { get; init; }
    public string? LDongSignguCd { get; init; }
    public string? Lcls1 { get; init; }
    public string? Lcls2 { get; init; }
    public string? Lcls3 { get; init; }

    /// <summary>KST day of <c>modifiedtime</c>; with <see cref="ModifiedSince"/> the day and every later one.</summary>
    public DateOnly? ModifiedDay { get; init; }
    public bool ModifiedSince { get; init; }
    public string? Keyword { get; init; }

    /// <summary>Festivals running on or after this day (and starting no later than <see cref="EventEnd"/>).</summary>
    public DateOnly? EventStart { get; init; }
    public DateOnly? EventEnd { get; init; }

    /// <summary>Deleted destinations too (areaBasedSyncList2), optionally only one showflag.</summary>
    public bool IncludeDeleted { get; init; }
    public bool? ShowFlag { get; init; }

    /// <summary>Sort: A title, C modified (newest first), D created (newest first); O/Q/R the same with an image only.</summary>
    public char Arrange { get; init; } = 'A';
}
