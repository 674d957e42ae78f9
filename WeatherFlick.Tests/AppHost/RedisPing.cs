using System.Net.Sockets;
using System.Text;

namespace WeatherFlick.Tests.AppHost;

/// <summary>AUTH and PING over a raw socket: enough to prove a Redis connection string works, with no client library.</summary>
internal static class RedisPing
{
    public static async Task<bool> AnswersAsync(string connectionString)
    {
        var parts = connectionString.Split(',');
        var hostPort = parts[0].Split(':');
        var password = parts.Skip(1).Select(p => p.Split('=', 2)).Single(p => p[0] == "password")[1];
        using var client = new TcpClient();
        await client.ConnectAsync(hostPort[0], int.Parse(hostPort[1], System.Globalization.CultureInfo.InvariantCulture));
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"AUTH {password}\r\nPING\r\n"));
        var buffer = new byte[64];
        var received = "";
        while (!received.Contains("+PONG") && !received.Contains("-ERR"))
        {
            var n = await stream.ReadAsync(buffer);
            if (n == 0)
            {
                break;
            }
            received += Encoding.ASCII.GetString(buffer, 0, n);
        }
        return received.StartsWith("+OK\r\n+PONG", StringComparison.Ordinal);
    }
}
