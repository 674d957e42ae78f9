using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeatherFlick.Simulator.Clock;
using WeatherFlick.Simulator.Faults;
using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Simulator.Runtime;
using WeatherFlick.Simulator.Stats;

namespace WeatherFlick.Simulator.Gateway;

/// <summary>
/// The data.go.kr gateway in front of both services, in the order it acts: service lookup (12), key (30), rate
/// (429), daily quota (22, charging the call), latency, injected faults, then the service's own answer.
/// A call is "charged" once it passes the quota check: parameter errors and injected faults are charged, rejections
/// by key, rate or quota are not.
/// </summary>
internal sealed class GatewayPipeline(
    ServiceKeys keys,
    QuotaLedger ledger,
    KeyRateLimiter limiter,
    RuntimeSettings runtime,
    FaultPlanner faults,
    SimulatorStats stats,
    SimulatorClock clock,
    TimeProvider realTime,
    IOptions<SimulatorOptions> options,
    ILogger<GatewayPipeline> logger)
{
    private readonly GatewayOptions _gateway = options.Value.Gateway;

    public async Task HandleAsync(HttpContext context, ISimulatedService service, string serviceName, string operation, CancellationToken ct)
    {
        using var inFlight = stats.Enter();

        if (!service.Serves(serviceName, operation))
        {
            GatewayLog.UnknownOperation(logger, serviceName, operation);
            await WriteGatewayErrorAsync(context, GatewayError.NoOpenApiService, StatusCodes.Status200OK, ct);
            return;
        }

        var query = QueryParameters.Parse(context.Request.QueryString.Value);
        var presented = ServiceKeys.Presented(query);
        if (!keys.TryIdentify(presented, out var fingerprint))
        {
            stats.RejectedForKey();
            GatewayLog.KeyRejected(logger, presented is null ? "(none)" : KeyFingerprint.Of(presented), operation);
            await WriteGatewayErrorAsync(context, GatewayError.KeyNotRegistered, _gateway.KeyRejectedStatus, ct);
            return;
        }

        var config = runtime.Current;
        if (!limiter.TryAcquire(fingerprint, config.RatePerSecond, config.RateBurst))
        {
            stats.RejectedForRate();
            GatewayLog.RateLimited(logger, fingerprint, operation);
            await WriteAsync(context, StatusCodes.Status429TooManyRequests, "text/plain;charset=UTF-8", "Too Many Requests"u8.ToArray(), ct);
            return;
        }

        var now = clock.GetUtcNow();
        var day = Kst.Day(now);
        var limit = config.QuotaFor(fingerprint, service.Provider);
        if (!ledger.TryCharge(fingerprint, operation, day, limit, out var number))
        {
            stats.RejectedForQuota();
            GatewayLog.QuotaExhausted(logger, fingerprint, limit, operation, day);
            await WriteGatewayErrorAsync(context, GatewayError.QuotaExceeded, _gateway.QuotaExceededStatus, ct);
            return;
        }

        stats.Charged(service.Provider.ToString(), operation);
        var call = new CallIdentity(fingerprint, operation, day, number);
        var latency = faults.Latency(config, call);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, realTime, ct);
        }

        var fault = faults.Draw(config, call);
        if (fault is { } drawn)
        {
            stats.FaultInjected(drawn.ToString());
            GatewayLog.FaultInjected(logger, drawn.ToString(), number, fingerprint, operation);
            if (await TryAnswerWithFaultAsync(context, drawn, config, service, query, ct))
            {
                return;
            }
        }

        using var answer = service.Answer(operation, query, now);
        if (answer.Kind == AnswerKind.InvalidRequest)
        {
            stats.RejectedForParameters();
        }
        var body = answer.Body.WrittenMemory;
        if (fault == FaultKind.Truncated)
        {
            body = body[..faults.TruncationPoint(call, body.Length)];
        }
        await WriteAsync(context, StatusCodes.Status200OK, answer.ContentType, body, ct);
    }

    /// <summary>Answers in place of the service, or returns false when the fault only alters the service's answer.</summary>
    private async Task<bool> TryAnswerWithFaultAsync(
        HttpContext context, FaultKind fault, RuntimeConfig config, ISimulatedService service, QueryParameters query, CancellationToken ct)
    {
        switch (fault)
        {
            case FaultKind.Http500 or FaultKind.Http502 or FaultKind.Http503:
                var status = fault switch { FaultKind.Http502 => 502, FaultKind.Http503 => 503, _ => 500 };
                await WriteAsync(context, status, "text/html;charset=UTF-8", System.Text.Encoding.UTF8.GetBytes(ErrorPages.For(status)), ct);
                return true;
            case FaultKind.Hang:
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(config.HangSeconds), realTime, ct);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up first, which is what a hang is for.
                }
                context.Abort();
                return true;
            case FaultKind.Slow:
                await Task.Delay(TimeSpan.FromMilliseconds(config.SlowMs), realTime, ct);
                return false;
            case FaultKind.GatewayApplicationError:
                await WriteGatewayErrorAsync(context, GatewayError.ApplicationError, StatusCodes.Status200OK, ct);
                return true;
            case FaultKind.GatewayHttpError:
                await WriteGatewayErrorAsync(context, GatewayError.HttpError, StatusCodes.Status200OK, ct);
                return true;
            case FaultKind.GatewayUnknownError:
                await WriteGatewayErrorAsync(context, GatewayError.UnknownError, StatusCodes.Status200OK, ct);
                return true;
            case FaultKind.WrappedNoData:
                using (var answer = service.WrappedNoData(query))
                {
                    await WriteAsync(context, StatusCodes.Status200OK, answer.ContentType, answer.Body.WrittenMemory, ct);
                }
                return true;
            default:
                return false;
        }
    }

    private Task WriteGatewayErrorAsync(HttpContext context, GatewayError error, int status, CancellationToken ct) =>
        WriteAsync(context, status, GatewayError.ContentType, System.Text.Encoding.UTF8.GetBytes(error.Render(_gateway.ErrorVariant)), ct);

    private static async Task WriteAsync(HttpContext context, int status, string contentType, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, ct);
    }
}
