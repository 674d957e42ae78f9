using WeatherFlick.ServiceDefaults.Redis;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Redis;

[Collection(RedisCollection.Name)]
public sealed class RedisCommandTests(RedisServerFixture redis) : RedisClientTest(redis)
{
    [Fact]
    public async Task Text_value_round_trips_and_a_missing_key_reads_as_null()
    {
        (await Connection.StringSetAsync(Prefix + "greeting", "안녕 weather ☀")).ShouldBeTrue("a plain SET always writes");

        (await Connection.StringGetAsync(Prefix + "greeting")).ShouldBe("안녕 weather ☀", "UTF-8 text comes back unchanged");
        (await Connection.StringGetAsync(Prefix + "missing")).ShouldBeNull("GET of a missing key is null");
        (await Connection.StringGetBytesAsync(Prefix + "missing")).ShouldBeNull("GET of a missing key is null as bytes too");
    }

    [Fact]
    public async Task Binary_value_with_CRLF_and_zero_bytes_round_trips_exactly()
    {
        byte[] value = [0, 13, 10, 0xFF, 0xFE, (byte)'*', (byte)'$', 13, 10, 0];

        await Connection.StringSetAsync(Prefix + "binary", value);

        (await Connection.StringGetBytesAsync(Prefix + "binary")).ShouldBe(value, "bulk strings are binary-safe both ways");
    }

    [Fact]
    public async Task One_megabyte_value_round_trips()
    {
        var value = new byte[1024 * 1024];
        new Random(11).NextBytes(value);

        await Connection.StringSetAsync(Prefix + "large", value);

        (await Connection.StringGetBytesAsync(Prefix + "large")).ShouldBe(value, "a 1 MB value comes back byte for byte");
    }

    [Fact]
    public async Task Set_with_whole_seconds_expires_in_seconds_and_with_milliseconds_in_milliseconds()
    {
        // Each write and its PTTL run back to back in one batch, so the server's clock barely moves between them.
        var batch = Connection.CreateBatch();
        _ = batch.StringSetAsync(Prefix + "ex", "v", TimeSpan.FromSeconds(100));
        var ex = batch.KeyTimeToLiveAsync(Prefix + "ex");
        _ = batch.StringSetAsync(Prefix + "px", "v", TimeSpan.FromMilliseconds(1500));
        var px = batch.KeyTimeToLiveAsync(Prefix + "px");
        await batch.ExecuteAsync();

        (await ex)!.Value.ShouldBeInRange(TimeSpan.FromMilliseconds(99_900), TimeSpan.FromSeconds(100), "SET … EX 100");
        (await px)!.Value.ShouldBeInRange(TimeSpan.FromMilliseconds(1400), TimeSpan.FromMilliseconds(1500), "SET … PX 1500, not truncated to EX 1");
    }

    [Fact]
    public async Task Set_NX_writes_only_a_new_key_and_XX_only_an_existing_one()
    {
        var key = Prefix + "conditional";

        (await Connection.StringSetAsync(key, "first", when: When.Exists)).ShouldBeFalse("XX does not create a key");
        (await Connection.StringSetAsync(key, "first", when: When.NotExists)).ShouldBeTrue("NX creates a new key");
        (await Connection.StringSetAsync(key, "second", when: When.NotExists)).ShouldBeFalse("NX leaves an existing key alone");
        (await Connection.StringGetAsync(key)).ShouldBe("first", "the refused NX did not overwrite");
        (await Connection.StringSetAsync(key, "third", TimeSpan.FromSeconds(30), When.Exists)).ShouldBeTrue("XX overwrites an existing key");
        (await Connection.StringGetAsync(key)).ShouldBe("third");
        (await Connection.KeyTimeToLiveAsync(key)).ShouldNotBeNull("EX combined with XX set the expiry");
    }

