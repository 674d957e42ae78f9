using WeatherFlick.Jobs.Collection.Kto;

namespace WeatherFlick.Tests.Collection;

public sealed class KtoItemsTests
{
    private static Dictionary<string, string?> Item() => new()
    {
        ["addr1"] = "서울특별시 중구 세종대로 110", ["addr2"] = "", ["areacode"] = "1", ["cat1"] = "A02", ["cat2"] = "A0201",
        ["cat3"] = "A02010100", ["contentid"] = "126508", ["contenttypeid"] = "12", ["createdtime"] = "20031105090000",
        ["firstimage"] = "http://tong.visitkorea.or.kr/cms/resource/23/2678623_image2_1.jpg", ["firstimage2"] = "",
        ["cpyrhtDivCd"] = "Type3", ["mapx"] = "126.9779692050", ["mapy"] = "37.5662952000", ["mlevel"] = "6",
        ["modifiedtime"] = "20250812143015", ["sigungucode"] = "24", ["tel"] = "", ["title"] = "서울광장",
        ["zipcode"] = "04524", ["lDongRegnCd"] = "11", ["lDongSignguCd"] = "140", ["lclsSystm1"] = "VE", ["lclsSystm2"] = "VE03", ["lclsSystm3"] = "VE030500",
    };

    [Fact]
    public void A_list_item_becomes_a_destination_with_coordinates_grid_and_UTC_times()
    {
        var row = KtoItems.ToDestination(Item(), rawResponseId: 42)!;

        row.ContentId.ShouldBe("126508");
        row.ContentTypeId.ShouldBe(12);
        row.Latitude.ShouldBe(37.5662952);
        row.Longitude.ShouldBe(126.977969205);
        (row.GridNx, row.GridNy).ShouldBe((60, 127));
        row.ModifiedTime.ShouldBe(new DateTimeOffset(2025, 8, 12, 5, 30, 15, TimeSpan.Zero), "KTO times are KST");
        row.Addr2.ShouldBeNull("an empty string is no value");
        row.FirstImage2.ShouldBeNull();
        row.RawResponseId.ShouldBe(42);
    }

    [Fact]
    public void A_numeric_contenttypeid_is_tolerated()
    {
        var item = Item();
        item["contenttypeid"] = "12";
        KtoItems.ToDestination(item, null)!.ContentTypeId.ShouldBe(12);
    }

    [Fact]
    public void Items_without_id_or_title_are_rejected()
    {
        var noId = Item();
        noId.Remove("contentid");
        var blankTitle = Item();
        blankTitle["title"] = " ";

        KtoItems.ToDestination(noId, null).ShouldBeNull();
        KtoItems.ToDestination(blankTitle, null).ShouldBeNull();
    }

    [Fact]
    public void Zero_coordinates_mean_none()
    {
        var item = Item();
        item["mapx"] = "0";
        item["mapy"] = "0";

        var row = KtoItems.ToDestination(item, null)!;

        row.Latitude.ShouldBeNull();
        row.GridNx.ShouldBeNull();
    }
}
