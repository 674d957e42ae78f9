namespace WeatherFlick.AppHost.Hosting;

public enum DistributedApplicationOperation
{
    /// <summary>Start every resource on this machine.</summary>
    Run,

    /// <summary>Write the manifest a deployment tool (azd) reads; start nothing.</summary>
    Publish,
}
