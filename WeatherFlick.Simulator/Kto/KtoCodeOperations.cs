using System.Globalization;
using WeatherFlick.Simulator.Geography;
using WeatherFlick.Simulator.Kto.Dataset;
using WeatherFlick.Simulator.Responses;

namespace WeatherFlick.Simulator.Kto;

/// <summary>
/// The code lists: areas and districts (legacy), legal-dong regions, and both classification trees. Their
/// <c>rnum</c> is a JSON number, unlike every other item value.
/// </summary>
internal static class KtoCodeOperations
{
    public static KtoRows? AreaCode(KtoRequest request)
    {
        var areaCode = request.Int("areaCode");
        if (request.InvalidParameter is not null)
        {
            return null;
        }
        var rows = areaCode is null
            ? Areas.All.Select(area => (Code: area.Code.ToString(CultureInfo.InvariantCulture), area.Name)).ToList()
            : Areas.Find(areaCode.Value)?.Districts.Select(district => (Code: district.Code.ToString(CultureInfo.InvariantCulture), district.Name)).ToList() ?? [];
        return CodeNameRows(rows);
    }

    public static KtoRows? CategoryCode(KtoRequest request)
    {
        var type = request.Int("contentTypeId");
        var (cat1, cat2, cat3) = (request.Text("cat1"), request.Text("cat2"), request.Text("cat3"));
        if (request.InvalidParameter is not null)
        {
            return null;
        }
        var categories = Categories.All.Where(category => type is null || category.ContentTypeId == type).ToList();
        List<(string Code, string Name)> rows;
        if (cat3 is not null)
        {
            rows = [.. categories.Where(category => category.Cat3 == cat3).Take(1).Select(category => (category.Cat3, category.Name))];
        }
        else if (cat2 is not null)
        {
            rows = [.. categories.Where(category => category.Cat2 == cat2 && (cat1 is null || category.Cat1 == cat1))
                .Select(category => (category.Cat3, category.Name)).Distinct().OrderBy(row => row.Cat3, StringComparer.Ordinal)];
        }
        else if (cat1 is not null)
        {
            rows = [.. categories.Where(category => category.Cat1 == cat1).Select(category => category.Cat2).Distinct()
                .Order(StringComparer.Ordinal).Select(code => (code, Categories.Cat2Names[code]))];
        }
        else
        {
            rows = [.. categories.Select(category => category.Cat1).Distinct().Order(StringComparer.Ordinal)
                .Select(code => (code, Categories.Cat1Names[code]))];
        }
        return CodeNameRows(rows);
    }

    public static KtoRows? LDongCode(KtoRequest request)
    {
        var regn = request.Text("lDongRegnCd");
        var listAll = request.OneOf("lDongListYn", "Y", "N") == "Y";
        if (request.InvalidParameter is not null)
        {
            return null;
        }
        var areas = Areas.All.OrderBy(area => area.LDongCode, StringComparer.Ordinal).Where(area => regn is null || area.LDongCode == regn).ToList();
        if (listAll)
        {
            var districts = areas.SelectMany(area => area.Districts.OrderBy(d => d.LDongCode, StringComparer.Ordinal).Select(district => (area, district))).ToList();
            return KtoRows.Of(districts, static (writer, row, _) =>
            {
                writer.BeginItem();
                writer.Text("lDongRegnCd", row.area.LDongCode);
                writer.Text("lDongRegnNm", row.area.LDongName);
                writer.Text("lDongSignguCd", row.district.LDongCode);
                writer.Text("lDongSignguNm", row.district.Name);
                writer.EndItem();
            });
        }
        var rows = regn is null
            ? areas.Select(area => (area.LDongCode, area.LDongName)).ToList()
            : areas.SelectMany(area => area.Districts).OrderBy(d => d.LDongCode, StringComparer.Ordinal).Select(district => (district.LDongCode, district.Name)).ToList();
        return CodeNameRows(rows);
    }

    public static KtoRows? LclsSystmCode(KtoRequest request)
    {
        var (l1, l2, l3) = (request.Text("lclsSystm1"), request.Text("lclsSystm2"), request.Text("lclsSystm3"));
        var listAll = request.OneOf("lclsSystmListYn", "Y", "N") == "Y";
        if (request.InvalidParameter is not null)
        {
            return null;
        }
        var leaves = Categories.All
            .Where(category => (l1 is null || category.Lcls1 == l1) && (l2 is null || category.Lcls2 == l2) && (l3 is null || category.Lcls3 == l3))
            .Select(category => category.Lcls3).Distinct().Order(StringComparer.Ordinal)
            .Select(code => Categories.All.First(category => category.Lcls3 == code)).ToList();
        if (listAll)
        {
            return KtoRows.Of(leaves, static (writer, category, position) =>
            {
                writer.BeginItem();
                writer.Text("lclsSystm1Cd", category.Lcls1);
                writer.Text("lclsSystm1Nm", Categories.LclsNames[category.Lcls1]);
                writer.Text("lclsSystm2Cd", category.Lcls2);
                writer.Text("lclsSystm2Nm", Categories.LclsNames[category.Lcls2]);
                writer.Text("lclsSystm3Cd", category.Lcls3);
                writer.Text("lclsSystm3Nm", category.Name);
                writer.Number("rnum", position + 1);
                writer.EndItem();
            });
        }
        var codes = l3 is not null ? leaves.Select(category => category.Lcls3)
            : l2 is not null ? leaves.Select(category => category.Lcls3)
            : l1 is not null ? leaves.Select(category => category.Lcls2)
            : leaves.Select(category => category.Lcls1);
        var rows = codes.Distinct().Order(StringComparer.Ordinal).Select(code => (code, Categories.LclsName(code))).ToList();
        return CodeNameRows(rows);
    }

    private static KtoRows CodeNameRows(IReadOnlyList<(string Code, string Name)> rows) =>
        KtoRows.Of(rows, static (writer, row, position) => CodeName(writer, position + 1, row.Code, row.Name));

    private static void CodeName(EnvelopeWriter writer, int rnum, string code, string name)
    {
        writer.BeginItem();
        writer.Number("rnum", rnum);
        writer.Text("code", code);
        writer.Text("name", name);
        writer.EndItem();
    }
}
