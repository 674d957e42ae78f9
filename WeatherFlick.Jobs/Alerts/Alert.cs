using System.Globalization;
using WeatherFlick.Data.Time;

namespace WeatherFlick.Jobs.Alerts;

/// <summary>
/// One problem to tell operators about. <see cref="Key"/> names the problem, not the occurrence
/// (<c>run-failed:details</c>, <c>key-disabled:kto:1a2b3c4d</c>): the same key is sent once per window however often
/// it is raised. Keys carry key fingerprints only, never secrets.
/// </summary>
public sealed record Alert(string Key, string Title, string Text)
{
    /// <summary>The kind of problem: the key up to its first colon (run-failed, run-orphaned, quota-spent, key-disabled, quality-drop).</summary>
    public string Kind => Key.Split(':', 2)[0];

    /// <summary>An instant as operators in Korea read it.</summary>
    public static string Kst(DateTimeOffset instant) =>
        KoreaTime.ToKst(instant).ToString("yyyy-MM-dd HH:mm 'KST'", CultureInfo.InvariantCulture);
}
