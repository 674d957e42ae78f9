namespace WeatherFlick.Simulator.Faults;

internal static class FaultKinds
{
    public static IReadOnlyDictionary<FaultKind, int> WeightsOf(FaultWeights weights) => new Dictionary<FaultKind, int>
    {
        [FaultKind.Http500] = weights.Http500,
        [FaultKind.Http502] = weights.Http502,
        [FaultKind.Http503] = weights.Http503,
        [FaultKind.Hang] = weights.Hang,
        [FaultKind.Slow] = weights.Slow,
        [FaultKind.Truncated] = weights.Truncated,
        [FaultKind.GatewayApplicationError] = weights.GatewayApplicationError,
        [FaultKind.GatewayHttpError] = weights.GatewayHttpError,
        [FaultKind.GatewayUnknownError] = weights.GatewayUnknownError,
        [FaultKind.WrappedNoData] = weights.WrappedNoData,
    };

    /// <summary>The camel-case name used in <c>/_sim/config</c> (e.g. <c>gatewayHttpError</c>).</summary>
    public static string NameOf(FaultKind kind)
    {
        var name = kind.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParse(string name, out FaultKind kind) => Enum.TryParse(name, ignoreCase: true, out kind) && Enum.IsDefined(kind);
}
