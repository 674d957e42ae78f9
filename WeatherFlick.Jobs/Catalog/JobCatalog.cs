namespace WeatherFlick.Jobs.Catalog;

/// <summary>Every job this server knows, by name.</summary>
public sealed class JobCatalog(IEnumerable<IJob> jobs)
{
    private readonly Dictionary<string, IJob> _jobs = jobs.ToDictionary(j => j.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<IJob> All => _jobs.Values;

    public IJob? Find(string name) => _jobs.GetValueOrDefault(name);
}
