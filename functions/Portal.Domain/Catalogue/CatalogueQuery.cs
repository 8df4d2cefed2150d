namespace Portal.Domain.Catalogue;

/// <summary>A search of the catalogue (tra cứu thủ tục): free text plus filters, paged.</summary>
/// <param name="Text">Words to find, with or without diacritics.</param>
/// <param name="Level">Only this level.</param>
/// <param name="Field">Only this field id.</param>
/// <param name="AgencyCode">Only this agency.</param>
/// <param name="OnlineMode">Only this online mode.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Items per page (1-100).</param>
public sealed record CatalogueQuery(
    string? Text = null,
    AdministrativeLevel? Level = null,
    string? Field = null,
    string? AgencyCode = null,
    OnlineMode? OnlineMode = null,
    int Page = 1,
    int PageSize = 20);

/// <summary>One page of search results.</summary>
/// <param name="Total">Number of matching procedures.</param>
/// <param name="Items">The procedures of this page, best match first.</param>
public sealed record CataloguePage(int Total, IReadOnlyList<Procedure> Items);
