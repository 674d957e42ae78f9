using Microsoft.Extensions.Logging;

namespace WeatherFlick.Simulator.Gateway;

/// <summary>Gateway log lines. Keys appear only as fingerprints.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Rejected key {Fingerprint} for {Operation}: not registered (code 30)")]
    public static partial void KeyRejected(ILogger logger, string fingerprint, string operation);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Key {Fingerprint} reached its daily quota of {Limit} for {Operation} on {Day} (code 22)")]
    public static partial void QuotaExhausted(ILogger logger, string fingerprint, int limit, string operation, DateOnly day);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Key {Fingerprint} exceeded its rate for {Operation} (HTTP 429)")]
    public static partial void RateLimited(ILogger logger, string fingerprint, string operation);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Injected fault {Fault} into call {Number} of key {Fingerprint} for {Operation}")]
    public static partial void FaultInjected(ILogger logger, string fault, int number, string fingerprint, string operation);

    [LoggerMessage(EventId = 104, Level = LogLevel.Debug, Message = "Unknown service or operation {Service}/{Operation} (code 12)")]
    public static partial void UnknownOperation(ILogger logger, string service, string operation);
}
