using System.Globalization;
using WeatherFlick.Simulator.Determinism;

namespace WeatherFlick.Simulator.Kto.Dataset;

/// <summary>
/// The per-type details (detailIntro2, detailInfo2, detailImage2) of a destination, as ordered name/value rows.
/// Field names and their order follow the live answers where they have been seen, the documentation elsewhere.
/// </summary>
internal static class DestinationDetails
{
    /// <summary>
    /// detailIntro2's fields after contentid and contenttypeid. Types the reference marks [V] (12, 14, 39) have the
    /// complete set in the order live answers show; the others ([M]) carry at least the manual's fields, in its order,
    /// until a live answer is seen. Restaurants have no <c>seat</c>: the manual names it, but the live answer does not.
    /// </summary>
    public static List<KeyValuePair<string, string>> Intro(in Destination item, DateTimeOffset epoch)
    {
        var random = new SeededRandom(item.Variant ^ 0x1A7A0);
        var tel = DestinationText.Tel(item);
        var hours = random.Pick(new[] { "09:00~18:00", "10:00~19:00", "상시 개방", "09:00~17:00 (입장마감 16:00)" });
        var rest = random.Pick(new[] { "연중무휴", "매주 월요일", "매주 화요일", "설날 및 추석 당일" });
        var parking = random.Pick(new[] { "가능", "불가", "가능 (무료)", "가능 (유료)" });
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string name, string value) => fields.Add(new(name, value));
        // The chk… flags are free text in the real answers, often left empty.
        string BabyCarriage() => random.Pick(new[] { "가능", "불가", "" });
        string Pet() => random.Pick(new[] { "불가", "가능", "" });
        string CreditCard() => random.Pick(new[] { "가능", "없음", "" });
        switch (item.Type.Id)
        {
            case 12:
                Add("heritage1", "0"); Add("heritage2", "0"); Add("heritage3", "0"); Add("infocenter", tel); Add("opendate", "");
                Add("restdate", rest); Add("expguide", ""); Add("expagerange", ""); Add("accomcount", ""); Add("useseason", "");
                Add("usetime", hours); Add("parking", parking); Add("chkbabycarriage", BabyCarriage());
                Add("chkpet", Pet()); Add("chkcreditcard", CreditCard());
                break;
            case 14:
                Add("scale", random.Chance(0.5) ? $"연면적 {random.Next(3, 90)},{random.Next(100, 1000)}㎡" : "");
                Add("usefee", random.Chance(0.4) ? "무료" : $"어른 {random.Next(1, 10)},000원<br>청소년 {random.Next(1, 5)},000원");
                Add("discountinfo", ""); Add("spendtime", $"약 {random.Next(1, 3)}시간");
                Add("parkingfee", random.Pick(new[] { "무료", "최초 30분 1,000원", "" })); Add("infocenterculture", tel);
                Add("accomcountculture", random.Chance(0.5) ? $"{random.Next(1, 20)}00명" : ""); Add("usetimeculture", hours);
                Add("restdateculture", rest); Add("parkingculture", parking); Add("chkbabycarriageculture", BabyCarriage());
                Add("chkpetculture", Pet()); Add("chkcreditcardculture", CreditCard());
                break;
            case 15:
                var (start, end) = DestinationText.EventDates(item, epoch);
                Add("eventstartdate", start.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
                Add("eventenddate", end.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
                Add("playtime", random.Pick(new[] { "10:00~18:00", "18:00~22:00", "10:00~21:00" }));
                Add("eventplace", $"{DestinationText.ShortName(item.District)} 일원"); Add("program", "공연, 체험 프로그램, 먹거리 장터");
                Add("agelimit", "전연령 가능"); Add("bookingplace", ""); Add("usetimefestival", random.Chance(0.6) ? "무료" : $"{random.Next(3, 20)},000원");
                Add("discountinfofestival", ""); Add("spendtimefestival", ""); Add("sponsor1", item.District.Name); Add("sponsor1tel", tel);
                Add("sponsor2", ""); Add("sponsor2tel", ""); Add("subevent", ""); Add("placeinfo", ""); Add("eventhomepage", DestinationText.Homepage(item));
                Add("festivalgrade", "");
                break;
            case 25:
                Add("distance", $"{random.Next(2, 80)}.{random.Next(10)}km"); Add("taketime", random.Pick(new[] { "당일", "1박2일", "2박3일" }));
                Add("schedule", ""); Add("theme", item.Category.Name.Replace("코스", "", StringComparison.Ordinal)); Add("infocentertourcourse", tel);
                break;
            case 28:
                Add("usefeeleports", $"{random.Next(5, 90)},000원"); Add("usetimeleports", hours); Add("restdateleports", rest);
                Add("reservation", tel); Add("openperiod", random.Pick(new[] { "연중", "4월~10월", "12월~2월" })); Add("parkingleports", parking);
                Add("scaleleports", ""); Add("infocenterleports", tel); Add("accomcountleports", "");
                Add("chkbabycarriageleports", BabyCarriage()); Add("chkpetleports", Pet()); Add("chkcreditcardleports", CreditCard());
                break;
            case 32:
                Add("checkintime", random.Pick(new[] { "15:00", "14:00", "16:00" })); Add("checkouttime", random.Pick(new[] { "11:00", "12:00" }));
                Add("roomcount", random.Next(3, 300).ToString(CultureInfo.InvariantCulture)); Add("roomtype", "");
                Add("reservationlodging", tel); Add("reservationurl", ""); Add("chkcooking", random.Pick(new[] { "가능", "불가" }));
                Add("pickup", "불가"); Add("foodplace", ""); Add("parkinglodging", parking); Add("subfacility", ""); Add("infocenterlodging", tel);
                break;
            case 38:
                Add("opentime", hours); Add("restdateshopping", rest);
                Add("saleitem", ""); Add("fairday", item.Category.Cat3 == "A04010100" ? $"{random.Next(1, 6)}, {random.Next(6, 11)}일" : "");
                Add("shopguide", ""); Add("parkingshopping", parking); Add("restroom", "있음"); Add("infocentershopping", tel);
                Add("chkbabycarriageshopping", BabyCarriage()); Add("chkpetshopping", Pet()); Add("chkcreditcardshopping", CreditCard());
                break;
            default:
                var dish = random.Pick(KoreanWords.Dishes);
                Add("kidsfacility", random.Chance(0.2) ? "1" : "0"); Add("firstmenu", dish); Add("treatmenu", $"{dish}, {random.Pick(KoreanWords.Dishes)}");
                Add("smoking", "금연"); Add("packing", random.Pick(new[] { "가능", "불가" })); Add("infocenterfood", tel);
                Add("scalefood", random.Chance(0.5) ? $"{random.Next(10, 120)}석" : ""); Add("parkingfood", parking); Add("opendatefood", "");
                Add("opentimefood", "11:00~21:00"); Add("restdatefood", rest); Add("discountinfofood", ""); Add("chkcreditcardfood", CreditCard());
                Add("reservationfood", random.Pick(new[] { "가능", "불가" })); Add("lcnsno", $"{random.Next(1990, 2024)}{random.Next(100000, 999999)}");
                break;
        }
        return fields;
    }

    /// <summary>detailInfo2 rows for the types other than 25 (course) and 32 (rooms).</summary>
    public static List<(string Name, string Text, string Kind)> Info(in Destination item)
    {
        var random = new SeededRandom(item.Variant ^ 0x1F0);
        var rows = new List<(string, string, string)>
        {
            ("문의 및 안내", DestinationText.Tel(item), "1"),
            ("화장실", random.Pick(new[] { "있음", "없음" }), "1"),
        };
        if (random.Chance(0.5))
        {
            rows.Add(("입장료", random.Chance(0.5) ? "무료" : $"어른 {random.Next(1, 10)},000원", "1"));
        }
        return rows;
    }

    public static List<KeyValuePair<string, string>> Room(in Destination item, int number)
    {
        var random = new SeededRandom(StableHash.Of((long)item.Variant, number, 0x3007));
        var size = random.Next(15, 80);
        var fee = random.Next(4, 40) * 10_000;
        return
        [
            new("roomcode", (item.ContentId * 10L + number).ToString(CultureInfo.InvariantCulture)),
            new("roomtitle", random.Pick(new[] { "스탠다드", "디럭스", "패밀리", "스위트", "온돌" }) + (number > 1 ? $" {number}" : "")),
            new("roomsize1", (size / 3).ToString(CultureInfo.InvariantCulture)), new("roomcount", random.Next(1, 20).ToString(CultureInfo.InvariantCulture)),
            new("roombasecount", "2"), new("roommaxcount", random.Next(2, 6).ToString(CultureInfo.InvariantCulture)),
            new("roomoffseasonminfee1", fee.ToString(CultureInfo.InvariantCulture)), new("roomoffseasonminfee2", (fee + 20_000).ToString(CultureInfo.InvariantCulture)),
            new("roompeakseasonminfee1", (fee + 40_000).ToString(CultureInfo.InvariantCulture)), new("roompeakseasonminfee2", (fee + 60_000).ToString(CultureInfo.InvariantCulture)),
            new("roomintro", "객실 내 금연입니다."), new("roomimg1", item.HasImage ? DestinationText.ImageUrl(item.ImageId + number, small: false) : ""),
            new("roomimg2", ""), new("roomimg3", ""), new("roomimg4", ""), new("roomimg5", ""),
            new("roombathfacility", "Y"), new("roombath", random.Chance(0.5) ? "Y" : ""), new("roomhometheater", ""), new("roomaircondition", "Y"),
            new("roomtv", "Y"), new("roompc", ""), new("roomcable", "Y"), new("roominternet", "Y"), new("roomrefrigerator", "Y"),
            new("roomtoiletries", "Y"), new("roomsofa", random.Chance(0.3) ? "Y" : ""), new("roomcook", random.Chance(0.4) ? "Y" : ""),
            new("roomtable", "Y"), new("roomhairdryer", "Y"), new("roomsize2", size.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    public static int RoomCount(in Destination item) => 1 + (int)(item.Variant % 4);

    /// <summary>Place photos (imageYN=Y) for destinations with an image; menu photos (N) for restaurants only.</summary>
    public static int ImageCount(in Destination item, bool menu) =>
        !item.HasImage ? 0 : menu ? (item.Type.Id == 39 ? (int)(item.Variant >> 8) % 4 : 0) : 1 + (int)((item.Variant >> 4) % 6);
}