    [Fact]
    public async Task Delete_of_many_keys_counts_those_that_existed_and_exists_counts_what_is_left()
    {
        await Connection.StringSetAsync(Prefix + "a", "1");
        await Connection.StringSetAsync(Prefix + "b", "2");
        await Connection.StringSetAsync(Prefix + "c", "3");

        (await Connection.KeyExistsAsync([Prefix + "a", Prefix + "b", Prefix + "nope"])).ShouldBe(2L, "two of three keys exist");
        (await Connection.KeyDeleteAsync([Prefix + "a", Prefix + "b", Prefix + "nope"])).ShouldBe(2L, "DEL counts only keys that existed");
        (await Connection.KeyExistsAsync(Prefix + "a")).ShouldBeFalse("a was deleted");
        (await Connection.KeyDeleteAsync(Prefix + "c")).ShouldBeTrue("single DEL of an existing key");
        (await Connection.KeyDeleteAsync(Prefix + "c")).ShouldBeFalse("single DEL of a missing key");
    }

    [Fact]
    public async Task Expire_pexpire_and_expireat_set_the_time_to_live_that_ttl_and_pttl_report()
    {
        var key = Prefix + "ttl";
        (await Connection.KeyExpireAsync(key, TimeSpan.FromSeconds(10))).ShouldBeFalse("EXPIRE of a missing key is false");
        (await Connection.KeyTimeToLiveSecondsAsync(key)).ShouldBe(-2L, "TTL of a missing key is -2");
        await Connection.StringSetAsync(key, "v");
        (await Connection.KeyTimeToLiveSecondsAsync(key)).ShouldBe(-1L, "TTL of a key without expiry is -1");
        (await Connection.KeyTimeToLiveAsync(key)).ShouldBeNull("PTTL without expiry reads as null");

        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 300);
        var batch = Connection.CreateBatch();
        var expire = batch.KeyExpireAsync(key, TimeSpan.FromSeconds(50));
        var ttl = batch.KeyTimeToLiveSecondsAsync(key);
        var pexpire = batch.KeyExpireAsync(key, TimeSpan.FromMilliseconds(20_500));
        var pttl = batch.KeyTimeToLiveAsync(key);
        var expireAt = batch.KeyExpireAsync(key, at);
        var ttlAt = batch.KeyTimeToLiveAsync(key);
        var pexpireAt = batch.KeyExpireAsync(key, at.AddMilliseconds(-250));
        var pttlAt = batch.KeyTimeToLiveAsync(key);
        await batch.ExecuteAsync();
        var sentAt = DateTimeOffset.UtcNow;

