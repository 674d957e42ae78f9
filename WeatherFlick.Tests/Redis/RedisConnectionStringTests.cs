using WeatherFlick.ServiceDefaults.Redis;

namespace WeatherFlick.Tests.Redis;

public sealed class RedisConnectionStringTests
{
    [Theory]
    [InlineData("127.0.0.1:6380,password=s3cr=t", "127.0.0.1", 6380, "127.0.0.1:6380")]
    [InlineData("[::1]:7000", "::1", 7000, "[::1]:7000")]
    [InlineData("::1", "::1", 6379, "[::1]:6379")]
    [InlineData("cache.internal", "cache.internal", 6379, "cache.internal:6379")]
    public void Server_is_read_as_host_and_port_with_IPv6_in_brackets(string connectionString, string host, int port, string endPoint)
    {
        var settings = RedisConnectionSettings.Parse(connectionString);

        settings.Host.ShouldBe(host);
        settings.Port.ShouldBe(port, "6379 when no port is given");
        settings.EndPoint.ShouldBe(endPoint, "an IPv6 endpoint is printed in brackets");
    }

    [Fact]
    public void Password_keeps_every_character_after_the_first_equals_sign()
    {
        RedisConnectionSettings.Parse("h:1,password=s3cr=t==").Password.ShouldBe("s3cr=t==", "only the first '=' separates key and value");
    }

    [Fact]
    public void StackExchange_options_are_accepted_case_insensitively()
    {
        var settings = RedisConnectionSettings.Parse(
            "cache.internal , User=svc, PASSWORD=pw, ssl=False, abortConnect=false, connectTimeout=1500, syncTimeout=2500, defaultDatabase=3, name=jobs");

        settings.ShouldSatisfyAllConditions(
            s => s.Host.ShouldBe("cache.internal"),
            s => s.Port.ShouldBe(6379, "the default port applies when none is given"),
            s => s.User.ShouldBe("svc"),
            s => s.Password.ShouldBe("pw"),
            s => s.ConnectTimeout.ShouldBe(TimeSpan.FromMilliseconds(1500)),
            s => s.CommandTimeout.ShouldBe(TimeSpan.FromMilliseconds(2500), "syncTimeout is the command timeout"),
            s => s.Database.ShouldBe(3),
            s => s.ClientName.ShouldBe("jobs"));
        RedisConnectionSettings.Parse("h:1,commandTimeout=700").CommandTimeout.ShouldBe(TimeSpan.FromMilliseconds(700), "commandTimeout is an alias");
        RedisConnectionSettings.Parse("h:1,asyncTimeout=800").CommandTimeout.ShouldBe(TimeSpan.FromMilliseconds(800), "asyncTimeout is an alias");
    }

    [Theory]
    [InlineData("h:1,password=hunter2,bogus=hunter2", "unknown option 'bogus'")]
    [InlineData("h:1,password=hunter2,keepAlive=60", "'keepAlive' is not supported")]
    [InlineData("h:1,password=hunter2,ssl=true", "ssl=true is not supported")]
    [InlineData("h:1,password=hunter2,abortConnect=true", "abortConnect=true is not supported")]
    [InlineData("h:1,password=hunt,er2", "entry 3 is not a key=value option")]
    [InlineData("h:99999,password=hunter2", "port '99999'")]
    [InlineData("password=hunter2", "must start with the server")]
    [InlineData("h:1,password=hunter2,connectTimeout=soon", "connectTimeout must be a positive number of milliseconds")]
    public void Invalid_connection_string_is_rejected_with_the_problem_named_and_the_password_never_shown(string connectionString, string problem)
    {
        var error = Should.Throw<ArgumentException>(() => RedisConnection.Create(connectionString));

        error.Message.ShouldContain(problem, Case.Insensitive, "the message must say what is wrong");
        error.Message.ShouldNotContain("hunter2", customMessage: "a connection string error must never print the password");
        error.Message.ShouldNotContain("er2", customMessage: "not even a fragment of a password split by a comma");
    }

    [Fact]
    public void Masked_form_shows_everything_but_the_password()
    {
        var connection = RedisConnection.Create("127.0.0.1:6379,user=svc,password=hunter2,defaultDatabase=2");

        connection.ToString().ShouldBe("127.0.0.1:6379,user=svc,password=*****,defaultDatabase=2", "the password is masked");
    }

    [Fact]
    public void Invalid_options_are_rejected_when_the_connection_is_created()
    {
        var error = Should.Throw<ArgumentException>(() => RedisConnection.Create("h:1", new RedisClientOptions
        {
            ReconnectMinDelay = TimeSpan.FromSeconds(10),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        }));

        error.Message.ShouldContain("ReconnectMaxDelay", customMessage: "the message names the setting that is wrong");
    }
}
