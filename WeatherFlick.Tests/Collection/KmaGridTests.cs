using WeatherFlick.Jobs.Collection.Kma;

namespace WeatherFlick.Tests.Collection;

public sealed class KmaGridTests
{
    // The reference's known points (shared/reference/public-data-apis.md §3.3). Daegu and Jeju are the formula's
    // cells, not KMA's official province values (89,90 and 52,38).
    public static TheoryData<string, double, double, int, int> KnownPoints => new()
    {
        { "Seoul City Hall", 37.5665, 126.9780, 60, 127 },
        { "KMA guide example", 37.488201, 126.929810, 59, 125 },
        { "Busan City Hall", 35.1796, 129.0756, 98, 76 },
        { "Jeju City Hall", 33.4996, 126.5312, 53, 38 },
        { "Incheon", 37.4563, 126.7052, 55, 124 },
        { "Gwangju", 35.1595, 126.8526, 58, 74 },
        { "Daejeon", 36.3504, 127.3845, 67, 100 },
        { "Ulsan", 35.5384, 129.3114, 102, 84 },
        { "Sejong", 36.48, 127.289, 66, 103 },
        { "Daegu", 35.8714, 128.6014, 89, 91 },
        { "Gangneung", 37.7519, 128.8761, 92, 132 },
        { "Seogwipo", 33.2541, 126.5601, 53, 33 },
    };

    [Theory]
    [MemberData(nameof(KnownPoints))]
    public void Known_points_land_in_their_reference_cells(string place, double latitude, double longitude, int nx, int ny)
    {
        KmaGrid.ToGrid(latitude, longitude).ShouldBe((nx, ny), place);
    }

    [Fact]
    public void Reverse_conversion_of_Seoul_cell_gives_its_centre()
    {
        var (latitude, longitude) = KmaGrid.ToLatLon(60, 127);

        latitude.ShouldBe(37.5799, 0.001);
        longitude.ShouldBe(126.9894, 0.001);
    }

    [Fact]
    public void Points_outside_the_grid_have_no_cell()
    {
        KmaGrid.ToGrid(35.6762, 139.6503).ShouldBeNull("Tokyo is off the KMA grid");
        KmaGrid.ToGrid(double.NaN, 127).ShouldBeNull();
    }
}
