using Portal.Domain.Dossiers;

namespace Portal.Functions.Dossiers;

/// <summary>An attachment as stored: which required document it is for, its blob and its SHA-256.</summary>
public sealed record StoredDocument(string DocumentId, string Name, string FileName, long Size, string ContentType, string Sha256, string Blob);

/// <summary>One entry of a dossier's append-only history (nhật ký hồ sơ).</summary>
public sealed record DossierEvent(int Sequence, string Kind, DateTimeOffset At, string Actor, string Text, string? Data = null);

/// <summary>The current state of a dossier as its partition's "dossier" row holds it.</summary>
public sealed record DossierRecord
{
    /// <summary>Dossier code (mã hồ sơ), also the partition key.</summary>
    public required string Code { get; init; }
    /// <summary>Procedure code.</summary>
    public required string ProcedureCode { get; init; }
    /// <summary>Agency that receives it.</summary>
    public required string AgencyCode { get; init; }
    /// <summary>Current status.</summary>
    public required DossierStatus Status { get; init; }
    /// <summary>Identity-provider subject of the applicant.</summary>
    public required string ApplicantSubject { get; init; }
    /// <summary>Applicant's name as given on the form.</summary>
    public required string ApplicantName { get; init; }
    /// <summary>Applicant's mobile number, normalised; used to look the dossier up without signing in.</summary>
    public required string ApplicantPhone { get; init; }
    /// <summary>When it was submitted.</summary>
    public required DateTimeOffset SubmittedAt { get; init; }
    /// <summary>Appointment date (ngày hẹn trả kết quả).</summary>
    public required DateTimeOffset AppointmentAt { get; init; }
    /// <summary>The e-Form answers, as JSON.</summary>
    public required string FormJson { get; init; }
    /// <summary>Attachments.</summary>
    public required IReadOnlyList<StoredDocument> Documents { get; init; }
    /// <summary>Number of history events; the next event's sequence is <c>Version + 1</c>.</summary>
    public required int Version { get; init; }
    /// <summary>Storage ETag of the row, for If-Match.</summary>
    public string? ETag { get; init; }
}
