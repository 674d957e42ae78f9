using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeatherFlick.Data.Details;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Jobs.Collection.Kto;

namespace WeatherFlick.Jobs.Details;

/// <summary>
/// Fetches one destination's details: detailCommon2 (contentId only: KorService2 answers error 10 to anything more),
/// detailIntro2 (contentId and contentTypeId, both required) and detailImage2 (imageYN=Y, the place photos). The
/// intro is asked with the content type detailCommon2 reports, so a type that changed upstream since the last
/// catalog sync does not come back empty. The services sometimes answer NO_DATA for content they have, so an empty
/// answer where content is certain (common and intro always; images when the list showed a first image) is asked
/// once more; common or intro empty twice is a "no data" failure; images empty twice are stored as none and the
/// empty answer is recorded, so the photos are asked for again later.
/// </summary>
public sealed class DetailFetcher([FromKeyedServices("kto")] UpstreamGateway kto, IOptions<DetailsOptions> options)
{
    public const string Common = "detailCommon2";
    public const string Intro = "detailIntro2";
    public const string Image = "detailImage2";

    public static readonly IReadOnlyList<string> Operations = [Common, Intro, Image];

    // jsonb keeps the text, not the escapes: Korean stays readable in psql and the COPY stays small.
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Fetches the three answers; the caller has already taken one call of each operation from <paramref name="budget"/>.</summary>
    public async Task<DetailFetch> FetchAsync(DetailCandidate candidate, QuotaBudget budget, CancellationToken cancellationToken)
    {
        var common = await AskAsync(Common, [("contentId", candidate.ContentId)], confirmEmpty: true, budget, cancellationToken).ConfigureAwait(false);
        if (common.Stop is { } stopCommon)
        {
            return stopCommon;
        }
        if (common.Items.Count == 0)
        {
            return NoData(Common, common.Result);
        }
        var item = common.Items.FirstOrDefault(i => KtoItems.Text(i, "contentid") == candidate.ContentId) ?? common.Items[0];
        var contentType = KtoItems.Int(item, "contenttypeid") ?? candidate.ContentTypeId;

        var intro = await AskAsync(Intro, [("contentId", candidate.ContentId), ("contentTypeId", contentType)], confirmEmpty: true, budget, cancellationToken).ConfigureAwait(false);
        if (intro.Stop is { } stopIntro)
        {
            return stopIntro;
        }
        if (intro.Items.Count == 0)
        {
            return NoData(Intro, intro.Result);
        }
        var images = await AskAsync(Image, [("contentId", candidate.ContentId), ("imageYN", "Y")], confirmEmpty: candidate.HasImage, budget, cancellationToken).ConfigureAwait(false);
        if (images.Stop is { } stopImages)
        {
            return stopImages;
        }

        var introItem = intro.Items[0];
        var fields = IntroFields.For(contentType);
        string? Field(string? name) => name is null ? null : KtoItems.Text(introItem, name);
        return new DetailFetch.Fetched(new DestinationDetailRow(
            candidate.ContentId,
            KtoItems.Text(item, "overview"),
            KtoItems.Text(item, "homepage"),
            KtoItems.Text(item, "telname"),
            // The whole item, fields no table here names included: most types' field lists come from an incomplete manual.
            JsonSerializer.Serialize(introItem, s_json),
            Field(fields.UseTime),
            Field(fields.RestDate),
            Field(fields.Parking),
            Field(fields.InfoCenter),
            JsonSerializer.Serialize(images.Items, s_json),
            candidate.ModifiedTime,
            [.. new[] { common.Result.RawResponseId, intro.Result.RawResponseId, images.Result.RawResponseId }.OfType<long>()]),
            candidate.HasImage && images.Items.Count == 0 ? NoData(Image, images.Result) : null);
    }

    private static DetailFetch.Failed NoData(string operation, GatewayResult result)
    {
        var noData = (UpstreamOutcome.NoData)result.Outcome!;
        return new DetailFetch.Failed(operation, noData.Name, noData.Code, noData.Message, result.RawResponseId);
    }

    /// <summary>One operation's answer: its items (none for an empty answer), or why the destination cannot go on.</summary>
    private sealed record Answer(GatewayResult Result, IReadOnlyList<IReadOnlyDictionary<string, string?>> Items, DetailFetch? Stop);

    private async Task<Answer> AskAsync(string operation, (string Name, object Value)[] parameters, bool confirmEmpty, QuotaBudget budget, CancellationToken cancellationToken)
    {
        var result = await CallAsync(operation, parameters, budget, cancellationToken).ConfigureAwait(false);
        if (confirmEmpty && result.Outcome is UpstreamOutcome.NoData)
        {
            if (!budget.TryTake(operation))
            {
                return new Answer(result, [], new DetailFetch.OutOfBudget(operation));
            }
            result = await CallAsync(operation, parameters, budget, cancellationToken).ConfigureAwait(false);
        }
        if (result.WaitingForQuota)
        {
            return new Answer(result, [], new DetailFetch.WaitingForQuota(result.ResumeAt!.Value));
        }
        return result.Outcome switch
        {
            UpstreamOutcome.Data data => new Answer(result, data.Page.Items, null),
            UpstreamOutcome.NoData => new Answer(result, [], null),
            UpstreamOutcome.InvalidRequest invalid => new Answer(result, [], new DetailFetch.Failed(operation, invalid.Name, invalid.Code, invalid.Message, result.RawResponseId)),
            UpstreamOutcome.Transient transient => new Answer(result, [], new DetailFetch.Transient(operation, transient.Reason)),
            { } other => new Answer(result, [], new DetailFetch.Transient(operation, $"upstream answered {other.Name}")),
            null => new Answer(result, [], new DetailFetch.Transient(operation, "no answer")),
        };
    }

    private async Task<GatewayResult> CallAsync(string operation, (string Name, object Value)[] parameters, QuotaBudget budget, CancellationToken cancellationToken)
    {
        var result = await kto.CallAsync(operation, KtoRequest.With(options.Value.MobileApp, parameters), cancellationToken).ConfigureAwait(false);
        // A quota wait is decided before its attempt leaves; a cached answer never left.
        budget.Settle(operation, result.WaitingForQuota ? result.Attempts - 1 : result.FromCache ? 0 : result.Attempts);
        return result;
    }
}
