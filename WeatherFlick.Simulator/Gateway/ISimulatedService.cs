namespace WeatherFlick.Simulator.Gateway;

/// <summary>A service behind the gateway (KTO KorService2, KMA VilageFcstInfoService_2.0).</summary>
internal interface ISimulatedService
{
    Provider Provider { get; }

    /// <summary>False for an unknown or retired service or operation: the gateway answers code 12.</summary>
    bool Serves(string service, string operation);

    /// <summary>The answer for an accepted call; <paramref name="now"/> is the simulator clock at admission.</summary>
    ServiceAnswer Answer(string operation, QueryParameters query, DateTimeOffset now);

    /// <summary>The service's wrapped "no data" error in the format the caller asked for (an injectable fault).</summary>
    ServiceAnswer WrappedNoData(QueryParameters query);
}
