namespace WeatherFlick.AppHost.Hosting.Orchestration;

internal static class ResourceGraph
{
    /// <summary>Dependents before what they depend on (reverse topological order), so nothing loses a dependency while running.</summary>
    public static IReadOnlyList<ResourceController> StopOrder(IEnumerable<ResourceController> controllers)
    {
        var all = controllers.ToList();
        var byResource = all.ToDictionary(c => c.Resource);
        var started = new List<ResourceController>();
        var visited = new HashSet<ResourceController>();
        void Visit(ResourceController controller)
        {
            if (!visited.Add(controller))
            {
                return;
            }
            foreach (var dependency in controller.Dependencies.Where(byResource.ContainsKey))
            {
                Visit(byResource[dependency]);
            }
            started.Add(controller);
        }
        all.ForEach(Visit);
        started.Reverse();
        return started;
    }
}
