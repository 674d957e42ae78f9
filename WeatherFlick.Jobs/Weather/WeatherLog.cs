using Microsoft.Extensions.Logging;

namespace WeatherFlick.Jobs.Weather;

internal static partial class WeatherLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Operation} {Cell}: issue {Issue:yyyy-MM-dd HH:mm zzz} is not published yet (NO_DATA); falling back to {Previous:yyyy-MM-dd HH:mm zzz}")]
    public static partial void FallingBack(ILogger logger, string operation, string cell, DateTimeOffset issue, DateTimeOffset previous);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Operation}: collecting {Cells} grid cells at issue {Issue:yyyy-MM-dd HH:mm zzz}")]
    public static partial void Collecting(ILogger logger, string operation, int cells, DateTimeOffset issue);
}
