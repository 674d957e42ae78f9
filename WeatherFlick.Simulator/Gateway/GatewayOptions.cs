using System.ComponentModel.DataAnnotations;

namespace WeatherFlick.Simulator.Gateway;

/// <summary>
/// How the data.go.kr gateway answers its own errors. The XML body is always the same; the HTTP status was 200
/// historically, while recent reports [R] show 403 for code 30 and 500 for code 22, hence the settings.
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>HTTP status of a code 30 (unknown or mangled key) answer.</summary>
    [Range(200, 599)]
    public int KeyRejectedStatus { get; set; } = 200;

    /// <summary>HTTP status of a code 22 (daily quota exceeded) answer.</summary>
    [Range(200, 599)]
    public int QuotaExceededStatus { get; set; } = 200;

    /// <summary>
    /// Shape of gateway error bodies: <c>Standard</c> (as documented), or the variants seen in the wild [R]:
    /// <c>Reordered</c> (elements in another order), <c>Korean</c> (code name in errMsg, Korean returnAuthMsg).
    /// </summary>
    [RegularExpression("^(Standard|Reordered|Korean)$")]
    public string ErrorVariant { get; set; } = "Standard";
}
