using System.Text.Json;
using Portal.Domain.Catalogue;
using CatalogueModel = Portal.Domain.Catalogue.Catalogue;

namespace Portal.Functions.Catalogue;

/// <summary>A page of search results.</summary>
public sealed record ProcedurePage(int Total, IReadOnlyList<ProcedureSummary> Items);

/// <summary>An id and its Vietnamese name, for filters.</summary>
public sealed record Facet(string Id, string Name);

/// <summary>The values each catalogue filter offers.</summary>
public sealed record CatalogueFacets(IReadOnlyList<Facet> Levels, IReadOnlyList<Facet> Fields, IReadOnlyList<Facet> Agencies, IReadOnlyList<Facet> OnlineModes);

/// <summary>A field reference.</summary>
public sealed record FieldRef(string Id, string Name);

/// <summary>An agency reference.</summary>
public sealed record AgencyRef(string Code, string Name);

/// <summary>Processing time with its Vietnamese wording.</summary>
public sealed record ProcessingTimeView(decimal Value, string Unit, string? CutOff, string Text);

/// <summary>A procedure in a result list.</summary>
public sealed record ProcedureSummary(string Code, string Name, string? NameEn, AdministrativeLevel Level, FieldRef Field, AgencyRef Agency,
    ProcessingTimeView ProcessingTime, long FeeTotalVnd, OnlineMode OnlineMode)
{
    /// <summary>Projects a procedure.</summary>
    public static ProcedureSummary From(Procedure p, CatalogueModel c) => new(p.Code, p.Name, p.NameEn, p.Level,
        new FieldRef(p.Field, c.FieldOf(p).Name), new AgencyRef(p.AgencyCode, c.AgencyOf(p).Name),
        ProcessingTimes.View(p.ProcessingTime), p.FeeTotalVnd, p.OnlineMode);
}

/// <summary>Everything about one procedure, including its e-Form schema.</summary>
public sealed record ProcedureDetail(string Code, string Name, string? NameEn, AdministrativeLevel Level, FieldRef Field, AgencyRef Agency,
    ProcessingTimeView ProcessingTime, IReadOnlyList<Fee> Fees, long FeeTotalVnd, IReadOnlyList<RequiredDocument> RequiredDocuments,
    IReadOnlyList<string> LegalBasis, OnlineMode OnlineMode, string? ResultName, IReadOnlyList<FaqEntry> Faq,
    IReadOnlyList<string> Unconfirmed, JsonElement Form)
{
    /// <summary>Projects a procedure.</summary>
    public static ProcedureDetail From(Procedure p, CatalogueModel c) => new(p.Code, p.Name, p.NameEn, p.Level,
        new FieldRef(p.Field, c.FieldOf(p).Name), new AgencyRef(p.AgencyCode, c.AgencyOf(p).Name),
        ProcessingTimes.View(p.ProcessingTime), p.Fees, p.FeeTotalVnd, p.RequiredDocuments, p.LegalBasis, p.OnlineMode, p.ResultName,
        p.Faq, p.Unconfirmed, p.Form);
}
