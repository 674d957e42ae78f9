namespace WeatherFlick.Simulator.Geography;

/// <summary>
/// A district of an area: KTO's legacy <c>sigungucode</c>, the legal-dong <c>lDongSignguCd</c> (3 digits after the
/// province's 2), its Korean name and the approximate position of its office.
/// </summary>
public sealed record Sigungu(int Code, string LDongCode, string Name, double Latitude, double Longitude);
