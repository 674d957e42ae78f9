namespace WeatherFlick.Jobs.Alerts;

/// <summary>What became of a raised alert.</summary>
public enum AlertDelivery
{
    /// <summary>Every sink took it.</summary>
    Sent,

    /// <summary>The same key was already sent within the window.</summary>
    Suppressed,

    /// <summary>A sink failed; nothing is recorded, so the next check raises it again.</summary>
    Undelivered,
}
