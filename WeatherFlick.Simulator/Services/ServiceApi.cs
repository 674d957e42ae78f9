using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WeatherFlick.Simulator.Gateway;
using WeatherFlick.Simulator.Kma;
using WeatherFlick.Simulator.Kto;

namespace WeatherFlick.Simulator.Services;

/// <summary>The two public-data services under the same paths as on apis.data.go.kr, each behind the gateway.</summary>
internal static class ServiceApi
{
    public static IEndpointRouteBuilder MapServiceApis(this IEndpointRouteBuilder app)
    {
        app.MapGet("/B551011/{service}/{operation}", (HttpContext context, string service, string operation, GatewayPipeline gateway, KtoService kto, CancellationToken ct) =>
                gateway.HandleAsync(context, kto, service, operation, ct))
            .WithName("KtoTourApi")
            .WithSummary("KTO TourAPI 4.0 (KorService2) operations")
            .WithTags("KTO");

        app.MapGet("/1360000/{service}/{operation}", (HttpContext context, string service, string operation, GatewayPipeline gateway, KmaService kma, CancellationToken ct) =>
                gateway.HandleAsync(context, kma, service, operation, ct))
            .WithName("KmaForecastApi")
            .WithSummary("KMA VilageFcstInfoService_2.0 operations")
            .WithTags("KMA");

        return app;
    }
}
