using System.Text.Json;

namespace WeatherFlick.Tests.Simulator;

/// <summary>
/// detailIntro2 and detailImage2 against the reference's field lists (public-data-apis.md §2.4), copied here by hand
/// rather than read from the simulator, so that a mistake in the simulator's table cannot also be the expectation.
/// </summary>
public sealed class KtoDetailFieldTests(SimulatorFixture fixture) : SimulatorTests<SimulatorFixture>(fixture)
{
    /// <summary>[V]: the complete field set after contentid and contenttypeid, in the order live answers have it.</summary>
    private static readonly Dictionary<int, string[]> LiveFields = new()
    {
        [12] =
        [
            "heritage1", "heritage2", "heritage3", "infocenter", "opendate", "restdate", "expguide", "expagerange", "accomcount",
            "useseason", "usetime", "parking", "chkbabycarriage", "chkpet", "chkcreditcard",
        ],
        [14] =
        [
            "scale", "usefee", "discountinfo", "spendtime", "parkingfee", "infocenterculture", "accomcountculture", "usetimeculture",
            "restdateculture", "parkingculture", "chkbabycarriageculture", "chkpetculture", "chkcreditcardculture",
        ],
        [39] =
        [
            "kidsfacility", "firstmenu", "treatmenu", "smoking", "packing", "infocenterfood", "scalefood", "parkingfood", "opendatefood",
            "opentimefood", "restdatefood", "discountinfofood", "chkcreditcardfood", "reservationfood", "lcnsno",
        ],
    };

    /// <summary>[M]: the manual's fields, incomplete and in no known order; an answer has at least these.</summary>
    private static readonly Dictionary<int, string[]> ManualFields = new()
    {
        [15] =
        [
            "eventstartdate", "eventenddate", "playtime", "eventplace", "program", "agelimit", "bookingplace", "usetimefestival",
            "discountinfofestival", "spendtimefestival", "sponsor1", "sponsor1tel", "sponsor2", "sponsor2tel", "subevent", "placeinfo",
            "eventhomepage", "festivalgrade",
        ],
        [25] = ["distance", "taketime", "schedule", "theme", "infocentertourcourse"],
        [28] =
        [
            "usefeeleports", "usetimeleports", "restdateleports", "reservation", "openperiod", "parkingleports", "scaleleports",
            "infocenterleports", "accomcountleports", "chkbabycarriageleports", "chkpetleports", "chkcreditcardleports",
        ],
        [32] =
        [
            "checkintime", "checkouttime", "roomcount", "roomtype", "reservationlodging", "reservationurl", "chkcooking", "pickup",
            "foodplace", "parkinglodging", "subfacility", "infocenterlodging",
        ],
        [38] =
        [
            "opentime", "restdateshopping", "saleitem", "fairday", "shopguide", "parkingshopping", "restroom", "infocentershopping",
            "chkbabycarriageshopping", "chkpetshopping", "chkcreditcardshopping",
        ],
    };

    private static readonly string[] ImageFields = ["contentid", "originimgurl", "imgname", "smallimageurl", "cpyrhtDivCd", "serialnum"];

    [Theory]
    [InlineData(12)]
    [InlineData(14)]
    [InlineData(39)]
    public async Task Types_seen_live_answer_exactly_the_live_fields_in_the_live_order(int type)
    {
        foreach (var (id, intro) in await IntrosAsync(type))
        {
            SimResponse.Names(intro).ShouldBe(["contentid", "contenttypeid", .. LiveFields[type]],
                $"type {type} ({id}): the complete field set of the live answers, in their order");
        }
    }

    [Theory]
    [InlineData(15)]
    [InlineData(25)]
    [InlineData(28)]
    [InlineData(32)]
    [InlineData(38)]
    public async Task Types_known_from_the_manual_answer_at_least_the_manuals_fields(int type)
    {
        foreach (var (id, intro) in await IntrosAsync(type))
        {
            var names = SimResponse.Names(intro);
            names.Take(2).ShouldBe(["contentid", "contenttypeid"], $"type {type} ({id}): every intro starts with the ids");
            ManualFields[type].Except(names).ShouldBeEmpty($"type {type} ({id}): fields of the manual missing from the answer");
            names.Distinct().Count().ShouldBe(names.Length, $"type {type} ({id}): no field may appear twice");
        }
    }

    [Theory]
    [InlineData(12)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(25)]
    [InlineData(28)]
    [InlineData(32)]
    [InlineData(38)]
    [InlineData(39)]
    public async Task Intro_values_are_strings_and_empty_where_a_destination_has_nothing(int type)
    {
        foreach (var (id, intro) in await IntrosAsync(type))
        {
            var values = intro.EnumerateObject().ToList();
            values.Where(v => v.Value.ValueKind != JsonValueKind.String).Select(v => v.Name)
                .ShouldBeEmpty($"type {type} ({id}): every intro value is a string, never a number or null");
            values.ShouldContain(v => v.Value.GetString() == "", $"type {type} ({id}): a field with nothing to say is an empty string, not left out");
            intro.GetProperty("contenttypeid").GetString().ShouldBe(type.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"type {type} ({id}): the intro answers for the type asked");
        }
    }

    [Fact]
    public async Task Image_items_have_the_reference_fields_in_order_for_place_and_menu_photos()
    {
        var withImages = (await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=10&arrange=O")).Items.Select(Id).ToList();
        var restaurants = (await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=20&arrange=O&contentTypeId=39")).Items.Select(Id).ToList();
        var photos = new List<(string Query, JsonElement Item)>();
        foreach (var query in withImages.Select(id => $"contentId={id}&imageYN=Y").Concat(restaurants.Select(id => $"contentId={id}&imageYN=N")))
        {
            photos.AddRange((await Api.KtoAsync("detailImage2", "_type=json&" + query)).Items.Select(item => (query, item)));
        }

        photos.ShouldContain(p => p.Query.EndsWith("imageYN=N", StringComparison.Ordinal), "some restaurant must have menu photos, or half of this proves nothing");
        foreach (var (query, item) in photos)
        {
            SimResponse.Names(item).ShouldBe(ImageFields, $"detailImage2 {query}: the reference's fields in its order");
        }
    }

    /// <summary>detailIntro2 of the first ten listed destinations of <paramref name="type"/>.</summary>
    private async Task<List<(string Id, JsonElement Intro)>> IntrosAsync(int type)
    {
        var ids = (await Api.KtoAsync("areaBasedList2", $"_type=json&numOfRows=10&contentTypeId={type}")).Items.Select(Id).ToList();
        ids.ShouldNotBeEmpty($"the catalogue must list destinations of type {type}");
        var intros = new List<(string, JsonElement)>();
        foreach (var id in ids)
        {
            var response = await Api.KtoAsync("detailIntro2", $"_type=json&contentId={id}&contentTypeId={type}");
            intros.Add((id, response.Items.ShouldHaveSingleItem($"detailIntro2 of {id} answers one item: {response.Body}")));
        }
        return intros;
    }

    private static string Id(JsonElement item) => item.GetProperty("contentid").GetString()!;
}
