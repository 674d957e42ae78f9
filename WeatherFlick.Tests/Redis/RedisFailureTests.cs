using System.Diagnostics;
using WeatherFlick.Testing.LocalServers;
using WeatherFlick.ServiceDefaults.Redis;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Redis;

[Collection(RedisCollection.Name)]
public sealed class RedisFailureTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Wrong_password_is_a_clear_authentication_error_that_never_shows_the_password()
    {
        const string wrong = "not-the-password-7f3a";
        await using var connection = RedisConnection.Create($"127.0.0.1:{redis.Server.Port},password={wrong}");

        var error = await Should.ThrowAsync<RedisAuthenticationException>(() => connection.StringGetAsync("k"));

        error.Message.ShouldBe($"Redis at 127.0.0.1:{redis.Server.Port} rejected the password (WRONGPASS invalid username-password pair or user is disabled.).");
        error.ToString().ShouldNotContain(wrong, customMessage: "neither the message nor the inner exceptions may carry the password");
        var again = await Should.ThrowAsync<RedisAuthenticationException>(() => connection.StringGetAsync("k"), "it stays an authentication error between retries");
        again.ToString().ShouldNotContain(wrong);
    }

    [Fact]
    public async Task Missing_password_for_a_protected_server_is_an_authentication_error_saying_so()
    {
        await using var connection = RedisConnection.Create($"127.0.0.1:{redis.Server.Port}");

        var error = await Should.ThrowAsync<RedisAuthenticationException>(() => connection.PingAsync());

        error.Message.ShouldContain("requires a password (NOAUTH)", customMessage: "the message explains what is missing");
    }

    [Fact]
    public async Task Unreachable_server_fails_quickly_with_a_connection_error_naming_it()
    {
        var port = NativeProcess.FreeTcpPort();
        var connection = RedisConnection.Create($"127.0.0.1:{port},password=secret-pw-123");
        await using var _ = connection;

        var clock = Stopwatch.StartNew();
        var error = await Should.ThrowAsync<RedisConnectionException>(() => connection.StringGetAsync("k"));
        clock.Stop();

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1), "a refused connection is reported at once, not after a timeout");
        error.Message.ShouldStartWith($"Redis at 127.0.0.1:{port} is unreachable", customMessage: "the message names host:port");
        error.ToString().ShouldNotContain("secret-pw-123", customMessage: "never the password");
        var fast = Stopwatch.StartNew();
        var next = await Should.ThrowAsync<RedisConnectionException>(() => connection.StringGetAsync("k"));
        fast.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1), "between reconnect attempts commands fail fast");
        next.Message.ShouldContain("127.0.0.1");
    }

    [Fact]
    public async Task Command_without_a_reply_times_out_with_RedisTimeoutException()
    {
        await using var silent = new SilentTcpServer();
        await using var connection = RedisConnection.Create($"127.0.0.1:{silent.Port}", new RedisClientOptions { CommandTimeout = TimeSpan.FromMilliseconds(300) });

        var clock = Stopwatch.StartNew();
        var error = await Should.ThrowAsync<RedisTimeoutException>(() => connection.StringGetAsync("k"));
        clock.Stop();

        clock.Elapsed.ShouldBeInRange(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3), "the command waited about its timeout");
        error.Message.ShouldContain($"did not answer GET within 300 ms", customMessage: "the message names the command and the timeout");
        error.ShouldBeAssignableTo<TimeoutException>("as in StackExchange.Redis, a timeout is a TimeoutException");
    }

    [Fact]
    public async Task Handshake_that_never_completes_fails_after_the_connect_timeout()
    {
        await using var silent = new SilentTcpServer();
        await using var connection = RedisConnection.Create($"127.0.0.1:{silent.Port},password=pw-never-shown,connectTimeout=300");

        var error = await Should.ThrowAsync<RedisConnectionException>(() => connection.PingAsync());

        error.Message.ShouldContain("did not complete the handshake (AUTH, SELECT) within 300 ms");
        error.ToString().ShouldNotContain("pw-never-shown");
    }

    [Fact]
    public async Task Disposed_connection_refuses_commands()
    {
        var connection = RedisConnection.Create(redis.ConnectionString);
        await connection.PingAsync();

        await connection.DisposeAsync();

        await Should.ThrowAsync<ObjectDisposedException>(() => connection.PingAsync(), "a disposed connection does not reconnect");
        await connection.DisposeAsync();
    }
}