        (await expire).ShouldBeTrue("EXPIRE of an existing key");
        (await ttl).ShouldBe(50L, "TTL right after EXPIRE 50");
        (await pexpire).ShouldBeTrue("PEXPIRE of an existing key");
        (await pttl)!.Value.ShouldBeInRange(TimeSpan.FromMilliseconds(20_400), TimeSpan.FromMilliseconds(20_500), "PEXPIRE 20500, not EXPIRE 20");
        (await expireAt).ShouldBeTrue("EXPIREAT of an existing key");
        (await ttlAt)!.Value.ShouldBeInRange(at - sentAt - TimeSpan.FromSeconds(1), at - sentAt + TimeSpan.FromSeconds(1), "EXPIREAT five minutes ahead");
        (await pexpireAt).ShouldBeTrue("PEXPIREAT of an existing key");
        ((await ttlAt)!.Value - (await pttlAt)!.Value).ShouldBeInRange(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300),
            "PEXPIREAT 250 ms earlier than the EXPIREAT, not rounded to a whole second");
    }

    [Fact]
    public async Task Increments_and_decrements_return_the_new_value()
    {
        var key = Prefix + "counter";

        (await Connection.StringIncrementAsync(key)).ShouldBe(1L, "INCRBY of a missing key starts from 0");
        (await Connection.StringIncrementAsync(key, 41)).ShouldBe(42L);
        (await Connection.StringDecrementAsync(key, 2)).ShouldBe(40L, "DECRBY");
        (await Connection.StringIncrementAsync(key, 0.5)).ShouldBe(40.5, "INCRBYFLOAT turns the counter into a float");
        (await Connection.StringIncrementAsync(Prefix + "float", -1.25)).ShouldBe(-1.25);
    }

    [Fact]
    public async Task Hash_fields_are_set_read_incremented_listed_and_deleted()
    {
        var key = Prefix + "hash";

        (await Connection.HashSetAsync(key, "name", "Gyeongbokgung")).ShouldBeTrue("a new field");
        (await Connection.HashSetAsync(key, "name", "경복궁")).ShouldBeFalse("an existing field is overwritten, not new");
        (await Connection.HashSetAsync(key, [new("area", "1"), new("sigungu", "23")])).ShouldBe(2L, "two new fields in one HSET");
        (await Connection.HashSetAsync(key, "blob", new byte[] { 0, 13, 10 })).ShouldBeTrue();
        (await Connection.HashIncrementAsync(key, "visits", 5)).ShouldBe(5L, "HINCRBY of a missing field starts from 0");
        (await Connection.HashIncrementAsync(key, "visits")).ShouldBe(6L);

        (await Connection.HashGetAsync(key, "name")).ShouldBe("경복궁");
        (await Connection.HashGetBytesAsync(key, "blob")).ShouldBe(new byte[] { 0, 13, 10 }, "hash values are binary-safe");
        (await Connection.HashGetAsync(key, "nope")).ShouldBeNull("a missing field is null");
        var all = await Connection.HashGetAllAsync(key);
        all.Keys.ShouldBe(["area", "blob", "name", "sigungu", "visits"], ignoreOrder: true, customMessage: "HGETALL returns every field");
        all["visits"].ShouldBe("6");

        (await Connection.HashDeleteAsync(key, "blob")).ShouldBeTrue();
        (await Connection.HashDeleteAsync(key, ["area", "sigungu", "nope"])).ShouldBe(2L, "HDEL counts fields that existed");
        (await Connection.HashGetAllAsync(Prefix + "no-hash")).Count.ShouldBe(0, "HGETALL of a missing key is empty");
    }

    [Fact]
    public async Task Eval_runs_lua_with_keys_and_arguments_and_returns_nested_replies()
    {
        var reply = await Connection.ScriptEvaluateAsync(
            "redis.call('SET', KEYS[1], ARGV[1]); return { redis.call('GET', KEYS[1]), tonumber(ARGV[2]) + 1, { 'nested', false } }",
            [Prefix + "lua"], ["from-lua", 41]);

        var elements = reply.AsArray()!;
        elements[0].AsString().ShouldBe("from-lua", "the script wrote and read the key");
        elements[1].AsInt64().ShouldBe(42L, "numbers come back as integers");
        elements[2].AsArray()![0].AsString().ShouldBe("nested");
        elements[2].AsArray()![1].IsNull.ShouldBeTrue("Lua false becomes a null bulk string");
    }

    [Fact]
    public async Task Script_runs_by_sha_and_is_loaded_again_with_eval_after_the_server_forgets_it()
    {
        var script = new RedisScript("return redis.call('INCRBY', KEYS[1], ARGV[1])");
        (await Connection.ScriptLoadAsync(script.Source)).ShouldBe(script.Sha1, "our SHA1 matches the server's");

        (await Connection.ScriptEvaluateAsync(script, [Prefix + "n"], [2])).AsInt64().ShouldBe(2L, "EVALSHA of a cached script");
        await Connection.ExecuteAsync("SCRIPT", "FLUSH");
        (await Connection.ScriptEvaluateAsync(script, [Prefix + "n"], [3])).AsInt64().ShouldBe(5L, "NOSCRIPT fell back to EVAL");
        (await Connection.ScriptEvaluateShaAsync(script.Sha1, [Prefix + "n"], [1])).AsInt64().ShouldBe(6L, "the EVAL cached the script again");
    }

    [Fact]
    public async Task Evalsha_of_an_unknown_script_is_a_NOSCRIPT_server_error()
    {
        var error = await Should.ThrowAsync<RedisServerException>(() => Connection.ScriptEvaluateShaAsync(new string('0', 40)));

        error.ErrorCode.ShouldBe("NOSCRIPT", "the error code is the first word of Redis's message");
        error.Command.ShouldBe("EVALSHA");
    }

    [Fact]
    public async Task Scan_walks_every_matching_key_over_many_pages()
    {
        var batch = Connection.CreateBatch();
        var writes = Enumerable.Range(0, 1000).Select(i => batch.StringSetAsync($"{Prefix}scan:{i}", "v")).ToList();
        writes.Add(batch.StringSetAsync($"{Prefix}other", "v"));
        await batch.ExecuteAsync();
        await Task.WhenAll(writes);

        var found = new HashSet<string>();
        await foreach (var key in Connection.ScanAsync($"{Prefix}scan:*", pageSize: 50))
        {
            found.Add(key);
        }

        found.Count.ShouldBe(1000, "every key matching the pattern, and none other");
        found.ShouldContain($"{Prefix}scan:999");
    }

    [Fact]
    public async Task Execute_sends_any_command_and_returns_the_raw_reply()
    {
        var key = Prefix + "list";

        (await Connection.ExecuteAsync("RPUSH", key, "a", 2, new byte[] { 0x62 })).AsInt64().ShouldBe(3L);
        var range = await Connection.ExecuteAsync("lrange", [key, 0, -1], CancellationToken.None);

        range.AsArray()!.Select(r => r.AsString()).ShouldBe(["a", "2", "b"], ignoreOrder: false, customMessage: "strings, numbers and bytes are all arguments");
        (await Connection.ExecuteAsync("TYPE", key)).AsString().ShouldBe("list", "a simple-string reply");
    }

    [Fact]
    public async Task Execute_refuses_commands_that_would_break_the_shared_connection()
    {
        foreach (var command in (string[])["MULTI", "subscribe", "BLPOP", "SELECT", "AUTH"])
        {
            var error = await Should.ThrowAsync<NotSupportedException>(() => Connection.ExecuteAsync(command, "x"), $"{command} must be refused");
            error.Message.ShouldContain(command.ToUpperInvariant(), customMessage: "the message names the refused command");
        }
        await Should.ThrowAsync<ArgumentException>(() => Connection.ExecuteAsync("GET", "k", CancellationToken.None),
            "a token passed by mistake as an argument must not be sent as text");
        (await Connection.PingAsync()).ShouldBeLessThan(TimeSpan.FromSeconds(5), "the connection is still fine after the refusals");
    }

    [Fact]
    public async Task Server_error_throws_the_servers_message_and_the_connection_stays_usable()
    {
        var key = Prefix + "text";
        await Connection.StringSetAsync(key, "not a number");

        var error = await Should.ThrowAsync<RedisServerException>(() => Connection.StringIncrementAsync(key));
        var wrongType = await Should.ThrowAsync<RedisServerException>(() => Connection.HashGetAsync(key, "f"));

        error.Message.ShouldBe("ERR value is not an integer or out of range", "the server's own message");
        error.Command.ShouldBe("INCRBY");
        wrongType.ErrorCode.ShouldBe("WRONGTYPE");
        (await Connection.StringGetAsync(key)).ShouldBe("not a number", "replies still match their commands after errors");
    }

    [Fact]
    public async Task Default_database_from_the_connection_string_is_selected_on_connect()
    {
        await using var database3 = RedisConnection.Create(Redis.ConnectionString + ",defaultDatabase=3,name=wf-test");
        await database3.StringSetAsync(Prefix + "db", "three");

        (await database3.StringGetAsync(Prefix + "db")).ShouldBe("three");
        (await Connection.StringGetAsync(Prefix + "db")).ShouldBeNull("database 0 does not see database 3");
        (await database3.ExecuteAsync("CLIENT", "GETNAME")).AsString().ShouldBe("wf-test", "the client name was set on connect");
    }

    [Fact]
    public async Task Cancelled_command_throws_and_later_commands_still_get_their_own_replies()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => Connection.StringSetAsync(Prefix + "c", "v", cancellationToken: cancelled.Token));
        await Connection.StringSetAsync(Prefix + "d", "mine");

        (await Connection.StringGetAsync(Prefix + "d")).ShouldBe("mine", "the cancelled command's reply (if any) was not handed to anyone else");
    }

    [Fact]
    public async Task Ping_measures_the_round_trip_and_connects_lazily()
    {
        await using var fresh = RedisConnection.Create(Redis.ConnectionString);
        fresh.IsConnected.ShouldBeFalse("creating the connection does not connect");

        var roundTrip = await fresh.PingAsync();

        roundTrip.ShouldBeGreaterThan(TimeSpan.Zero);
        fresh.IsConnected.ShouldBeTrue("the first command connected");
        fresh.EndPoint.ShouldBe($"127.0.0.1:{Redis.Server.Port}", "the endpoint is host:port from the connection string");
    }
}
