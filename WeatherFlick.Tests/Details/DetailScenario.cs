using Npgsql;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Tests.Infrastructure;
using WeatherFlick.Tests.Simulator;

namespace WeatherFlick.Tests.Details;

/// <summary>
/// What the detail tests share: a small frozen simulator, a database the real tourism-full has filled from it, a job
/// server for the details job, and plain readers of the simulator's stats and of the database.
/// </summary>
public sealed class DetailScenario(PostgresServerFixture postgres, RedisServerFixture redis)
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(9));

    public static readonly string[] DetailOperations = ["detailCommon2", "detailIntro2", "detailImage2"];

    public static Task<SimulatorServer> StartSimulatorAsync(Action<SimulatorOptions>? configure = null) => SimulatorServer.StartAsync(o =>
    {
        o.Size = 1000;
        o.RatePerSecond = 0;
        o.StartTime = Start;
        o.FreezeClock = true;
        configure?.Invoke(o);
    });

    /// <summary>Runs tourism-full into <paramref name="database"/> (a new one when null) with default settings and returns it.</summary>
    public async Task<string> CatalogAsync(SimulatorServer sim, string? database = null)
    {
        database ??= await postgres.CreateDatabaseAsync("details");
        await using var jobs = await JobServer.StartAsync(sim, database, redis.ConnectionString);
        var full = await jobs.RunAsync("tourism-full");
        full.Status.ShouldBe(JobResult.Succeeded, $"the catalog sync every detail test starts from failed: {full.Error}");
        return database;
    }

    /// <summary>
    /// A job server for the details job. Keys are paced fast: a frozen <paramref name="time"/> does not move between
    /// calls, so each paced call would otherwise wait one more interval than the one before.
    /// </summary>
    public Task<JobServer> DetailJobsAsync(SimulatorServer sim, string database, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? time = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Providers:Kto:RatePerSecond"] = "10000",
            ["Collection:Details:Parallelism"] = "8",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            all[name] = value;
        }
        return JobServer.StartAsync(sim, database, redis.ConnectionString, all, time);
    }

    /// <summary>Detail calls the simulator accepted, per key (fingerprint), operation and KST day (yyyy-MM-dd).</summary>
    public static async Task<IReadOnlyList<(string Key, string Operation, string Day, int Count)>> DetailCallsAsync(SimApi api)
    {
        var stats = await api.AdminGetAsync("stats");
        return [.. stats.GetProperty("calls").EnumerateArray()
            .Select(c => (c.GetProperty("key").GetString()!, c.GetProperty("operation").GetString()!, c.GetProperty("day").GetString()!, c.GetProperty("count").GetInt32()))
            .Where(c => DetailOperations.Contains(c.Item2))];
    }

    public static async Task<long> QuotaRejectionsAsync(SimApi api) =>
        (await api.AdminGetAsync("stats")).GetProperty("rejections").GetProperty("quota").GetInt64();

    public static async Task<long> ScalarAsync(string database, string sql, params object[] parameters)
    {
        await using var db = NpgsqlDataSource.Create(database);
        await using var command = db.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The rows of <paramref name="sql"/>, each as its columns' values.</summary>
    public static async Task<List<object?[]>> RowsAsync(string database, string sql, params object[] parameters)
    {
        await using var db = NpgsqlDataSource.Create(database);
        await using var command = db.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Content ids that have details.</summary>
    public static async Task<HashSet<string>> DetailedAsync(string database) =>
        [.. (await RowsAsync(database, "SELECT content_id FROM destination_details")).Select(r => (string)r[0]!)];

    /// <summary>Live destinations with what the priority order reads: area, content type and modified time.</summary>
    public static async Task<List<(string ContentId, int Area, int Type, DateTime Modified)>> LiveAsync(string database) =>
        [.. (await RowsAsync(database, "SELECT content_id, area_code, content_type_id, modified_time FROM destinations WHERE removed_at IS NULL"))
            .Select(r => ((string)r[0]!, (int)r[1]!, (int)r[2]!, (DateTime)r[3]!))];
}
