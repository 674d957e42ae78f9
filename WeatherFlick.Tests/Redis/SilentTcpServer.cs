using System.Net;
using System.Net.Sockets;

namespace WeatherFlick.Tests.Redis;

/// <summary>A loopback server that accepts connections and never reads or answers: a Redis that hangs.</summary>
public sealed class SilentTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _accepting;

    public SilentTcpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAndIgnoreAsync();
    }

    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _accepting;
    }

    private async Task AcceptAndIgnoreAsync()
    {
        var accepted = new List<Socket>();
        try
        {
            while (true)
            {
                accepted.Add(await _listener.AcceptSocketAsync());
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
        finally
        {
            accepted.ForEach(s => s.Dispose());
        }
    }
}
