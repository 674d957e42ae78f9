using System.ComponentModel.DataAnnotations;

namespace WeatherFlick.Simulator.Faults;

/// <summary>Relative weights of each injected fault kind; a weight of 0 never draws that kind.</summary>
public sealed class FaultWeights
{
    /// <summary>HTTP 500 with an HTML error page.</summary>
    [Range(0, 1_000)] public int Http500 { get; set; } = 1;

    /// <summary>HTTP 502 with an HTML error page (a proxy in front of the service).</summary>
    [Range(0, 1_000)] public int Http502 { get; set; } = 1;

    /// <summary>HTTP 503 with an HTML error page.</summary>
    [Range(0, 1_000)] public int Http503 { get; set; } = 1;

    /// <summary>No answer: the request is held, then the connection is dropped (a client timeout).</summary>
    [Range(0, 1_000)] public int Hang { get; set; } = 1;

    /// <summary>A normal answer after an extra delay of <c>SlowMs</c>.</summary>
    [Range(0, 1_000)] public int Slow { get; set; } = 1;

    /// <summary>A normal answer cut short (unparseable JSON or XML) with a matching Content-Length.</summary>
    [Range(0, 1_000)] public int Truncated { get; set; } = 1;

    /// <summary>Gateway XML with code 1 APPLICATION_ERROR.</summary>
    [Range(0, 1_000)] public int GatewayApplicationError { get; set; } = 1;

    /// <summary>Gateway XML with code 4 HTTP_ERROR ("HTTP ROUTING ERROR").</summary>
    [Range(0, 1_000)] public int GatewayHttpError { get; set; } = 1;

    /// <summary>Gateway XML with code 99 UNKNOWN_ERROR.</summary>
    [Range(0, 1_000)] public int GatewayUnknownError { get; set; } = 1;

    /// <summary>The service's wrapped header-only error 03 (KTO NODATA_ERROR, KMA NO_DATA).</summary>
    [Range(0, 1_000)] public int WrappedNoData { get; set; } = 1;
}
