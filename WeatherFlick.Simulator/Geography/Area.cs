namespace WeatherFlick.Simulator.Geography;

/// <summary>One of KTO's 17 areas with its legal-dong province code and what addresses, phones and post codes look like there.</summary>
public sealed record Area(
    int Code,
    string Name,
    string LDongCode,
    string LDongName,
    string TelPrefix,
    int ZipFrom,
    int ZipTo,
    double Weight,
    IReadOnlyList<Sigungu> Districts)
{
    /// <summary>Metropolitan wards are a few km across, provincial cities and counties tens of km.</summary>
    public bool IsMetropolitan => LDongName.EndsWith("광역시", StringComparison.Ordinal) || LDongName == "서울특별시";
}
