using System.Globalization;
using System.Net;
using System.Text;
using WeatherFlick.AppHost.Hosting.ApplicationModel;
using WeatherFlick.AppHost.Hosting.Orchestration;

namespace WeatherFlick.AppHost.Hosting.Dashboard;

/// <summary>
/// The dashboard's HTML, rendered on the server. Live updates send the same rendered rows over Server-Sent Events,
/// so the page's script only swaps them in and has no rendering of its own.
/// </summary>
internal static class DashboardHtml
{
    public static string ResourcesPage(IReadOnlyList<ResourceEvent> resources)
    {
        var rows = new StringBuilder();
        foreach (var e in resources)
        {
            rows.Append(ResourceRow(e.Snapshot));
        }
        return Layout("Resources", "resources", $"""
            <table id="resources">
              <thead><tr><th>Name</th><th>Type</th><th>State</th><th>Health</th><th>Start time</th><th>URLs</th><th>Actions</th></tr></thead>
              <tbody>{rows}</tbody>
            </table>
            """);
    }

    public static string ResourceRow(ResourceSnapshot s)
    {
        var name = E(s.Name);
        var state = s.State == KnownResourceStates.Exited && s.ExitCode is { } code ? $"{s.State} ({code.ToString(CultureInfo.InvariantCulture)})" : s.State;
        var running = s.State is KnownResourceStates.Running or KnownResourceStates.Starting or KnownResourceStates.Waiting;
        var urls = string.Join(" ", s.Urls.Select(u => u.Url.StartsWith("http", StringComparison.Ordinal)
            ? $"""<a href="{E(u.Url)}" target="_blank" rel="noopener">{E(u.Url)}</a>"""
            : $"<span>{E(u.Url)}</span>"));
        return $"""
            <tr id="resource-{name}" data-resource="{name}" data-state="{E(s.State)}" data-health="{E(s.HealthStatus?.ToString() ?? "")}">
              <td class="name"><a href="/resources/{name}">{name}</a></td>
              <td class="type">{E(s.ResourceType)}</td>
              <td class="state state-{E(s.State)}" title="{E(s.StateMessage ?? "")}">{E(state)}</td>
              <td class="health health-{E(s.HealthStatus?.ToString() ?? "none")}">{E(s.HealthStatus?.ToString() ?? "")}</td>
              <td class="start">{Time(s.StartTime)}</td>
              <td class="urls">{urls}</td>
              <td class="actions">
                <button type="button" data-command="{KnownResourceCommands.StopCommand}" {(running ? "" : "disabled")}>Stop</button>
                <button type="button" data-command="{KnownResourceCommands.StartCommand}" {(running ? "disabled" : "")}>Start</button>
                <button type="button" data-command="{KnownResourceCommands.RestartCommand}">Restart</button>
                <a href="/console/{name}">Console</a>
              </td>
            </tr>
            """;
    }

    public static string ConsolePage(string resourceName, IEnumerable<string> allResources)
    {
        var links = string.Join(" ", allResources.Select(n => n == resourceName
            ? $"<strong>{E(n)}</strong>"
            : $"""<a href="/console/{E(n)}">{E(n)}</a>"""));
        return Layout($"Console — {resourceName}", "console", $"""
            <p class="resource-picker">{links}</p>
            <pre id="console" data-resource="{E(resourceName)}" aria-live="polite"></pre>
            """);
    }

    public static string DetailsPage(ResourceSnapshot s)
    {
        var env = string.Join("", s.EnvironmentVariables.Select(v =>
            $"""<tr><td>{E(v.Name)}</td><td class="{(v.IsMasked ? "masked" : "")}">{E(v.Value)}</td></tr>"""));
        var urls = string.Join("", s.Urls.Select(u => $"<tr><td>{E(u.Name)}</td><td>{E(u.Url)}</td><td>{(u.IsExternal ? "external" : "internal")}</td></tr>"));
        return Layout($"{s.Name} ({s.ResourceType})", "details", $"""
            <table class="facts" id="details">
              <tr><th>State</th><td>{E(s.State)}{(s.StateMessage is null ? "" : $" — {E(s.StateMessage)}")}</td></tr>
              <tr><th>Health</th><td>{E(s.HealthStatus?.ToString() ?? "")}</td></tr>
              <tr><th>Process id</th><td>{s.ProcessId?.ToString(CultureInfo.InvariantCulture) ?? ""}</td></tr>
              <tr><th>Exit code</th><td>{s.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? ""}</td></tr>
              <tr><th>Command</th><td><code>{E(s.Command ?? "")}</code></td></tr>
              <tr><th>Start time</th><td>{Time(s.StartTime)}</td></tr>
              <tr><th>Stop time</th><td>{Time(s.StopTime)}</td></tr>
              <tr><th>Waits for</th><td>{E(string.Join(", ", s.WaitsFor))}</td></tr>
              <tr><th>References</th><td>{E(string.Join(", ", s.References))}</td></tr>
            </table>
            <h3>Endpoints</h3>
            <table id="endpoints"><thead><tr><th>Name</th><th>URL</th><th>Exposure</th></tr></thead><tbody>{urls}</tbody></table>
            <h3>Environment</h3>
            <table id="environment"><thead><tr><th>Name</th><th>Value</th></tr></thead><tbody>{env}</tbody></table>
            <p><a href="/console/{E(s.Name)}">Console</a></p>
            """);
    }

    private static string Layout(string title, string page, string body) => $"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>{E(title)} — WeatherFlick</title>
          <link rel="stylesheet" href="/assets/dashboard.css">
        </head>
        <body data-page="{page}">
          <header><strong>WeatherFlick</strong> <nav><a href="/">Resources</a></nav> <span id="connection" class="connection"></span></header>
          <main>
          <h1>{E(title)}</h1>
          {body}
          </main>
          <script src="/assets/dashboard.js"></script>
        </body>
        </html>
        """;

    private static string Time(DateTime? utc) => utc is { } t
        ? $"""<time datetime="{t:O}">{t.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}</time>"""
        : "";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
