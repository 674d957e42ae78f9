namespace WeatherFlick.Simulator.Geography;

/// <summary>
/// Which KMA grid cells are land. The coastline is a coarse outline of the mainland (about 90 points, a few km of
/// error) plus discs for the larger islands; every district office is land by construction. Good enough to put
/// destinations on land and to mask the quantities KMA reports as missing over sea.
/// </summary>
public static class LandMask
{
    // (latitude, longitude), clockwise from Ganghwa along the DMZ, down the east coast, west along the south coast and
    // north up the west coast.
    private static readonly (double Lat, double Lon)[] Mainland =
    [
        (37.78, 126.40), (37.80, 126.55), (37.77, 126.68), (37.95, 126.68), (38.00, 126.95), (38.10, 127.10),
        (38.28, 127.40), (38.30, 127.80), (38.32, 128.10), (38.45, 128.30), (38.61, 128.36), (38.45, 128.47),
        (38.21, 128.61), (38.00, 128.76), (37.77, 128.94), (37.55, 129.13), (37.35, 129.28), (37.05, 129.44),
        (36.70, 129.49), (36.40, 129.41), (36.08, 129.59), (35.95, 129.53), (35.70, 129.49), (35.48, 129.46),
        (35.30, 129.31), (35.15, 129.21), (35.05, 129.09), (35.05, 128.95), (35.00, 128.80), (34.85, 128.76),
        (34.70, 128.61), (34.80, 128.42), (34.85, 128.20), (34.72, 127.95), (34.80, 127.75), (34.66, 127.70),
        (34.70, 127.45), (34.48, 127.30), (34.60, 127.05), (34.52, 126.85), (34.30, 126.70), (34.30, 126.52),
        (34.40, 126.20), (34.50, 126.10), (34.65, 126.30), (34.80, 126.33), (35.00, 126.35), (35.15, 126.32),
        (35.35, 126.40), (35.50, 126.45), (35.60, 126.50), (35.72, 126.50), (35.92, 126.60), (36.05, 126.65),
        (36.30, 126.52), (36.50, 126.50), (36.58, 126.30), (36.75, 126.12), (36.92, 126.25), (36.92, 126.45),
        (37.00, 126.70), (37.10, 126.72), (37.20, 126.65), (37.35, 126.70), (37.45, 126.60), (37.55, 126.58),
        (37.65, 126.52), (37.70, 126.40),
    ];

    // (latitude, longitude, radius km)
    private static readonly (double Lat, double Lon, double Km)[] Islands =
    [
        (37.49, 130.87, 5), (37.96, 124.68, 4), (37.46, 126.44, 6), (37.25, 126.47, 5), (34.83, 126.15, 12),
        (34.31, 126.75, 8), (34.05, 127.30, 3),
    ];

    private static readonly bool[,] Cells = Build();

    /// <summary>True when the cell is land; false over sea and outside the grid.</summary>
    public static bool IsLand(int nx, int ny) => KmaGrid.Contains(nx, ny) && Cells[nx - 1, ny - 1];

    public static bool IsLand(double latitude, double longitude) =>
        InJeju(latitude, longitude) || InPolygon(latitude, longitude) || OnIsland(latitude, longitude);

    private static bool[,] Build()
    {
        var cells = new bool[KmaGrid.Width, KmaGrid.Height];
        for (var nx = 1; nx <= KmaGrid.Width; nx++)
        {
            for (var ny = 1; ny <= KmaGrid.Height; ny++)
            {
                var (lat, lon) = KmaGrid.ToLatLon(nx, ny);
                cells[nx - 1, ny - 1] = IsLand(lat, lon);
            }
        }
        foreach (var district in Areas.All.SelectMany(area => area.Districts))
        {
            var (nx, ny) = KmaGrid.ToGrid(district.Latitude, district.Longitude);
            cells[nx - 1, ny - 1] = true;
        }
        return cells;
    }

    private static bool InJeju(double lat, double lon)
    {
        var dLat = (lat - 33.38) / 0.18;
        var dLon = (lon - 126.56) / 0.40;
        return dLat * dLat + dLon * dLon <= 1;
    }

    private static bool OnIsland(double lat, double lon)
    {
        foreach (var (iLat, iLon, km) in Islands)
        {
            var dy = (lat - iLat) * 111.0;
            var dx = (lon - iLon) * 111.0 * Math.Cos(iLat * Math.PI / 180);
            if (dx * dx + dy * dy <= km * km)
            {
                return true;
            }
        }
        return false;
    }

    private static bool InPolygon(double lat, double lon)
    {
        var inside = false;
        for (int i = 0, j = Mainland.Length - 1; i < Mainland.Length; j = i++)
        {
            var (latI, lonI) = Mainland[i];
            var (latJ, lonJ) = Mainland[j];
            if ((latI > lat) != (latJ > lat) && lon < (lonJ - lonI) * (lat - latI) / (latJ - latI) + lonI)
            {
                inside = !inside;
            }
        }
        return inside;
    }
}
