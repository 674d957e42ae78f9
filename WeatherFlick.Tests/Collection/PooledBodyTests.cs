using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Collection;

public sealed class PooledBodyTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(70_000, true)]
    [InlineData(70_000, false)]
    [InlineData(1_300_000, true)]
    [InlineData(1_300_000, false)]
    public async Task A_body_is_read_whole_and_exact_with_or_without_a_declared_length(int size, bool declareLength)
    {
        var sent = RandomNumberGenerator.GetBytes(size);
        await using var server = await ScriptedHttpServer.StartAsync(async (context, _) =>
        {
            if (declareLength)
            {
                context.Response.ContentLength = size;
            }
            // Several writes and flushes: without a length the body arrives chunked, in pieces.
            for (var offset = 0; offset < size; offset += 50_000)
            {
                await context.Response.Body.WriteAsync(sent.AsMemory(offset, Math.Min(50_000, size - offset)));
                await context.Response.Body.FlushAsync();
            }
        });
        using var http = new HttpClient();
        using var response = await http.GetAsync(server.BaseAddress, HttpCompletionOption.ResponseHeadersRead);

        using var body = await PooledBody.ReadAsync(response.Content, CancellationToken.None);

        body.Length.ShouldBe(size);
        body.Memory.ToArray().ShouldBe(sent, "the bytes as sent, however they arrived");
    }

    [Fact]
    public async Task A_disposed_body_refuses_to_be_read_instead_of_showing_a_reused_buffer()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => context.Response.WriteAsync("{\"a\":1}"));
        using var http = new HttpClient();
        using var response = await http.GetAsync(server.BaseAddress, HttpCompletionOption.ResponseHeadersRead);
        var body = await PooledBody.ReadAsync(response.Content, CancellationToken.None);

        body.Dispose();
        body.Dispose();

        Should.Throw<ObjectDisposedException>(() => body.Memory);
    }
}
