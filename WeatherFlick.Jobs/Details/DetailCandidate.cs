namespace WeatherFlick.Jobs.Details;

/// <summary>A live destination whose details are missing or older than its modified_time.</summary>
public sealed record DetailCandidate(string ContentId, int ContentTypeId, DateTimeOffset? ModifiedTime, bool HasImage);
