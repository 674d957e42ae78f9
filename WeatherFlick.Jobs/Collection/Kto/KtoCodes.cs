namespace WeatherFlick.Jobs.Collection.Kto;

/// <summary>The KorService2 codes the catalog is partitioned by (shared/reference/public-data-apis.md §2.2, §2.4).</summary>
public static class KtoCodes
{
    /// <summary>The 17 legacy area codes, in areaCode2's order.</summary>
    public static readonly IReadOnlyList<int> Areas = [1, 2, 3, 4, 5, 6, 7, 8, 31, 32, 33, 34, 35, 36, 37, 38, 39];

    /// <summary>The Korean service's 8 content types.</summary>
    public static readonly IReadOnlyList<int> ContentTypes = [12, 14, 15, 25, 28, 32, 38, 39];
}
