using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using WeatherFlick.Jobs.Catalog;

namespace WeatherFlick.Jobs.CommandLine;

/// <summary><c>list</c>: the jobs this server can run, with what each does.</summary>
internal static class ListCommand
{
    public static Command Create(IServiceProvider services)
    {
        var command = new Command("list", "List the jobs this server can run.");
        command.SetAction(_ =>
        {
            var table = new Table().AddColumns("job", "what it does");
            foreach (var job in services.GetRequiredService<JobCatalog>().All.OrderBy(j => j.Name, StringComparer.Ordinal))
            {
                table.AddRow(Markup.Escape(job.Name), Markup.Escape(job.Description));
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
