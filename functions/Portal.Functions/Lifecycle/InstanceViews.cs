using Portal.Domain.Calendar;
using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;
using Portal.Functions.Dossiers;

namespace Portal.Functions.Lifecycle;

/// <summary>Management links, shaped like Durable Functions' HTTP management payload.</summary>
public sealed record ManagementLinks(string Id, string StatusQueryGetUri, string SendEventPostUri, string TerminatePostUri);

/// <summary>The current step.</summary>
public sealed record StepView(string Id, string Name, OfficerRole Role, DateTimeOffset? StartedAt, DateTimeOffset? DueAt, bool Overdue);

/// <summary>The apology drafted before a missed appointment.</summary>
public sealed record ApologyView(string DraftText, DateTimeOffset AppointmentAt, DateTimeOffset ProposedAppointmentAt);

/// <summary>An open supplement request.</summary>
public sealed record SupplementView(IReadOnlyList<string> Missing, DateTimeOffset? DueAt, string? Reason, int Ordinal);

/// <summary>What the dossier is doing now (Durable's customStatus).</summary>
public sealed record LifecycleStatus(DossierStatus Status, string StatusText, int NationalStatusCode, int Version, StepView? Step,
    DateTimeOffset AppointmentAt, bool AppointmentProvisional, bool Late, bool Overdue, bool DueSoon, ApologyView? Apology,
    SupplementView? Supplement, OfficerRole ActingRole, IReadOnlyList<string> AllowedEvents, string? ResultSha256, string? LastReason)
{
    /// <summary>Projects a dossier.</summary>
    public static LifecycleStatus Of(DossierRecord d, ProcessingPlan plan)
    {
        var s = d.Lifecycle;
        var step = s.StepIndex >= 0 && s.StepIndex < plan.Steps.Count && !s.IsClosed ? plan.Steps[s.StepIndex] : null;
        var info = DossierStatuses.Of(s.Status);
        return new LifecycleStatus(s.Status, info.Vietnamese, info.NationalCode, s.Version,
            step is null ? null : new StepView(step.Id, step.Name, step.Role, Vn(s.StepStartedAt), Vn(s.StepDueAt), s.StepOverdue),
            d.AppointmentAt, s.AppointmentAt is null, s.Late, s.Overdue, s.ApologyDraft is not null,
            s.ApologyDraft is { } a ? new ApologyView(a.DraftText, VietnamTime.Normalize(a.AppointmentAt), VietnamTime.Normalize(a.ProposedAppointmentAt)) : null,
            s.Status == DossierStatus.SupplementRequested ? new SupplementView(s.MissingItems, Vn(s.SupplementDueAt), s.LastReason, s.SupplementRequests) : null,
            InboxProjection.ActingRole(s, plan), DossierTransitions.CommandsIn(s.Status), s.ResultSha256, s.LastReason);
    }

    private static DateTimeOffset? Vn(DateTimeOffset? at) => at is { } a ? VietnamTime.Normalize(a) : null;
}

/// <summary>One history entry for the management API and the officer console.</summary>
public sealed record HistoryEntry(int Sequence, string EventType, DateTimeOffset At, string Actor, OfficerRole Role, string? Reason, string Text);

/// <summary>The instance status, shaped like Durable Functions' GET status answer.</summary>
public sealed record InstanceStatus(string Name, string InstanceId, string RuntimeStatus, LifecycleStatus CustomStatus, object? Output,
    DateTimeOffset CreatedTime, DateTimeOffset LastUpdatedTime, IReadOnlyList<HistoryEntry>? HistoryEvents);
