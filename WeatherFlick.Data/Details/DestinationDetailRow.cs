namespace WeatherFlick.Data.Details;

/// <summary>
/// A destination's details as stored in <c>destination_details</c>: detailCommon2's text, detailIntro2 whole (JSON)
/// with its common fields typed, detailImage2's photos (JSON array), the ids of the three raw answers, and the
/// destination's modified_time when they were fetched (the details are stale once it moves).
/// </summary>
public sealed record DestinationDetailRow(
    string ContentId,
    string? Overview,
    string? Homepage,
    string? TelName,
    string? IntroJson,
    string? UseTime,
    string? RestDate,
    string? Parking,
    string? InfoCenter,
    string ImagesJson,
    DateTimeOffset? SourceModifiedTime,
    long[] RawResponseIds);
