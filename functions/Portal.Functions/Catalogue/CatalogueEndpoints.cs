using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Domain.Catalogue;
using Portal.Functions.Infrastructure;
using CatalogueModel = Portal.Domain.Catalogue.Catalogue;

namespace Portal.Functions.Catalogue;

/// <summary>Catalogue and address look-ups (public, no sign-in).</summary>
public static class CatalogueEndpoints
{
    /// <summary>Registers the catalogue and the address book, loaded once at start.</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services) => services
        .AddSingleton(_ => CatalogueLoader.Load(DataFiles.PathOf("catalogue")))
        .AddSingleton(_ => new AddressBook(DataFiles.PathOf("address")));

    /// <summary>Maps the catalogue endpoints.</summary>
    public static void MapCatalogueEndpoints(this IEndpointRouteBuilder app)
    {
        var catalogue = app.MapGroup("/api/catalogue").WithTags("Catalogue");
        catalogue.MapGet("/procedures", Search).WithName("SearchProcedures");
        catalogue.MapGet("/procedures/{code}", GetProcedure).WithName("GetProcedure");
        catalogue.MapGet("/facets", Facets).WithName("CatalogueFacets");
        var address = app.MapGroup("/api/address").WithTags("Address");
        address.MapGet("/provinces", (AddressBook book) => TypedResults.Ok(book.Provinces)).WithName("ListProvinces");
        address.MapGet("/provinces/{code}/wards", Wards).WithName("ListWards");
    }

    /// <summary>Searches procedures (accent-insensitive) with filters.</summary>
    public static Ok<ProcedurePage> Search(CatalogueModel catalogue, string? q, string? level, string? field, string? agency,
        string? onlineMode, int? page, int? pageSize)
    {
        var query = new CatalogueQuery(q,
            ParseEnum<AdministrativeLevel>(level, "level"),
            string.IsNullOrWhiteSpace(field) ? null : field,
            string.IsNullOrWhiteSpace(agency) ? null : agency,
            ParseEnum<OnlineMode>(onlineMode, "onlineMode"),
            page ?? 1,
            pageSize ?? 20);
        var result = catalogue.Search(query);
        return TypedResults.Ok(new ProcedurePage(result.Total, result.Items.Select(p => ProcedureSummary.From(p, catalogue)).ToList()));
    }

    /// <summary>One procedure with everything a citizen needs before applying, including its e-Form.</summary>
    public static Ok<ProcedureDetail> GetProcedure(CatalogueModel catalogue, string code) =>
        catalogue.Find(code) is { } p
            ? TypedResults.Ok(ProcedureDetail.From(p, catalogue))
            : throw ProblemException.NotFound($"Không có thủ tục mã '{code}' trong danh mục.");

    /// <summary>The values the filters offer.</summary>
    public static Ok<CatalogueFacets> Facets(CatalogueModel catalogue) => TypedResults.Ok(new CatalogueFacets(
        [new("province", "Cấp tỉnh"), new("commune", "Cấp xã")],
        catalogue.Fields.Where(f => catalogue.Procedures.Any(p => p.Field == f.Id)).OrderBy(f => f.Name).Select(f => new Facet(f.Id, f.Name)).ToList(),
        catalogue.Agencies.Where(a => catalogue.Procedures.Any(p => p.AgencyCode == a.Code)).OrderBy(a => a.Name).Select(a => new Facet(a.Code, a.Name)).ToList(),
        [new("full", "Toàn trình"), new("partial", "Một phần")]));

    private static Ok<IReadOnlyList<Ward>> Wards(AddressBook book, string code) =>
        book.WardsOf(code) is { } wards
            ? TypedResults.Ok(wards)
            : throw ProblemException.NotFound($"Chưa có danh sách xã/phường của tỉnh/thành mã '{code}'.");

    private static T? ParseEnum<T>(string? value, string name) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(value) ? null
        : Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw ProblemException.Invalid(name, $"Giá trị '{value}' không hợp lệ; dùng một trong: {string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.");
}
