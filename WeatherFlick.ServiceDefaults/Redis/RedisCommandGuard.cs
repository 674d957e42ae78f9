namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// Refuses, in <c>ExecuteAsync</c>, the commands that would break a connection shared by every caller: changing its
/// state (another database, a transaction, subscriber mode, no replies) or blocking it for everyone.
/// </summary>
internal static class RedisCommandGuard
{
    private static readonly Dictionary<string, string> Refused = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AUTH"] = "the client authenticates every connection itself, from the connection string",
        ["HELLO"] = "the client speaks RESP2 and authenticates every connection itself",
        ["SELECT"] = "the database is chosen once, with defaultDatabase in the connection string",
        ["SWAPDB"] = "it changes what the shared connection reads",
        ["QUIT"] = "it closes the shared connection",
        ["RESET"] = "it resets the shared connection",
        ["MULTI"] = "commands of other callers would join the transaction",
        ["EXEC"] = "commands of other callers would join the transaction",
        ["DISCARD"] = "commands of other callers would join the transaction",
        ["WATCH"] = "commands of other callers would join the transaction; use a Lua script (RedisScript) for atomic updates",
        ["UNWATCH"] = "commands of other callers would join the transaction",
        ["SUBSCRIBE"] = "use RedisConnection.SubscribeAsync (a dedicated subscriber connection)",
        ["PSUBSCRIBE"] = "subscriber mode would stop the shared connection from answering commands",
        ["SSUBSCRIBE"] = "subscriber mode would stop the shared connection from answering commands",
        ["UNSUBSCRIBE"] = "use RedisConnection.UnsubscribeAsync",
        ["PUNSUBSCRIBE"] = "the shared connection has no pattern subscriptions",
        ["SUNSUBSCRIBE"] = "the shared connection has no shard subscriptions",
        ["MONITOR"] = "it turns the shared connection into a stream of every command",
        ["BLPOP"] = "blocking commands stall every caller of the shared connection",
        ["BRPOP"] = "blocking commands stall every caller of the shared connection",
        ["BRPOPLPUSH"] = "blocking commands stall every caller of the shared connection",
        ["BLMOVE"] = "blocking commands stall every caller of the shared connection",
        ["BLMPOP"] = "blocking commands stall every caller of the shared connection",
        ["BZPOPMIN"] = "blocking commands stall every caller of the shared connection",
        ["BZPOPMAX"] = "blocking commands stall every caller of the shared connection",
        ["BZMPOP"] = "blocking commands stall every caller of the shared connection",
        ["WAIT"] = "blocking commands stall every caller of the shared connection",
        ["WAITAOF"] = "blocking commands stall every caller of the shared connection",
    };

    /// <summary>The command name, upper-cased (the span and metric operation name); throws for a refused command.</summary>
    public static string Check(string command, IReadOnlyCollection<object> args)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        if (command.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"'{command}' is more than one word: pass subcommands and arguments in args.", nameof(command));
        }
        var name = command.ToUpperInvariant();
        if (Refused.TryGetValue(name, out var why))
        {
            throw new NotSupportedException($"{name} cannot be sent through ExecuteAsync: {why}.");
        }
        var first = args.FirstOrDefault() as string;
        if (name == "CLIENT" && string.Equals(first, "REPLY", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException("CLIENT REPLY cannot be sent through ExecuteAsync: replies would no longer match their commands.");
        }
        if (name is "XREAD" or "XREADGROUP" && args.OfType<string>().Any(a => string.Equals(a, "BLOCK", StringComparison.OrdinalIgnoreCase)))
        {
            throw new NotSupportedException($"{name} with BLOCK cannot be sent through ExecuteAsync: blocking commands stall every caller of the shared connection.");
        }
        return name;
    }
}
