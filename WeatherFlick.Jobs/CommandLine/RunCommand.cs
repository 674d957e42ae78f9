using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using WeatherFlick.Jobs.Catalog;

namespace WeatherFlick.Jobs.CommandLine;

/// <summary>
/// <c>run &lt;job&gt;</c>: runs one job in the foreground with a live progress bar and a summary of its counts.
/// Exit codes: 0 succeeded, 3 waiting for quota (resumable: run it again after the time shown), 4 already running
/// elsewhere, 1 failed, 2 unknown job.
/// </summary>
internal static class RunCommand
{
    public static Command Create(IServiceProvider services, Func<CancellationToken, Task> migrate)
    {
        var name = new Argument<string>("job") { Description = "The job's name (see 'list')" };
        var plain = new Option<bool>("--plain") { Description = "Progress as log lines instead of a live bar (for logs and CI)" };
        var command = new Command("run", "Run one job now, in the foreground.") { name, plain };
        command.SetAction(async (result, cancellationToken) =>
        {
            var catalog = services.GetRequiredService<JobCatalog>();
            var job = catalog.Find(result.GetRequiredValue(name));
            if (job is null)
            {
                Console.Error.WriteLine($"No job named '{result.GetRequiredValue(name)}'. Known: {string.Join(", ", services.GetRequiredService<JobCatalog>().All.Select(j => j.Name).Order())}.");
                return 2;
            }
            await migrate(cancellationToken).ConfigureAwait(false);

            JobResult outcome;
            if (result.GetValue(plain) || !AnsiConsole.Profile.Capabilities.Interactive)
            {
                var last = DateTime.MinValue;
                var progress = new Progress<JobProgress>(p =>
                {
                    if (DateTime.UtcNow - last > TimeSpan.FromSeconds(1))
                    {
                        last = DateTime.UtcNow;
                        Console.WriteLine(Describe(p));
                    }
                });
                outcome = await catalog.RunAsync(job, new JobContext("command line", progress), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                outcome = await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask(job.Name, maxValue: 1);
                        var progress = new Progress<JobProgress>(p =>
                        {
                            task.MaxValue = Math.Max(1, p.PagesExpected ?? p.PartitionsTotal);
                            task.Value = p.PagesExpected is null ? p.PartitionsDone : p.PagesDone;
                            task.Description = Markup.Escape(Describe(p));
                        });
                        return await catalog.RunAsync(job, new JobContext("command line", progress), cancellationToken).ConfigureAwait(false);
                    }).ConfigureAwait(false);
            }

            var summary = new Table().AddColumns("count", "value");
            foreach (var (key, value) in outcome.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                summary.AddRow(key, value.ToString("N0", CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(summary);
            Console.WriteLine($"{job.Name}: {outcome.Status}{(outcome.RunId is { } id ? $" (run {id})" : "")}{(outcome.ResumeAt is { } at ? $", resumes at {at:u}" : "")}{(outcome.Error is { } e ? $": {e}" : "")}");
            return outcome.Status switch
            {
                JobResult.Succeeded => 0,
                JobResult.WaitingForQuota => 3,
                JobResult.AlreadyRunning => 4,
                _ => 1,
            };
        });
        return command;
    }

    private static string Describe(JobProgress p) =>
        $"{p.Job}: partitions {p.PartitionsDone}/{p.PartitionsTotal}, pages {p.PagesDone}{(p.PagesExpected is { } e ? $"/{e}" : "")}, items {p.Items:N0}{(p.Current is { } c ? $" ({c})" : "")}";
}
