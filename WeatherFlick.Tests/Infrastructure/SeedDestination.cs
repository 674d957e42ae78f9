namespace WeatherFlick.Tests.Infrastructure;

/// <summary>
/// A destination row as a test plants it: by default a healthy one in Seoul (grid 60,127, area 1, type 12), with an
/// address, an image and <see cref="UpdatedAt"/> set by <see cref="DatabaseSeed"/> to its clock's now.
/// </summary>
public sealed record SeedDestination(string ContentId)
{
    public string Title { get; init; } = $"Destination {ContentId}";
    public string? Addr1 { get; init; } = $"Seoul Jung-gu Sejong-daero {ContentId}";
    public string? FirstImage { get; init; } = $"http://tong.visitkorea.or.kr/cms/resource/{ContentId}.jpg";
    public double? Latitude { get; init; } = 37.5665;
    public double? Longitude { get; init; } = 126.978;
    public int? GridNx { get; init; } = 60;
    public int? GridNy { get; init; } = 127;
    public int AreaCode { get; init; } = 1;
    public int ContentTypeId { get; init; } = 12;
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? RemovedAt { get; init; }
    public long? RawResponseId { get; init; }
}
