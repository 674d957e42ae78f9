using System.Text.Json;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Tests.Infrastructure;
using WeatherFlick.Tests.Simulator;
using static WeatherFlick.Tests.Details.DetailScenario;

namespace WeatherFlick.Tests.Details;

/// <summary>What the details job stores and when it asks again: the real job server against the simulator, after tourism-full.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DetailEnrichmentTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    private readonly DetailScenario _scenario = new(postgres, redis);

    [Fact]
    public async Task Every_live_destination_gets_its_details_and_a_second_run_spends_no_quota()
    {
        await using var sim = await StartSimulatorAsync();
        using var api = new SimApi(sim);
        var database = await _scenario.CatalogAsync(sim);
        await using var jobs = await _scenario.DetailJobsAsync(sim, database);
        var live = await ScalarAsync(database, "SELECT count(*) FROM destinations WHERE removed_at IS NULL");

        var first = await jobs.RunAsync("details");

        first.Status.ShouldBe(JobResult.Succeeded, first.Error);
        first.Counts["done"].ShouldBe(live, "the default quota covers the whole small catalog");
        first.Counts["remaining"].ShouldBe(0, "nothing may be left when the quota allowed everything");
        (await ScalarAsync(database, """
            SELECT count(*) FROM destinations d JOIN destination_details x USING (content_id)
            WHERE d.removed_at IS NULL AND x.source_modified_time = d.modified_time AND cardinality(x.raw_response_ids) = 3 AND x.intro IS NOT NULL
            """)).ShouldBe(live, "every live destination has details from three archived answers, at its current modified_time");
        var calls = (await DetailCallsAsync(api)).Sum(c => c.Count);

        var second = await jobs.RunAsync("details");

        second.Status.ShouldBe(JobResult.Succeeded, second.Error);
        second.Counts["calls"].ShouldBe(0, "nothing is missing or stale, so nothing may be asked");
        (await DetailCallsAsync(api)).Sum(c => c.Count).ShouldBe(calls, "the simulator must see no detail call from a run with nothing to do");
    }

    [Fact]
    public async Task Destinations_whose_modifiedtime_moved_are_fetched_again_and_no_others()
    {
        await using var sim = await StartSimulatorAsync(o => o.Evolution.ModifiedPerDay = 0.01);
        using var api = new SimApi(sim);
        var database = await _scenario.CatalogAsync(sim);
        await using (var jobs = await _scenario.DetailJobsAsync(sim, database))
        {
            (await jobs.RunAsync("details")).Status.ShouldBe(JobResult.Succeeded, "the first enrichment must complete");
        }
        var before = (await LiveAsync(database)).ToDictionary(d => d.ContentId, d => d.Modified);
        await api.AdvanceClockAsync(TimeSpan.FromDays(2));
        await _scenario.CatalogAsync(sim, database);
        var after = (await LiveAsync(database)).ToDictionary(d => d.ContentId, d => d.Modified);
        var edited = after.Where(a => before.TryGetValue(a.Key, out var was) && was != a.Value).Select(a => a.Key).ToList();
        var added = after.Keys.Except(before.Keys).ToList();
        edited.Count.ShouldBeGreaterThan(0, "two simulated days at 1 % a day must edit some destinations");
        var calls = (await DetailCallsAsync(api)).Sum(c => c.Count);

        await using var again = await _scenario.DetailJobsAsync(sim, database);
        var result = await again.RunAsync("details");

        result.Status.ShouldBe(JobResult.Succeeded, result.Error);
        result.Counts["updated"].ShouldBe(edited.Count, $"exactly the edited destinations are refetched ({string.Join(",", edited.Take(5))} …)");
        result.Counts["inserted"].ShouldBe(added.Count, "destinations new to the catalog get their first details");
        ((await DetailCallsAsync(api)).Sum(c => c.Count) - calls).ShouldBe(3 * (edited.Count + added.Count),
            "one call of each operation per edited or new destination, none for the others");
        (await ScalarAsync(database, """
            SELECT count(*) FROM destinations d JOIN destination_details x USING (content_id)
            WHERE d.removed_at IS NULL AND x.source_modified_time IS DISTINCT FROM d.modified_time
            """)).ShouldBe(0, "no live destination may keep details older than its modified_time");
    }

    [Fact]
    public async Task Intro_fields_are_typed_from_each_content_types_own_names_and_the_answers_are_kept_whole()
    {
        await using var sim = await StartSimulatorAsync();
        using var api = new SimApi(sim);
        var database = await _scenario.CatalogAsync(sim);
        // One destination with photos per content type keeps the run to a handful of calls.
        await ScalarAsync(database, """
            WITH keep AS (SELECT DISTINCT ON (content_type_id) content_id FROM destinations
                          WHERE removed_at IS NULL AND first_image IS NOT NULL ORDER BY content_type_id, content_id)
            DELETE FROM destinations WHERE content_id NOT IN (SELECT content_id FROM keep)
            """);
        await using var jobs = await _scenario.DetailJobsAsync(sim, database);

        var result = await jobs.RunAsync("details");

        result.Status.ShouldBe(JobResult.Succeeded, result.Error);
        var stored = await RowsAsync(database, """
            SELECT d.content_id, d.content_type_id, x.overview, x.homepage, x.tel_name, x.intro::text, x.use_time, x.rest_date, x.parking, x.info_center, x.images::text
            FROM destinations d JOIN destination_details x USING (content_id)
            """);
        stored.Select(r => (int)r[1]!).Order().ToArray().ShouldBe(new[] { 12, 14, 15, 25, 28, 32, 38, 39 }, "one destination of each content type was kept and enriched");
        foreach (var row in stored)
        {
            var (id, type) = ((string)row[0]!, (int)row[1]!);
            var common = (await api.KtoAsync("detailCommon2", $"_type=json&contentId={id}")).Items.Single();
            var intro = (await api.KtoAsync("detailIntro2", $"_type=json&contentId={id}&contentTypeId={type}")).Items.Single();
            var images = (await api.KtoAsync("detailImage2", $"_type=json&contentId={id}&imageYN=Y")).Items;
            var expected = ExpectedIntroFields[type];
            new[] { expected.UseTime, expected.RestDate, expected.Parking, expected.InfoCenter }.OfType<string>().Except(SimResponse.Names(intro)).ShouldBeEmpty(
                $"type {type}: the typed fields must be in the answer, or an empty column would pass for a wrong name");

            ((string?)row[2], (string?)row[3], (string?)row[4]).ShouldBe((Text(common, "overview"), Text(common, "homepage"), Text(common, "telname")),
                $"type {type}: overview, homepage and telname come from detailCommon2");
            Strings(JsonDocument.Parse((string)row[5]!).RootElement).ShouldBe(Strings(intro), $"type {type}: the whole intro is kept as JSON (jsonb orders keys its own way)");
            ((string?)row[6], (string?)row[7], (string?)row[8], (string?)row[9]).ShouldBe(
                (Text(intro, expected.UseTime), Text(intro, expected.RestDate), Text(intro, expected.Parking), Text(intro, expected.InfoCenter)),
                $"type {type}: use_time, rest_date, parking and info_center come from {expected}");
            JsonDocument.Parse((string)row[10]!).RootElement.EnumerateArray().Select(i => i.GetProperty("originimgurl").GetString()).ShouldBe(
                images.Select(i => i.GetProperty("originimgurl").GetString()), $"type {type}: every photo of detailImage2 is kept, in order");
        }
    }

    [Fact]
    public async Task An_intro_field_the_job_does_not_know_is_kept_in_the_stored_intro()
    {
        // The manual's field lists are incomplete: a live answer may carry fields no table of ours names.
        await using var sim = await StartSimulatorAsync(o => o.Kto.ExtraIntroFields["barrierfree"] = "휠체어 대여 가능");
        var database = await _scenario.CatalogAsync(sim);
        await KeepAsync(database, 8);
        await using var jobs = await _scenario.DetailJobsAsync(sim, database);

        var result = await jobs.RunAsync("details");

        result.Status.ShouldBe(JobResult.Succeeded, result.Error);
        var stored = await RowsAsync(database, "SELECT content_id, intro ->> 'barrierfree' FROM destination_details");
        stored.Count.ShouldBe(8, "every kept destination gets its details");
        foreach (var row in stored)
        {
            ((string?)row[1]).ShouldBe("휠체어 대여 가능", $"{row[0]}: the unknown detailIntro2 field is stored in intro with its value");
        }
    }

    [Fact]
    public async Task A_refused_or_vanished_destination_is_recorded_and_not_asked_again_until_it_changes()
    {
        await using var sim = await StartSimulatorAsync(o =>
        {
            // The catalog as generated at the start, then 1 % deleted a day.
            o.Evolution.Epoch = Start;
            o.Evolution.DeletedPerDay = 0.01;
            o.Evolution.ModifiedPerDay = 0;
            o.Evolution.CreatedPerDay = 0;
        });
        using var api = new SimApi(sim);
        var database = await _scenario.CatalogAsync(sim);
        await api.AdvanceClockAsync(TimeSpan.FromDays(1));
        var items = (await api.AdminGetAsync("dataset/items?includeDeleted=true")).EnumerateArray()
            .ToDictionary(i => i.GetProperty("contentid").GetString()!, i => i.GetProperty("showflag").GetString());
        var ours = (await LiveAsync(database)).Select(d => d.ContentId).Order(StringComparer.Ordinal).ToList();
        var vanished = ours.Where(id => items[id] == "0").Take(2).ToList();
        var live = ours.Where(id => items[id] == "1").Take(3).ToList();
        vanished.Count.ShouldBe(2, "a simulated day at 1 % deletions must delete listed destinations");
        // A content id the service cannot parse: it answers INVALID_REQUEST_PARAMETER_ERROR, today and every day.
        var refused = "x" + live[2];
        await ScalarAsync(database, "UPDATE destinations SET content_id = $1 WHERE content_id = $2", refused, live[2]);
        string[] keep = [.. vanished, live[0], live[1], refused];
        await ScalarAsync(database, "DELETE FROM destinations WHERE NOT content_id = ANY($1)", new object[] { keep });
        await using var jobs = await _scenario.DetailJobsAsync(sim, database);

        var first = await jobs.RunAsync("details");

        first.Status.ShouldBe(JobResult.Succeeded, $"refusals are recorded, not failures of the run: {first.Error}");
        (first.Counts["done"], first.Counts["no_data"], first.Counts["refused"]).ShouldBe((2L, 2L, 1L), "two stored, two gone upstream, one refused");
        var failures = (await RowsAsync(database, "SELECT content_id, outcome FROM detail_failures ORDER BY content_id"))
            .Select(r => ((string)r[0]!, (string)r[1]!)).ToList();
        failures.ShouldBe([.. vanished.Order(StringComparer.Ordinal).Select(v => (v, "no_data")), (refused, "invalid_request")],
            "each failure is recorded with what the upstream answered");
        (await RowsAsync(database, "SELECT code, message FROM detail_failures WHERE content_id = $1", refused)).Single().ShouldBe(
            ["10", "INVALID_REQUEST_PARAMETER_ERROR(contentId)"], "the refusal keeps the upstream's code and message");

        var second = await jobs.RunAsync("details");

        second.Counts["calls"].ShouldBe(0, "recorded failures are not asked again while the destinations are unchanged");

        await ScalarAsync(database, "UPDATE destinations SET modified_time = modified_time + interval '1 hour' WHERE content_id = $1", refused);
        var third = await jobs.RunAsync("details");

        (third.Counts["calls"], third.Counts["refused"]).ShouldBe((1L, 1L), "a changed destination is asked once more, and refused once more");
        (await ScalarAsync(database, "SELECT failures FROM detail_failures WHERE content_id = $1", refused)).ShouldBe(2, "the second refusal is counted on the same record");
    }

    [Fact]
    public async Task False_NO_DATA_answers_and_other_upstream_faults_delay_details_but_lose_none()
    {
        await using var sim = await StartSimulatorAsync();
        using var api = new SimApi(sim);
        var database = await _scenario.CatalogAsync(sim);
        await KeepAsync(database, 200);
        // Mostly lies about content (a wrapped NO_DATA for what exists), plus every fault the gateway absorbs.
        await api.PutConfigAsync(new { faultRate = 0.3, faultWeights = new Dictionary<string, int> { ["wrappedNoData"] = 10 }, slowMs = 100, hangSeconds = 2 });
        await using var jobs = await _scenario.DetailJobsAsync(sim, database, new Dictionary<string, string>
        {
            ["Providers:Kto:Timeout"] = "00:00:01",
            ["Providers:Kto:MaxAttempts"] = "10",
        });

        var faulty = await jobs.RunAsync("details");

        faulty.Status.ShouldBe(JobResult.Succeeded, faulty.Error);
        (faulty.Counts["done"] + faulty.Counts["no_data"]).ShouldBe(200, "every destination ends stored or believed empty for a while: none is lost to a fault");
        var heldBack = faulty.Counts["no_data"] + faulty.Counts["photos_unconfirmed"];
        heldBack.ShouldBeGreaterThan(0, "a 16 % rate of false NO_DATA must sometimes fool even the second ask, or this test proves nothing");

        await api.PutConfigAsync(new { faultRate = 0.0 });
        await ScalarAsync(database, "UPDATE detail_failures SET failed_at = failed_at - interval '8 days'");
        var later = await jobs.RunAsync("details");

        later.Counts["done"].ShouldBe(heldBack, "once the empty answers are no longer believed, exactly what they held back is asked again");
        (await ScalarAsync(database, "SELECT count(*) FROM detail_failures")).ShouldBe(0, "the successes clear every recorded empty answer");
        foreach (var row in await RowsAsync(database, "SELECT content_id, overview, jsonb_array_length(images) FROM destination_details"))
        {
            var id = (string)row[0]!;
            var common = (await api.KtoAsync("detailCommon2", $"_type=json&contentId={id}")).Items.Single();
            var photos = (await api.KtoAsync("detailImage2", $"_type=json&contentId={id}&imageYN=Y")).Items.Length;
            ((string?)row[1], (int)row[2]!).ShouldBe((Text(common, "overview"), photos), $"{id}: the stored details are the upstream's, photos included");
        }
    }

    [Fact]
    public async Task When_the_upstream_keeps_failing_the_run_fails_after_the_limit_and_every_destination_stays_due()
    {
        await using var sim = await StartSimulatorAsync();
        using var api = new SimApi(sim);
        var database = await _scenario.CatalogAsync(sim);
        await KeepAsync(database, 50);
        var onlyUnavailable = new[] { "http500", "http502", "hang", "slow", "truncated", "gatewayApplicationError", "gatewayHttpError", "gatewayUnknownError", "wrappedNoData" }
            .ToDictionary(kind => kind, _ => 0);
        onlyUnavailable["http503"] = 1;
        await api.PutConfigAsync(new { faultRate = 1.0, faultWeights = onlyUnavailable });
        await using var jobs = await _scenario.DetailJobsAsync(sim, database, new Dictionary<string, string>
        {
            ["Providers:Kto:MaxAttempts"] = "2",
            ["Collection:Details:Parallelism"] = "1",
            ["Collection:Details:TransientFailureLimit"] = "5",
        });

        var result = await jobs.RunAsync("details");

        result.Status.ShouldBe(JobResult.Failed, "an upstream that answers nothing but 503 must fail the run");
        result.Error.ShouldNotBeNull().ShouldContain("5 destinations in a row failed", customMessage: "the error says why the run gave up");
        result.Counts["transient_failures"].ShouldBe(5, "the run stops at the limit instead of burning the day's quota on failures");
        result.Counts["remaining"].ShouldBe(50, "a destination that met only transient failures stays due for the next run");
        (await ScalarAsync(database, "SELECT count(*) FROM detail_failures")).ShouldBe(0, "transient failures are not recorded as the service's answer");
    }

    [Fact]
    public async Task Weights_for_an_unknown_area_or_content_type_stop_the_job_server_at_start()
    {
        await using var sim = await StartSimulatorAsync();
        var database = await postgres.CreateDatabaseAsync("details");

        var (exitCode, printed) = await JobServer.StartExpectingFailureAsync(sim, database, redis.ConnectionString, new Dictionary<string, string>
        {
            ["Collection:Details:AreaWeights:99"] = "2",
            ["Collection:Details:ContentTypeWeights:12"] = "-1",
        });

        exitCode.ShouldNotBe(0, "a misconfigured job server must not start");
        printed.ShouldContain("OptionsValidationException", customMessage: $"the options validation stops the start, not something else: {printed}");
        printed.ShouldContain("Collection:Details:AreaWeights:99 is not a KTO area code", customMessage: "the message names the setting");
        printed.ShouldContain("Collection:Details:ContentTypeWeights:12 must be a number of 0 or more", customMessage: "every bad setting is named");
    }

    /// <summary>The reference's per-type field names (shared/reference/public-data-apis.md §2.4), written out independently of the job's table.</summary>
    private static readonly Dictionary<int, (string? UseTime, string? RestDate, string? Parking, string? InfoCenter)> ExpectedIntroFields = new()
    {
        [12] = ("usetime", "restdate", "parking", "infocenter"),
        [14] = ("usetimeculture", "restdateculture", "parkingculture", "infocenterculture"),
        [15] = ("playtime", null, null, "sponsor1tel"),
        [25] = (null, null, null, "infocentertourcourse"),
        [28] = ("usetimeleports", "restdateleports", "parkingleports", "infocenterleports"),
        [32] = (null, null, "parkinglodging", "infocenterlodging"),
        [38] = ("opentime", "restdateshopping", "parkingshopping", "infocentershopping"),
        [39] = ("opentimefood", "restdatefood", "parkingfood", "infocenterfood"),
    };

    /// <summary>Keeps the <paramref name="count"/> destinations with the lowest content ids, so a test needs few calls.</summary>
    private static Task KeepAsync(string database, int count) => ScalarAsync(database,
        "DELETE FROM destinations WHERE content_id NOT IN (SELECT content_id FROM destinations ORDER BY content_id LIMIT $1)", count);

    /// <summary>A field as the job types it: trimmed, and empty as null.</summary>
    private static string? Text(JsonElement item, string? name) =>
        name is not null && item.TryGetProperty(name, out var value) && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static List<KeyValuePair<string, string?>> Strings(JsonElement item) =>
        [.. item.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()))
            .OrderBy(p => p.Key, StringComparer.Ordinal)];
}
