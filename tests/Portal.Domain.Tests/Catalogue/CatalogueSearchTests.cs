using System.Text.Json;
using Portal.Domain.Catalogue;
using CatalogueModel = Portal.Domain.Catalogue.Catalogue;

namespace Portal.Domain.Tests.Catalogue;

public class CatalogueSearchTests
{
    private static readonly JsonElement EmptyForm = JsonDocument.Parse("{}").RootElement;

    private static Procedure P(string code, string name, AdministrativeLevel level = AdministrativeLevel.Commune, string field = "ho-tich",
        OnlineMode mode = OnlineMode.Full, string agency = "A1") => new()
    {
        Code = code, Name = name, Level = level, Field = field, AgencyCode = agency, OnlineMode = mode,
        ProcessingTime = new ProcessingTimeData(3, "workingDays", null), Form = EmptyForm,
    };

    private static readonly CatalogueModel Catalogue = new(
        [
            P("1.001193", "Đăng ký khai sinh"),
            P("1.000894", "Đăng ký kết hôn"),
            P("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", field: "chung-thuc", mode: OnlineMode.Partial),
            P("1.009994", "Cấp giấy phép xây dựng mới", AdministrativeLevel.Province, "xay-dung", agency: "A2"),
            P("1.000001", "Đăng ký khai sinh kết hợp nhận cha, mẹ, con"),
        ],
        [new Field("ho-tich", "Hộ tịch", null), new Field("chung-thuc", "Chứng thực", null), new Field("xay-dung", "Xây dựng", null)],
        [new Agency("A1", "UBND phường Tân An", null, AdministrativeLevel.Commune, null, "27712"),
         new Agency("A2", "Sở Xây dựng", null, AdministrativeLevel.Province, null, null)]);

    [Theory]
    [InlineData("khai sinh")]
    [InlineData("Khai sinh")]
    [InlineData("KHAI SINH")]
    [InlineData("khai  sinh")]
    [InlineData("đăng ký khai sinh")]
    [InlineData("dang ky khai sinh")]
    public void Search_WithOrWithoutDiacritics_FindsBirthRegistration(string text)
    {
        var page = Catalogue.Search(new CatalogueQuery(text));
        Assert.Contains(page.Items, p => p.Code == "1.001193");
        Assert.DoesNotContain(page.Items, p => p.Code == "1.000894");
    }

    [Fact]
    public void Search_RanksExactPhraseInNameFirst()
    {
        var page = Catalogue.Search(new CatalogueQuery("dang ky khai sinh"));
        Assert.Equal(["1.001193", "1.000001"], page.Items.Select(p => p.Code).ToArray());
    }

    [Fact]
    public void Search_RanksByWhereTheWordsComeInTheName_IgnoringALeadingThuTuc()
    {
        var catalogue = new CatalogueModel(
            [
                P("2.000635", "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh"),
                P("2.000986", "Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi"),
                P("1.001193", "Thủ tục đăng ký khai sinh"),
            ],
            [new Field("ho-tich", "Hộ tịch", null)],
            [new Agency("A1", "UBND phường Tân An", null, AdministrativeLevel.Commune, null, "27712")]);

        var codes = catalogue.Search(new CatalogueQuery("khai sinh")).Items.Select(p => p.Code).ToArray();

        Assert.Equal(["1.001193", "2.000986", "2.000635"], codes);
    }

    [Fact]
    public void Search_MatchesFieldAndAgencyNames() =>
        Assert.Equal(["2.000815"], Catalogue.Search(new CatalogueQuery("chung thuc")).Items.Select(p => p.Code).ToArray());

    [Fact]
    public void Search_ByProcedureCode_FindsIt() =>
        Assert.Equal("1.009994", Assert.Single(Catalogue.Search(new CatalogueQuery("1.009994")).Items).Code);

    [Fact]
    public void Search_FiltersCombineWithText()
    {
        Assert.Equal(["1.009994"], Catalogue.Search(new CatalogueQuery(Level: AdministrativeLevel.Province)).Items.Select(p => p.Code).ToArray());
        Assert.Equal(["2.000815"], Catalogue.Search(new CatalogueQuery(OnlineMode: OnlineMode.Partial)).Items.Select(p => p.Code).ToArray());
        Assert.Empty(Catalogue.Search(new CatalogueQuery("khai sinh", Field: "xay-dung")).Items);
        Assert.Equal(4, Catalogue.Search(new CatalogueQuery(AgencyCode: "A1")).Total);
    }

    [Fact]
    public void Search_PagesResultsAndReportsTotal()
    {
        var page = Catalogue.Search(new CatalogueQuery(Page: 2, PageSize: 2));
        Assert.Equal(5, page.Total);
        Assert.Equal(2, page.Items.Count);
    }

    [Fact]
    public void Catalogue_RefusesProcedureWithUnknownAgency()
    {
        var error = Assert.Throws<ArgumentException>(() => new CatalogueModel([P("9.9", "X", agency: "nope")], [new Field("ho-tich", "Hộ tịch", null)], []));
        Assert.Contains("nope", error.Message);
    }
}
