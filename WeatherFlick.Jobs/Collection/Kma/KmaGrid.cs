namespace WeatherFlick.Jobs.Collection.Kma;

/// <summary>
/// Latitude/longitude to the KMA forecast grid (5 km Lambert conformal conic, 149 × 253 cells), with the constants of
/// KMA's guide: RE 6371.00877 km, standard parallels 30° and 60°, origin 38°N 126°E at grid (43, 136).
/// </summary>
public static class KmaGrid
{
    private const double EarthRadiusKm = 6371.00877;
    private const double GridKm = 5.0;
    private const double Slat1 = 30.0 * Math.PI / 180;
    private const double Slat2 = 60.0 * Math.PI / 180;
    private const double OriginLon = 126.0 * Math.PI / 180;
    private const double OriginLat = 38.0 * Math.PI / 180;
    private const double OriginX = 43;
    private const double OriginY = 136;

    public const int Width = 149;
    public const int Height = 253;

    private static readonly double Re = EarthRadiusKm / GridKm;
    private static readonly double Sn = Math.Log(Math.Cos(Slat1) / Math.Cos(Slat2)) / Math.Log(Math.Tan(Math.PI * 0.25 + Slat2 * 0.5) / Math.Tan(Math.PI * 0.25 + Slat1 * 0.5));
    private static readonly double Sf = Math.Pow(Math.Tan(Math.PI * 0.25 + Slat1 * 0.5), Sn) * Math.Cos(Slat1) / Sn;
    private static readonly double Ro = Re * Sf / Math.Pow(Math.Tan(Math.PI * 0.25 + OriginLat * 0.5), Sn);

    /// <summary>The grid cell of a point, or null when it falls outside the grid (the grid covers South Korea only).</summary>
    public static (int Nx, int Ny)? ToGrid(double latitude, double longitude)
    {
        if (double.IsNaN(latitude) || double.IsNaN(longitude))
        {
            return null;
        }
        var ra = Re * Sf / Math.Pow(Math.Tan(Math.PI * 0.25 + latitude * Math.PI / 180 * 0.5), Sn);
        var theta = longitude * Math.PI / 180 - OriginLon;
        if (theta > Math.PI)
        {
            theta -= 2 * Math.PI;
        }
        if (theta < -Math.PI)
        {
            theta += 2 * Math.PI;
        }
        theta *= Sn;
        var nx = (int)Math.Floor(ra * Math.Sin(theta) + OriginX + 0.5);
        var ny = (int)Math.Floor(Ro - ra * Math.Cos(theta) + OriginY + 0.5);
        return nx is >= 1 and <= Width && ny is >= 1 and <= Height ? (nx, ny) : null;
    }

    /// <summary>The latitude/longitude of a cell's centre.</summary>
    public static (double Latitude, double Longitude) ToLatLon(int nx, int ny)
    {
        var x = nx - OriginX;
        var y = Ro - ny + OriginY;
        var ra = Math.Sqrt(x * x + y * y) * Math.Sign(Sn);
        var alat = 2.0 * Math.Atan(Math.Pow(Re * Sf / ra, 1.0 / Sn)) - Math.PI * 0.5;
        var theta = Math.Abs(x) <= 0 ? 0 : Math.Abs(y) <= 0 ? Math.PI * 0.5 * Math.Sign(x) : Math.Atan2(x, y);
        var alon = theta / Sn + OriginLon;
        return (alat * 180 / Math.PI, alon * 180 / Math.PI);
    }
}
