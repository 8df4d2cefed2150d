using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;

namespace Portal.Functions.Dossiers;

/// <summary>An attachment as stored: which required document it is for, its blob and its SHA-256.</summary>
public sealed record StoredDocument(string DocumentId, string Name, string FileName, long Size, string ContentType, string Sha256, string Blob);

/// <summary>One entry of a dossier's append-only history (nhật ký hồ sơ) as stored: the lifecycle event and its wording.</summary>
/// <param name="Sequence">1-based position in the history.</param>
/// <param name="Event">The lifecycle event.</param>
/// <param name="Text">Vietnamese wording for timelines and the dossier log.</param>
public sealed record DossierEvent(int Sequence, LifecycleEvent Event, string Text);

/// <summary>A dossier as its partition's "dossier" row holds it: what was submitted, and its lifecycle state.</summary>
public sealed record DossierRecord
{
    /// <summary>Dossier code (mã hồ sơ), also the partition key.</summary>
    public required string Code { get; init; }
    /// <summary>Procedure code.</summary>
    public required string ProcedureCode { get; init; }
    /// <summary>Agency that receives it.</summary>
    public required string AgencyCode { get; init; }
    /// <summary>Identity-provider subject of the applicant.</summary>
    public required string ApplicantSubject { get; init; }
    /// <summary>Applicant's name as given on the form.</summary>
    public required string ApplicantName { get; init; }
    /// <summary>Applicant's mobile number, normalised; used to look the dossier up without signing in.</summary>
    public required string ApplicantPhone { get; init; }
    /// <summary>The e-Form answers, as JSON.</summary>
    public required string FormJson { get; init; }
    /// <summary>Attachments (submitted and supplemented).</summary>
    public required IReadOnlyList<StoredDocument> Documents { get; init; }
    /// <summary>The lifecycle state folded from the history.</summary>
    public required DossierState Lifecycle { get; init; }
    /// <summary>Storage ETag of the row, for If-Match.</summary>
    public Azure.ETag? ETag { get; init; }

    /// <summary>Current status.</summary>
    public DossierStatus Status => Lifecycle.Status;
    /// <summary>When it was submitted.</summary>
    public DateTimeOffset SubmittedAt => Lifecycle.SubmittedAt;
    /// <summary>The appointment date: the real one once received, the provisional one before.</summary>
    public DateTimeOffset AppointmentAt => Lifecycle.AppointmentAt ?? Lifecycle.ProvisionalAppointmentAt ?? Lifecycle.SubmittedAt;
}
