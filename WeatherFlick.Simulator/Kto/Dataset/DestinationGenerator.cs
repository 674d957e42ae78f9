using WeatherFlick.Simulator.Determinism;
using WeatherFlick.Simulator.Geography;

namespace WeatherFlick.Simulator.Kto.Dataset;

/// <summary>
/// Makes destinations from (seed, ordinal): the catalogue at the epoch is ordinals 0 … size−1, and destinations added
/// later by evolution are further ordinals, so every one of them is reproducible on its own.
/// </summary>
internal sealed class DestinationGenerator
{
    /// <summary>Content ids of the initial catalogue start here (real ones range from about 125,000 to 3,400,000).</summary>
    public const int FirstContentId = 125_000;

    /// <summary>Destinations created after the epoch get ids from here up, in creation order.</summary>
    public const int FirstNewContentId = 4_000_000;

    private static readonly long MinCreated = new DateTimeOffset(2004, 1, 1, 0, 0, 0, TimeSpan.FromHours(9)).ToUnixTimeSeconds();

    private readonly long _seed;
    private readonly double[] _areaWeights = [.. Areas.All.Select(area => area.Weight)];
    private readonly double[] _typeWeights = [.. ContentTypes.All.Select(type => type.Weight)];
    private readonly int[][] _categoriesByType = [.. ContentTypes.All.Select(type => Categories.IndexesOf(type.Id).ToArray())];
    private readonly double[][] _categoryWeightsByType;

    public DestinationGenerator(long seed)
    {
        _seed = seed;
        _categoryWeightsByType = [.. _categoriesByType.Select(indexes => indexes.Select(index => Categories.All[index].Weight).ToArray())];
    }

    /// <summary>A destination of the initial catalogue, created and last modified before <paramref name="epoch"/>.</summary>
    public Destination Initial(int ordinal, DateTimeOffset epoch)
    {
        var random = new SeededRandom(StableHash.Of(_seed, ordinal, 0x5EED));
        var contentId = FirstContentId + ordinal * 16 + random.Next(16);
        var latest = epoch.ToUnixTimeSeconds() - 30 * 86_400;
        var created = MinCreated + (long)(random.NextDouble() * (latest - MinCreated));
        var age = epoch.ToUnixTimeSeconds() - created;
        var modified = epoch.ToUnixTimeSeconds() - (long)(age * Math.Pow(random.NextDouble(), 2));
        // Every area × content type pair exists even in the smallest catalogue, so partitions are never empty.
        var pairs = Areas.All.Count * ContentTypes.All.Count;
        (int area, int type) = ordinal < pairs
            ? (ordinal / ContentTypes.All.Count, ordinal % ContentTypes.All.Count)
            : (Weighted(ref random, _areaWeights), Weighted(ref random, _typeWeights));
        return Make(ref random, contentId, area, type, created, modified);
    }

    /// <summary>The <paramref name="ordinal"/>-th destination created after the epoch, at <paramref name="createdUnix"/>.</summary>
    public Destination Created(int ordinal, long createdUnix)
    {
        var random = new SeededRandom(StableHash.Of(_seed, ordinal, 0x4E3D));
        var area = Weighted(ref random, _areaWeights);
        var type = Weighted(ref random, _typeWeights);
        return Make(ref random, FirstNewContentId + ordinal, area, type, createdUnix, createdUnix);
    }

    private Destination Make(ref SeededRandom random, int contentId, int areaIndex, int typeIndex, long created, long modified)
    {
        var area = Areas.All[areaIndex];
        var districtIndex = random.Next(area.Districts.Count);
        var district = area.Districts[districtIndex];
        var categories = _categoriesByType[typeIndex];
        var categoryIndex = categories[Weighted(ref random, _categoryWeightsByType[typeIndex])];
        var (lat, lon) = Place(ref random, area, district);
        var hasImage = random.Chance(0.75);
        var imageId = hasImage ? random.Next(1_000_000, 9_999_999) : 0;
        var copyright = !hasImage ? (byte)0 : random.NextDouble() switch { < 0.6 => (byte)1, < 0.85 => (byte)2, _ => (byte)0 };
        var variant = random.NextUInt64();
        var title = DestinationText.Title(Categories.All[categoryIndex], area, district, variant);
        return new Destination(contentId, (byte)areaIndex, (byte)districtIndex, (byte)typeIndex, (short)categoryIndex,
            lat, lon, created, modified, imageId, copyright, variant, title);
    }

    /// <summary>Somewhere around the district office, on land (a point at sea is drawn again closer in).</summary>
    private static (double Lat, double Lon) Place(ref SeededRandom random, Area area, Sigungu district)
    {
        var radius = area.IsMetropolitan ? 0.025 : area.Code == 39 ? 0.12 : 0.08;
        for (var attempt = 0; attempt < 8; attempt++, radius *= 0.7)
        {
            var lat = district.Latitude + (random.NextDouble() * 2 - 1) * radius;
            var lon = district.Longitude + (random.NextDouble() * 2 - 1) * radius * 1.2;
            var (nx, ny) = KmaGrid.ToGrid(lat, lon);
            if (LandMask.IsLand(nx, ny))
            {
                return (Math.Round(lat, 10), Math.Round(lon, 10));
            }
        }
        return (district.Latitude, district.Longitude);
    }

    private static int Weighted(ref SeededRandom random, double[] weights)
    {
        var ticket = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            ticket -= weights[i];
            if (ticket < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }
}
