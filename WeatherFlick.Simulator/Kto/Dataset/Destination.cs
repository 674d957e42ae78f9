using WeatherFlick.Simulator.Geography;

namespace WeatherFlick.Simulator.Kto.Dataset;

/// <summary>
/// One destination as generated (compact: the catalogue holds up to a few hundred thousand). Everything not stored
/// here — address, phone, overview, intro, images — is derived on demand from <see cref="Variant"/>, so it costs no
/// memory and is the same every time.
/// </summary>
internal readonly record struct Destination(
    int ContentId,
    byte AreaIndex,
    byte DistrictIndex,
    byte TypeIndex,
    short CategoryIndex,
    double Latitude,
    double Longitude,
    long CreatedUnix,
    long ModifiedUnix,
    int ImageId,
    byte Copyright,
    ulong Variant,
    string Title)
{
    public Area Area => Areas.All[AreaIndex];

    public Sigungu District => Area.Districts[DistrictIndex];

    public ContentType Type => ContentTypes.All[TypeIndex];

    public Category Category => Categories.All[CategoryIndex];

    public bool HasImage => ImageId != 0;
}
