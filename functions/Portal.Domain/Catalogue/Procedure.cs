using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Domain.Catalogue;

/// <summary>One administrative procedure (thủ tục hành chính) of the catalogue, as its data file describes it.</summary>
public sealed record Procedure
{
    /// <summary>National procedure code (mã TTHC), e.g. "1.001193".</summary>
    public required string Code { get; init; }
    /// <summary>Vietnamese name.</summary>
    public required string Name { get; init; }
    /// <summary>English name.</summary>
    public string? NameEn { get; init; }
    /// <summary>Level of government that handles it (cấp tỉnh / cấp huyện / cấp xã).</summary>
    public required AdministrativeLevel Level { get; init; }
    /// <summary>Field id (lĩnh vực), see <see cref="Field"/>.</summary>
    public required string Field { get; init; }
    /// <summary>Code of the agency that handles it (mã định danh cơ quan).</summary>
    public required string AgencyCode { get; init; }
    /// <summary>Processing time (thời hạn giải quyết) as the catalogue states it.</summary>
    public required ProcessingTimeData ProcessingTime { get; init; }
    /// <summary>Fees and charges (phí, lệ phí).</summary>
    public IReadOnlyList<Fee> Fees { get; init; } = [];
    /// <summary>Required documents (thành phần hồ sơ).</summary>
    public IReadOnlyList<RequiredDocument> RequiredDocuments { get; init; } = [];
    /// <summary>Legal basis (căn cứ pháp lý).</summary>
    public IReadOnlyList<string> LegalBasis { get; init; } = [];
    /// <summary>Fully online (toàn trình) or partly online (một phần).</summary>
    public required OnlineMode OnlineMode { get; init; }
    /// <summary>Name of the result document (kết quả giải quyết).</summary>
    public string? ResultName { get; init; }
    /// <summary>Frequently asked questions.</summary>
    public IReadOnlyList<FaqEntry> Faq { get; init; } = [];
    /// <summary>Names of values the catalogue could not confirm from official sources.</summary>
    public IReadOnlyList<string> Unconfirmed { get; init; } = [];
    /// <summary>The e-Form: a JSON Schema 2020-12 document with x-ui annotations.</summary>
    public required JsonElement Form { get; init; }

    /// <summary>Total of all fees in VND.</summary>
    [JsonIgnore]
    public long FeeTotalVnd => Fees.Sum(f => f.AmountVnd);
}

/// <summary>Processing time as written in a catalogue file: value, unit and optional same-day cut-off.</summary>
/// <param name="Value">Number of units.</param>
/// <param name="Unit">workingDays, workingHours or days.</param>
/// <param name="CutOff">"HH:mm": received later counts from the next working day.</param>
public sealed record ProcessingTimeData(decimal Value, string Unit, string? CutOff);

/// <summary>A fee or charge in VND.</summary>
/// <param name="Name">Name of the fee.</param>
/// <param name="AmountVnd">Amount in Vietnamese dong.</param>
/// <param name="Note">Exemptions or conditions.</param>
public sealed record Fee(string Name, long AmountVnd, string? Note);

/// <summary>A document the applicant must attach (thành phần hồ sơ).</summary>
/// <param name="Id">Stable id used as the attachment key ("documents.&lt;id&gt;").</param>
/// <param name="Name">Vietnamese name.</param>
/// <param name="Form">original, copy, certifiedCopy or electronic.</param>
/// <param name="Count">Number of copies.</param>
/// <param name="Mandatory">Whether the dossier is incomplete without it.</param>
/// <param name="Accept">Accepted media types.</param>
/// <param name="MaxSizeMb">Largest accepted file in MiB.</param>
public sealed record RequiredDocument(string Id, string Name, string Form, int Count, bool Mandatory, IReadOnlyList<string> Accept, int MaxSizeMb)
{
    /// <summary>Largest accepted file in bytes.</summary>
    [JsonIgnore]
    public long MaxSizeBytes => MaxSizeMb * 1024L * 1024L;
}

/// <summary>A question and its answer.</summary>
/// <param name="Q">Question.</param>
/// <param name="A">Answer.</param>
public sealed record FaqEntry(string Q, string A);

/// <summary>A field (lĩnh vực) of procedures.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">Vietnamese name.</param>
/// <param name="NameEn">English name.</param>
public sealed record Field(string Id, string Name, string? NameEn);

/// <summary>An agency (cơ quan) that handles procedures.</summary>
/// <param name="Code">National agency code (mã định danh).</param>
/// <param name="Name">Vietnamese name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Level">Level of government.</param>
/// <param name="ParentCode">Parent agency code.</param>
/// <param name="WardCode">For commune-level agencies: the ward/commune they serve.</param>
public sealed record Agency(string Code, string Name, string? NameEn, AdministrativeLevel Level, string? ParentCode, string? WardCode);

/// <summary>Level of government. Since 1 July 2025 local government has two tiers (province, commune);
/// the district level is kept as data because older documents name it.</summary>
public enum AdministrativeLevel
{
    /// <summary>Cấp tỉnh.</summary>
    Province,
    /// <summary>Cấp huyện (abolished 1 July 2025).</summary>
    District,
    /// <summary>Cấp xã.</summary>
    Commune,
}

/// <summary>How much of the procedure can be done online.</summary>
public enum OnlineMode
{
    /// <summary>Dịch vụ công trực tuyến toàn trình: submit, pay and receive online.</summary>
    Full,
    /// <summary>Dịch vụ công trực tuyến một phần: something happens at the counter.</summary>
    Partial,
}
