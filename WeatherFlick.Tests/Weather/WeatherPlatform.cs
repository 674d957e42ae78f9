using System.Globalization;
using System.Text.Json;
using Npgsql;
using WeatherFlick.Data.Weather;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Kma;
using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Tests.Infrastructure;
using WeatherFlick.Tests.Simulator;

namespace WeatherFlick.Tests.Weather;

/// <summary>
/// The simulator and the real job server with their clocks set to the same KST instant and running together (the
/// simulator's from its start time, the job server's a <see cref="RunningClock"/>), optionally with the simulator's
/// catalog already collected by <c>tourism-full</c>, so the weather jobs have destinations and grid cells.
/// </summary>
internal sealed class WeatherPlatform : IAsyncDisposable
{
    private WeatherPlatform(SimulatorServer sim, JobServer jobs, RunningClock clock)
    {
        Sim = sim;
        Jobs = jobs;
        Clock = clock;
        Db = NpgsqlDataSource.Create(jobs.Database);
        Api = new SimApi(sim);
    }

    public SimulatorServer Sim { get; }

    public JobServer Jobs { get; }

    public RunningClock Clock { get; }

    public NpgsqlDataSource Db { get; }

    public SimApi Api { get; }

    public static async Task<WeatherPlatform> StartAsync(PostgresServerFixture postgres, RedisServerFixture redis, DateTimeOffset now,
        Action<SimulatorOptions>? simulator = null, IReadOnlyDictionary<string, string>? settings = null, bool collectCatalog = true)
    {
        var sim = await SimulatorServer.StartAsync(o =>
        {
            o.Size = 1000;
            o.RatePerSecond = 0;
            o.StartTime = now;
            o.FreezeClock = false;
            simulator?.Invoke(o);
        });
        var clock = new RunningClock(now);
        var all = new Dictionary<string, string>
        {
            ["Logging:LogLevel:Npgsql"] = "Warning",
            ["Collection:Tourism:PageSize"] = "1000",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            all[name] = value;
        }
        var jobs = await JobServer.StartAsync(sim, await postgres.CreateDatabaseAsync("weather"), redis.ConnectionString, all, clock);
        var platform = new WeatherPlatform(sim, jobs, clock);
        // Both clocks have run since they were created: start them together.
        platform.SetTime(now);
        if (collectCatalog)
        {
            var catalog = await jobs.RunAsync("tourism-full");
            catalog.Status.ShouldBe(JobResult.Succeeded, $"the catalog must be collected before weather: {catalog.Error}");
        }
        return platform;
    }

    /// <summary>Moves both clocks to <paramref name="now"/>.</summary>
    public void SetTime(DateTimeOffset now)
    {
        Clock.Set(now);
        Sim.Clock.Set(now, frozen: false);
    }

    public async Task<JobResult> RunAsync(string job, JobContext? context = null, CancellationToken cancellationToken = default)
    {
        var target = Jobs.Jobs.Find(job) ?? throw new InvalidOperationException($"No job {job}.");
        return await target.RunAsync(context ?? JobContext.Silent("test"), cancellationToken);
    }

    /// <summary>The grid cells of live destinations, as the database holds them.</summary>
    public async Task<HashSet<GridCell>> LiveCellsAsync() => [.. await WeatherTables.LiveGridCellsAsync(Db, CancellationToken.None)];

    /// <summary>Runs a query whose first two columns are grid_nx and grid_ny.</summary>
    public async Task<HashSet<GridCell>> CellsAsync(string sql, params object[] parameters)
    {
        await using var command = Db.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        var cells = new HashSet<GridCell>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            cells.Add(new GridCell(reader.GetInt32(0), reader.GetInt32(1)));
        }
        return cells;
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = Db.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = Db.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The simulator's whole answer for one cell and issue in a single page, asked directly with a plain client:
    /// the truth the stored rows are compared with.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> UpstreamItemsAsync(string operation, DateTimeOffset issue, GridCell cell)
    {
        var (baseDate, baseTime) = KmaIssueTimes.ToParameters(issue);
        var response = await Api.KmaAsync(operation, string.Create(CultureInfo.InvariantCulture,
            $"numOfRows=5000&pageNo=1&dataType=JSON&base_date={baseDate}&base_time={baseTime}&nx={cell.Nx}&ny={cell.Ny}"));
        response.ResultCode.ShouldBe("00", $"the simulator must serve {operation} {baseDate} {baseTime} for {cell}: {response.Body}");
        return [.. response.Items.Select(item => (IReadOnlyDictionary<string, string?>)item.EnumerateObject().ToDictionary(
            p => p.Name, p => p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetRawText() : p.Value.GetString()))];
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Db.DisposeAsync();
        await Jobs.DisposeAsync();
        await Sim.DisposeAsync();
    }
}
