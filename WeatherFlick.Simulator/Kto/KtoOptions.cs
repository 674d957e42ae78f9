using System.ComponentModel.DataAnnotations;

namespace WeatherFlick.Simulator.Kto;

/// <summary>
/// KTO behaviours known only from single reports ([R]) or not documented at all, so a test can turn them either way.
/// Defaults follow the reports where they exist.
/// </summary>
public sealed class KtoOptions
{
    /// <summary>Empty result bodies: <c>EmptyString</c> (<c>"items":""</c>, seen 4×) or <c>Null</c> (<c>"items":null</c>, reported).</summary>
    [RegularExpression("^(EmptyString|Null)$")]
    public string EmptyItems { get; set; } = "EmptyString";

    /// <summary>Send a one-row page as a bare <c>item</c> object instead of an array (reported by some clients).</summary>
    public bool SingleItemAsObject { get; set; }

    /// <summary>Send <c>contenttypeid</c> as a JSON number (seen once) instead of a string.</summary>
    public bool ContentTypeIdAsNumber { get; set; }

    /// <summary>searchFestival2 accepts the legacy <c>areaCode</c> but ignores it (reported).</summary>
    public bool FestivalIgnoresAreaCode { get; set; } = true;

    /// <summary>areaBasedSyncList2 answers totalCount 0 whenever <c>modifiedtime</c> is given (one report).</summary>
    public bool SyncListModifiedTimeReturnsNothing { get; set; }

    /// <summary>detailCommon2 rejects every parameter besides contentId and the common ones with error 10 (reported 3×).</summary>
    public bool DetailCommonRejectsExtraParameters { get; set; } = true;

    /// <summary>detailIntro2 and detailInfo2 need contentTypeId (missing gives 11, reported).</summary>
    public bool DetailIntroRequiresContentTypeId { get; set; } = true;

    /// <summary>
    /// Fields (name → value) added after the generated ones to every detailIntro2 item. Most types' field lists are
    /// known only from the manual, which is incomplete, so a client must keep fields nobody told it about.
    /// </summary>
    public Dictionary<string, string> ExtraIntroFields { get; set; } = [];

    /// <summary>
    /// Meaning of the <c>modifiedtime</c> filter (YYYYMMDD), which no source describes: <c>Day</c> (items modified on
    /// that KST day) or <c>Since</c> (modified on or after it).
    /// </summary>
    [RegularExpression("^(Day|Since)$")]
    public string ModifiedTimeFilter { get; set; } = "Day";
}
