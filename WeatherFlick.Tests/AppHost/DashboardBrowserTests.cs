using Microsoft.Playwright;
using WeatherFlick.AppHost.Hosting.ApplicationModel;
using WeatherFlick.AppHost.Hosting.Local;
using WeatherFlick.AppHost.Hosting.Orchestration;
using WeatherFlick.AppHost.Hosting.Testing;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.AppHost;

/// <summary>The dashboard as a person sees it, in headless Chromium, against the whole running system.</summary>
[Collection(AppHostCollection.Name)]
public sealed class DashboardBrowserTests(WeatherFlickAppFixture fixture, ChromiumBrowserFixture chromium) : IClassFixture<ChromiumBrowserFixture>
{
    private static readonly TimeSpan LiveUpdate = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Dashboard_renders_every_resource_with_its_state_health_and_urls()
    {
        var page = await OpenAsync("/");

        foreach (var e in fixture.App.ResourceNotifications.GetAll())
        {
            var row = page.Locator($"#resource-{e.Resource.Name}");
            (await row.CountAsync()).ShouldBe(1, $"the table must have a row for {e.Resource.Name}");
            (await row.Locator(".state").InnerTextAsync()).ShouldBe(KnownResourceStates.Running, $"{e.Resource.Name} is shown running");
            (await row.Locator(".health").InnerTextAsync()).ShouldBe("Healthy", $"{e.Resource.Name} is shown healthy");
            (await row.Locator(".start").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace($"{e.Resource.Name} shows its start time");
        }
        foreach (var project in new[] { "api", "jobs", "simulator" })
        {
            var url = fixture.App.GetEndpoint(project).ToString().TrimEnd('/');
            (await page.Locator($"#resource-{project} .urls a[href='{url}']").CountAsync()).ShouldBe(1, $"{project}'s row links to its URL {url}");
        }
        (await page.Locator("#resource-api button[data-command='resource-restart']").IsEnabledAsync()).ShouldBeTrue("each row offers a restart action");
    }

    [Fact]
    public async Task Console_view_streams_new_lines_of_a_resource_without_a_reload()
    {
        var page = await OpenAsync("/console/cache");
        var ready = page.Locator("#console .line", new() { HasTextString = "Ready to accept connections" });
        await Eventually.HoldsAsync(async () => await ready.CountAsync() >= 1, LiveUpdate, "the console view shows the lines redis-server wrote so far");
        var before = await ready.CountAsync();

        await fixture.App.Services.GetCommands().ExecuteCommandAsync("cache", KnownResourceCommands.RestartCommand);

        await Eventually.HoldsAsync(async () => await ready.CountAsync() > before, LiveUpdate,
            "the restarted redis-server's new lines must appear in the open page, streamed, without a reload");
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("cache");
    }

    [Fact]
    public async Task Killed_project_shows_Exited_with_its_code_and_the_Restart_button_brings_it_back()
    {
        var page = await OpenAsync("/");
        var before = fixture.App.ResourceNotifications.GetCurrent("api");
        var state = page.Locator("#resource-api .state");

        NativeProcess.Signal(before.ProcessId!.Value, NativeProcess.SigKill).ShouldBeTrue("the API's process must exist to be killed");
        await Eventually.HoldsAsync(async () => await state.InnerTextAsync() == "Exited (137)", LiveUpdate,
            "the open dashboard must show the killed API as Exited with its exit code, live");
        await page.Locator("#resource-api button[data-command='resource-restart']").ClickAsync();
        await Eventually.HoldsAsync(async () => await state.InnerTextAsync() == KnownResourceStates.Running
                && await page.Locator("#resource-api .health").InnerTextAsync() == "Healthy", LiveUpdate,
            "after Restart the dashboard must show the API running and healthy again");

        fixture.App.ResourceNotifications.GetCurrent("api").ProcessId.ShouldNotBe(before.ProcessId, "Restart started a new API process");
        using var api = fixture.App.CreateHttpClient("api");
        (await api.GetAsync("/health")).IsSuccessStatusCode.ShouldBeTrue("the restarted API answers its health endpoint");
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.DashboardUrl, path).ToString());
        // Live updates start once the page's event stream is open.
        await Eventually.HoldsAsync(async () => await page.Locator("#connection").InnerTextAsync() == "live", LiveUpdate, "the page connects to its live stream");
        return page;
    }
}
