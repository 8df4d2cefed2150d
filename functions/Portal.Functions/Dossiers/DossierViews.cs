using System.Text.Json;
using Portal.Domain.Dossiers;

namespace Portal.Functions.Dossiers;

/// <summary>A dossier in the citizen's list.</summary>
public sealed record DossierSummary(string Code, string ProcedureCode, string ProcedureName, DossierStatus Status, string StatusText,
    DateTimeOffset SubmittedAt, DateTimeOffset AppointmentDate);

/// <summary>A page of the citizen's list; <paramref name="Next"/> fetches the following page (null on the last).</summary>
public sealed record DossierSummaryPage(IReadOnlyList<DossierSummary> Items, string? Next);

/// <summary>A procedure reference.</summary>
public sealed record ProcedureRef(string Code, string Name);

/// <summary>An agency reference.</summary>
public sealed record AgencyView(string Code, string Name);

/// <summary>One line of the timeline shown to the citizen.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Text);

/// <summary>An attachment as the citizen sees it.</summary>
public sealed record DocumentView(string DocumentId, string Name, string FileName, long Size, string ContentType, string Sha256);

/// <summary>An open request to supplement the dossier.</summary>
public sealed record SupplementRequestView(IReadOnlyList<string> Missing, DateTimeOffset? DueAt, string? Reason);

/// <summary>The issued result and where to download it.</summary>
public sealed record ResultView(string Sha256, string DownloadUrl);

/// <summary>Everything the tracking page and the slips show.</summary>
/// <remarks><see cref="AppointmentNote"/> says what the appointment date means now (<see cref="AppointmentWording"/>);
/// <see cref="CanWithdraw"/> whether the applicant may withdraw now (the lifecycle table); <see cref="RequestedReturnChannel"/>
/// how the applicant asked to receive the result on the e-Form (null when the form does not ask).</remarks>
public sealed record DossierView(string Code, ProcedureRef Procedure, AgencyView Agency, DossierStatus Status, string StatusText, int NationalStatusCode,
    DateTimeOffset SubmittedAt, DateTimeOffset AppointmentDate, bool AppointmentProvisional, string ApplicantName, IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<DocumentView> Documents, JsonElement Form, SupplementRequestView? Supplement, ResultView? Result, string? LastReason,
    LocalizedText? AppointmentNote, bool CanWithdraw, Portal.Domain.Lifecycle.ReturnChannel? RequestedReturnChannel);

/// <summary>A look-up by dossier code and the applicant's phone number (in the body, so it never lands in a URL).</summary>
public sealed record TrackRequest(string? Code, string? Phone);

/// <summary>One step of the public timeline: when and what kind, in fixed wording (no officer's free text).</summary>
public sealed record PublicTimelineEntry(DateTimeOffset At, string Kind, string Text);

/// <summary>
/// What anyone holding the dossier code and the applicant's phone number sees: status, dates and timeline only.
/// Never the form's answers, names, identity numbers, addresses, attachments, reasons or the result file
/// (those need the applicant's sign-in).
/// </summary>
public sealed record PublicDossierView(string Code, ProcedureRef Procedure, AgencyView Agency, DossierStatus Status, string StatusText,
    int NationalStatusCode, DateTimeOffset SubmittedAt, DateTimeOffset AppointmentDate, bool AppointmentProvisional, bool SupplementRequested,
    bool ResultIssued, IReadOnlyList<PublicTimelineEntry> Timeline, LocalizedText? AppointmentNote);
