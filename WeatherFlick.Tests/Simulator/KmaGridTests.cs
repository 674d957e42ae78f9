using WeatherFlick.Simulator.Geography;

namespace WeatherFlick.Tests.Simulator;

/// <summary>The simulator's own Lambert conformal conic conversion against the reference's table of known points.</summary>
public sealed class KmaGridTests
{
    [Theory]
    [InlineData(37.5665, 126.9780, 60, 127)] // Seoul City Hall
    [InlineData(37.488201, 126.929810, 59, 125)] // the KMA guide's example
    [InlineData(35.1796, 129.0756, 98, 76)] // Busan City Hall
    [InlineData(33.4996, 126.5312, 53, 38)] // Jeju City Hall: the formula says 53; KMA's official province value is 52
    [InlineData(37.4563, 126.7052, 55, 124)] // Incheon
    [InlineData(35.1595, 126.8526, 58, 74)] // Gwangju
    [InlineData(36.3504, 127.3845, 67, 100)] // Daejeon
    [InlineData(35.5384, 129.3114, 102, 84)] // Ulsan
    [InlineData(36.48, 127.289, 66, 103)] // Sejong
    [InlineData(35.8714, 128.6014, 89, 91)] // Daegu: the formula says 91; the official value is 90
    [InlineData(37.7519, 128.8761, 92, 132)] // Gangneung
    [InlineData(33.2541, 126.5601, 53, 33)] // Seogwipo
    public void Known_points_convert_to_their_grid_cells(double latitude, double longitude, int nx, int ny)
    {
        KmaGrid.ToGrid(latitude, longitude).ShouldBe((nx, ny), $"({latitude}, {longitude}) is cell {nx},{ny} by the guide's formula");
    }

    [Fact]
    public void Projection_constants_match_the_guide()
    {
        var (sn, sf, ro) = KmaGrid.Constants;

        sn.ShouldBe(0.71556685, 1e-7, "cone constant sn");
        sf.ShouldBe(1.79302563, 1e-7, "scale sf");
        ro.ShouldBe(1366.7778, 1e-3, "origin radius ro in grid units");
    }

    [Fact]
    public void Cell_centre_converts_back_to_the_published_point()
    {
        var (latitude, longitude) = KmaGrid.ToLatLon(60, 127);

        latitude.ShouldBe(37.5799, 0.0005, "reverse conversion of (60,127)");
        longitude.ShouldBe(126.9894, 0.0005);
        KmaGrid.ToGrid(latitude, longitude).ShouldBe((60, 127), "a cell centre maps back to its cell");
    }

    [Fact]
    public void Every_district_office_is_on_land_and_open_sea_is_not()
    {
        foreach (var district in Areas.All.SelectMany(area => area.Districts.Select(d => (area, d))))
        {
            var (nx, ny) = KmaGrid.ToGrid(district.d.Latitude, district.d.Longitude);
            LandMask.IsLand(nx, ny).ShouldBeTrue($"{district.area.Name} {district.d.Name} ({nx},{ny}) must be land");
        }
        foreach (var (latitude, longitude) in new[] { (36.5, 125.3), (37.0, 130.2), (34.0, 128.5), (33.0, 125.5), (35.5, 125.8) })
        {
            var (nx, ny) = KmaGrid.ToGrid(latitude, longitude);
            LandMask.IsLand(nx, ny).ShouldBeFalse($"({latitude}, {longitude}) is open sea");
        }
    }

    [Fact]
    public void Grid_is_149_by_253()
    {
        KmaGrid.Contains(1, 1).ShouldBeTrue();
        KmaGrid.Contains(149, 253).ShouldBeTrue();
        KmaGrid.Contains(150, 100).ShouldBeFalse();
        KmaGrid.Contains(0, 100).ShouldBeFalse();
        KmaGrid.Contains(60, 254).ShouldBeFalse();
    }
}
