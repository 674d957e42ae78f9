namespace WeatherFlick.Jobs.Details;

/// <summary>
/// Where detailIntro2 keeps the fields every destination has, per content type: each type names them differently
/// (usetime, usetimeculture, usetimeleports …; shared/reference/public-data-apis.md §2.4). A null name means the type
/// has no such field: a festival's usetimefestival is its fee, not its hours, so its hours come from playtime, and
/// courses and lodging have no opening hours at all.
/// </summary>
public sealed record IntroFields(string? UseTime, string? RestDate, string? Parking, string? InfoCenter)
{
    private static readonly Dictionary<int, IntroFields> s_byType = new()
    {
        [12] = new("usetime", "restdate", "parking", "infocenter"),
        [14] = new("usetimeculture", "restdateculture", "parkingculture", "infocenterculture"),
        [15] = new("playtime", null, null, "sponsor1tel"),
        [25] = new(null, null, null, "infocentertourcourse"),
        [28] = new("usetimeleports", "restdateleports", "parkingleports", "infocenterleports"),
        [32] = new(null, null, "parkinglodging", "infocenterlodging"),
        [38] = new("opentime", "restdateshopping", "parkingshopping", "infocentershopping"),
        [39] = new("opentimefood", "restdatefood", "parkingfood", "infocenterfood"),
    };

    private static readonly IntroFields s_none = new(null, null, null, null);

    /// <summary>The field names of <paramref name="contentTypeId"/>; none for a type the service does not document.</summary>
    public static IntroFields For(int contentTypeId) => s_byType.GetValueOrDefault(contentTypeId, s_none);
}
