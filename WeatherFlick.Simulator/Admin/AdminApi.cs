using System.Globalization;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using WeatherFlick.Simulator.Clock;
using WeatherFlick.Simulator.Faults;
using WeatherFlick.Simulator.Gateway;
using WeatherFlick.Simulator.Geography;
using WeatherFlick.Simulator.Kto;
using WeatherFlick.Simulator.Kto.Dataset;
using WeatherFlick.Simulator.Responses;
using WeatherFlick.Simulator.Runtime;
using WeatherFlick.Simulator.Stats;

namespace WeatherFlick.Simulator.Admin;

/// <summary>The simulator's own API under <c>/_sim/</c>: stats, clock, runtime configuration, reset and dataset truth.</summary>
internal static partial class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/_sim").WithTags("Simulator");
        group.MapGet("/stats", GetStats).WithName("SimStats").WithSummary("Calls per key, operation and KST day; rejections; faults; peak concurrency");
        group.MapGet("/clock", GetClock).WithName("SimClock").WithSummary("The simulator's now, in KST");
        group.MapPost("/clock", ChangeClock).WithName("SimClockChange").WithSummary("Set or advance the clock");
        group.MapPut("/clock", ChangeClock).WithName("SimClockSet").WithSummary("Set or advance the clock");
        group.MapGet("/config", GetConfig).WithName("SimConfig").WithSummary("Runtime faults, latency, quotas and rate limits");
        group.MapPut("/config", PutConfig).WithName("SimConfigChange").WithSummary("Change runtime faults, latency, quotas and rate limits");
        group.MapPost("/reset", Reset).WithName("SimReset").WithSummary("Counters, clock and runtime configuration back to start");
        group.MapGet("/dataset/summary", GetSummary).WithName("SimDatasetSummary").WithSummary("Destinations per area and content type now");
        group.MapGet("/dataset/items", GetItems).WithName("SimDatasetItems").WithSummary("Every destination's contentid and modifiedtime now");
        group.MapGet("/grid", GetGrid).WithName("SimGrid").WithSummary("KMA grid cell of a point, and whether it is land");
        return app;
    }

    private static StatsResponse GetStats(QuotaLedger ledger, SimulatorStats stats)
    {
        var (quota, rate, key, parameters, faults, peak) = stats.Read();
        var calls = ledger.Snapshot().Select(entry => new CallCount(entry.Fingerprint, entry.Operation, entry.Day, entry.Count)).ToList();
        return new StatsResponse(calls, new RejectionCounts(quota, rate, key, parameters), faults, peak);
    }

    private static ClockResponse GetClock(SimulatorClock clock) => Describe(clock);

    private static Results<Ok<ClockResponse>, ValidationProblem> ChangeClock(ClockChange change, SimulatorClock clock, ILoggerFactory loggers)
    {
        if (change.Now is not null && change.Advance is not null)
        {
            return Problem("now", "Give either now or advance, not both.");
        }
        if (change.Now is not null)
        {
            if (!KstTime.TryParse(change.Now, out var now))
            {
                return Problem("now", "Expected an ISO 8601 date and time, e.g. 2025-07-01T23:59:00+09:00.");
            }
            clock.Set(now, change.Frozen);
        }
        else if (change.Advance is not null)
        {
            if (!TryDuration(change.Advance, out var by))
            {
                return Problem("advance", "Expected a duration such as 01:30:00, 1.00:00:00 or PT90M.");
            }
            clock.Advance(by, change.Frozen);
        }
        else if (change.Frozen is { } frozen)
        {
            clock.Advance(TimeSpan.Zero, frozen);
        }
        ClockChanged(loggers.CreateLogger(typeof(AdminApi)), clock.NowKst, clock.IsFrozen);
        return TypedResults.Ok(Describe(clock));
    }

    private static ConfigDocument GetConfig(RuntimeSettings runtime)
    {
        var config = runtime.Current;
        return new ConfigDocument(
            config.LatencyMs, config.LatencyJitterMs, config.FaultRate,
            config.FaultWeights.OrderBy(pair => pair.Key).ToDictionary(pair => FaultKinds.NameOf(pair.Key), pair => pair.Value),
            config.SlowMs, config.HangSeconds,
            new QuotaDocument(config.DailyQuota.Kto, config.DailyQuota.Kma),
            config.KeyQuotas.ToDictionary(pair => pair.Key, pair => (QuotaDocument?)new QuotaDocument(pair.Value.Kto, pair.Value.Kma)),
            config.RatePerSecond, config.RateBurst);
    }

    private static Results<Ok<ConfigDocument>, ValidationProblem> PutConfig(ConfigDocument change, RuntimeSettings runtime, ILoggerFactory loggers)
    {
        var current = runtime.Current;
        var errors = new Dictionary<string, string[]>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors[field] = [message];
            }
        }
        Check(change.LatencyMs is null or >= 0 and <= 600_000, "latencyMs", "0 to 600000.");
        Check(change.LatencyJitterMs is null or >= 0 and <= 600_000, "latencyJitterMs", "0 to 600000.");
        Check(change.FaultRate is null or >= 0 and <= 1, "faultRate", "0 to 1.");
        Check(change.SlowMs is null or >= 0 and <= 600_000, "slowMs", "0 to 600000.");
        Check(change.HangSeconds is null or >= 1 and <= 3_600, "hangSeconds", "1 to 3600.");
        Check(change.RatePerSecond is null or >= 0 and <= 100_000, "ratePerSecond", "0 (off) to 100000.");
        Check(change.RateBurst is null or >= 1 and <= 100_000, "rateBurst", "1 to 100000.");
        Check(change.DailyQuota is null || change.DailyQuota.Kto is null or >= 0 && change.DailyQuota.Kma is null or >= 0, "dailyQuota", "Quotas cannot be negative.");

        var weights = current.FaultWeights.ToDictionary();
        foreach (var (name, weight) in change.FaultWeights ?? [])
        {
            Check(FaultKinds.TryParse(name, out var kind), $"faultWeights.{name}", $"Unknown fault; known: {string.Join(", ", Enum.GetValues<FaultKind>().Select(FaultKinds.NameOf))}.");
            Check(weight is >= 0 and <= 1_000, $"faultWeights.{name}", "0 to 1000.");
            if (FaultKinds.TryParse(name, out kind))
            {
                weights[kind] = weight;
            }
        }
        var keyQuotas = current.KeyQuotas.ToDictionary(StringComparer.Ordinal);
        foreach (var (fingerprint, quota) in change.KeyQuotas ?? [])
        {
            Check(IsFingerprint(fingerprint), $"keyQuotas.{fingerprint}", "Keys are named by fingerprint: 8 lowercase hex characters.");
            if (quota is null)
            {
                keyQuotas.Remove(fingerprint);
                continue;
            }
            Check(quota.Kto is null or >= 0 && quota.Kma is null or >= 0, $"keyQuotas.{fingerprint}", "Quotas cannot be negative.");
            var previous = keyQuotas.GetValueOrDefault(fingerprint, current.DailyQuota);
            keyQuotas[fingerprint] = new QuotaLimits(quota.Kto ?? previous.Kto, quota.Kma ?? previous.Kma);
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        runtime.Replace(current with
        {
            LatencyMs = change.LatencyMs ?? current.LatencyMs,
            LatencyJitterMs = change.LatencyJitterMs ?? current.LatencyJitterMs,
            FaultRate = change.FaultRate ?? current.FaultRate,
            FaultWeights = weights,
            SlowMs = change.SlowMs ?? current.SlowMs,
            HangSeconds = change.HangSeconds ?? current.HangSeconds,
            DailyQuota = new QuotaLimits(change.DailyQuota?.Kto ?? current.DailyQuota.Kto, change.DailyQuota?.Kma ?? current.DailyQuota.Kma),
            KeyQuotas = keyQuotas,
            RatePerSecond = change.RatePerSecond ?? current.RatePerSecond,
            RateBurst = change.RateBurst ?? current.RateBurst,
        });
        ConfigChanged(loggers.CreateLogger(typeof(AdminApi)));
        return TypedResults.Ok(GetConfig(runtime));
    }

    private static NoContent Reset(QuotaLedger ledger, KeyRateLimiter limiter, SimulatorStats stats, SimulatorClock clock, RuntimeSettings runtime)
    {
        ledger.Clear();
        limiter.Clear();
        stats.Reset();
        runtime.Reset();
        clock.Reset();
        return TypedResults.NoContent();
    }

    private static DatasetSummary GetSummary(TourCatalog catalog, SimulatorClock clock)
    {
        var now = clock.GetUtcNow();
        var snapshot = catalog.At(now);
        var listed = new int[Areas.All.Count, ContentTypes.All.Count];
        int deleted = 0, modified = 0;
        for (var i = 0; i < snapshot.Count; i++)
        {
            if (snapshot.Revisions[i] > 0)
            {
                modified++;
            }
            if (snapshot.IsDeleted(i))
            {
                deleted++;
                continue;
            }
            listed[snapshot.Items[i].AreaIndex, snapshot.Items[i].TypeIndex]++;
        }
        var areas = Areas.All.Select((area, a) => new AreaSummary(
            area.Code,
            area.Name,
            Enumerable.Range(0, ContentTypes.All.Count).Sum(t => listed[a, t]),
            ContentTypes.All.Select((type, t) => (type, t)).ToDictionary(pair => pair.type.Id.ToString(CultureInfo.InvariantCulture), pair => listed[a, pair.t]))).ToList();
        return new DatasetSummary(catalog.Seed, catalog.Size, catalog.Epoch.ToOffset(Kst.Offset), now.ToOffset(Kst.Offset),
            snapshot.Count - deleted, deleted, snapshot.Count - catalog.Size, modified, areas);
    }

    /// <summary>
    /// Every destination as a JSON array of <c>{contentid, contenttypeid, areacode, sigungucode, modifiedtime, showflag}</c>,
    /// streamed: the truth a collector's database is compared with.
    /// </summary>
    private static async Task GetItems(
        HttpContext context, TourCatalog catalog, SimulatorClock clock,
        int? areaCode, int? contentTypeId, bool? includeDeleted, string? modifiedSince, CancellationToken ct)
    {
        var snapshot = catalog.At(clock.GetUtcNow());
        long since = 0;
        if (modifiedSince is not null)
        {
            if (!DateTime.TryParseExact(modifiedSince, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var sinceKst))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("modifiedSince must be yyyyMMddHHmmss (KST).", ct);
                return;
            }
            since = Kst.At(sinceKst).ToUnixTimeSeconds();
        }
        context.Response.ContentType = "application/json;charset=UTF-8";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter, JsonEnvelopeWriter.Options);
        json.WriteStartArray();
        for (var i = 0; i < snapshot.Count; i++)
        {
            ref readonly var item = ref snapshot.Items[i];
            var deleted = snapshot.IsDeleted(i);
            if (deleted && includeDeleted != true || areaCode is { } area && item.Area.Code != area
                || contentTypeId is { } type && item.Type.Id != type || item.ModifiedUnix < since)
            {
                continue;
            }
            json.WriteStartObject();
            json.WriteString("contentid", item.ContentId.ToString(CultureInfo.InvariantCulture));
            json.WriteString("contenttypeid", item.Type.Id.ToString(CultureInfo.InvariantCulture));
            json.WriteString("areacode", item.Area.Code.ToString(CultureInfo.InvariantCulture));
            json.WriteString("sigungucode", item.District.Code.ToString(CultureInfo.InvariantCulture));
            json.WriteString("modifiedtime", KtoItemWriter.Time(item.ModifiedUnix));
            json.WriteString("showflag", deleted ? "0" : "1");
            json.WriteEndObject();
            if (json.BytesPending > 32 * 1024)
            {
                await json.FlushAsync(ct);
            }
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
    }

    private static Results<Ok<GridCell>, ValidationProblem> GetGrid(double lat, double lon)
    {
        var (nx, ny) = KmaGrid.ToGrid(lat, lon);
        return KmaGrid.Contains(nx, ny)
            ? TypedResults.Ok(new GridCell(nx, ny, LandMask.IsLand(nx, ny)))
            : Problem("lat", "The point is outside KMA's grid.");
    }

    private static ClockResponse Describe(SimulatorClock clock)
    {
        var now = clock.GetUtcNow();
        return new ClockResponse(now.ToOffset(Kst.Offset), now, clock.IsFrozen, clock.Start.ToOffset(Kst.Offset));
    }

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static bool IsFingerprint(string text) => text.Length == 8 && text.All(ch => ch is >= '0' and <= '9' or >= 'a' and <= 'f');

    private static bool TryDuration(string text, out TimeSpan duration)
    {
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration))
        {
            return true;
        }
        try
        {
            duration = XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Clock is now {Now} (frozen: {Frozen})")]
    private static partial void ClockChanged(ILogger logger, DateTimeOffset now, bool frozen);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Runtime configuration changed")]
    private static partial void ConfigChanged(ILogger logger);
}
