namespace WeatherFlick.Simulator.Geography;

/// <summary>
/// KMA's Lambert conformal conic grid (5 km cells, 149 × 253 over South Korea), as in the forecast service guide:
/// RE 6371.00877 km, standard parallels 30°/60°, origin 126°E 38°N at cell (43, 136).
/// Written here independently of the clients' own conversion, so the two cannot share a mistake.
/// </summary>
public static class KmaGrid
{
    public const int Width = 149;
    public const int Height = 253;

    private const double EarthRadiusKm = 6371.00877;
    private const double CellKm = 5.0;
    private const double OriginX = 43;
    private const double OriginY = 136;
    private const double ToRadians = Math.PI / 180.0;

    private static readonly double Re = EarthRadiusKm / CellKm;
    private static readonly double OriginLon = 126.0 * ToRadians;
    private static readonly double Sn;
    private static readonly double Sf;
    private static readonly double Ro;

    static KmaGrid()
    {
        var slat1 = 30.0 * ToRadians;
        var slat2 = 60.0 * ToRadians;
        var olat = 38.0 * ToRadians;
        Sn = Math.Log(Math.Cos(slat1) / Math.Cos(slat2)) /
             Math.Log(Math.Tan(Math.PI * 0.25 + slat2 * 0.5) / Math.Tan(Math.PI * 0.25 + slat1 * 0.5));
        Sf = Math.Pow(Math.Tan(Math.PI * 0.25 + slat1 * 0.5), Sn) * Math.Cos(slat1) / Sn;
        Ro = Re * Sf / Math.Pow(Math.Tan(Math.PI * 0.25 + olat * 0.5), Sn);
    }

    /// <summary>The cone constant sn, scale sf and origin radius ro (in cells), published in the guide.</summary>
    public static (double Sn, double Sf, double Ro) Constants => (Sn, Sf, Ro);

    /// <summary>The cell (nx, ny) that contains a point; the same as the guide's C code with (int)(x + 1.5).</summary>
    public static (int Nx, int Ny) ToGrid(double latitude, double longitude)
    {
        var ra = Re * Sf / Math.Pow(Math.Tan(Math.PI * 0.25 + latitude * ToRadians * 0.5), Sn);
        var theta = longitude * ToRadians - OriginLon;
        if (theta > Math.PI)
        {
            theta -= 2.0 * Math.PI;
        }
        if (theta < -Math.PI)
        {
            theta += 2.0 * Math.PI;
        }
        theta *= Sn;
        var x = Math.Floor(ra * Math.Sin(theta) + OriginX + 0.5);
        var y = Math.Floor(Ro - ra * Math.Cos(theta) + OriginY + 0.5);
        return ((int)x, (int)y);
    }

    /// <summary>The point at the centre of a cell.</summary>
    public static (double Latitude, double Longitude) ToLatLon(int nx, int ny)
    {
        var xn = nx - OriginX;
        var yn = Ro - ny + OriginY;
        var ra = Math.Sqrt(xn * xn + yn * yn);
        if (Sn < 0)
        {
            ra = -ra;
        }
        var alat = 2.0 * Math.Atan(Math.Pow(Re * Sf / ra, 1.0 / Sn)) - Math.PI * 0.5;
        double theta;
        if (Math.Abs(xn) <= 0)
        {
            theta = 0;
        }
        else if (Math.Abs(yn) <= 0)
        {
            theta = xn < 0 ? -Math.PI * 0.5 : Math.PI * 0.5;
        }
        else
        {
            theta = Math.Atan2(xn, yn);
        }
        return (alat / ToRadians, (theta / Sn + OriginLon) / ToRadians);
    }

    public static bool Contains(int nx, int ny) => nx is >= 1 and <= Width && ny is >= 1 and <= Height;
}
