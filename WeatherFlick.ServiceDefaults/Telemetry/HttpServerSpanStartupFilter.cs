using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace WeatherFlick.ServiceDefaults.Telemetry;

/// <summary>Puts <see cref="HttpServerSpanMiddleware"/> first in every pipeline, so no app has to remember it.</summary>
internal sealed class HttpServerSpanStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<HttpServerSpanMiddleware>();
        next(app);
    };
}
