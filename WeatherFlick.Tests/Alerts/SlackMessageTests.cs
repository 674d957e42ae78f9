using WeatherFlick.Jobs.Alerts;

namespace WeatherFlick.Tests.Alerts;

public sealed class SlackMessageTests
{
    [Fact]
    public void Markup_characters_are_escaped_and_long_texts_are_cut_to_Slacks_block_limits()
    {
        var alert = new Alert("run-failed:details", new string('T', 200), $"<b>{new string('x', 4000)}</b> & more");

        var message = WebhookAlertSink.Message(alert);

        var text = message["text"]!.GetValue<string>();
        text.ShouldStartWith(alert.Title + ": &lt;b&gt;", customMessage: "Slack reads <, > and & as markup unless escaped");
        text.ShouldEndWith("&lt;/b&gt; &amp; more", customMessage: "the top-level text is whole: Slack allows 40,000 characters there");
        var blocks = message["blocks"]!.AsArray();
        blocks[0]!["text"]!["text"]!.GetValue<string>().Length.ShouldBe(150, "a header holds at most 150 characters");
        var section = blocks[1]!["text"]!["text"]!.GetValue<string>();
        section.Length.ShouldBe(3000, "a section holds at most 3,000 characters");
        section.ShouldEndWith("…", customMessage: "a cut text says it was cut");
        blocks[2]!["elements"]![0]!["text"]!.GetValue<string>().ShouldContain("run-failed:details", customMessage: "the context names the alert key");
    }
}
