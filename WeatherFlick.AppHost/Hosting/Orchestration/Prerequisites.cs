using WeatherFlick.AppHost.Hosting.ApplicationModel;
using WeatherFlick.AppHost.Hosting.Local;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

internal static class Prerequisites
{
    /// <summary>Finds every program the model needs before anything starts; the first missing one throws with its install command.</summary>
    public static void Check(DistributedApplicationModel model)
    {
        if (model.Resources.OfType<PostgresServerResource>().Any())
        {
            LocalPostgresServer.FindBinaries();
        }
        if (model.Resources.OfType<RedisResource>().Any())
        {
            LocalRedisServer.FindServer();
        }
        if (model.Resources.OfType<ProjectResource>().Any())
        {
            DotNetHost.Find();
        }
    }
}
