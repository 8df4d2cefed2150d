using Portal.Domain.Dossiers;
using S = Portal.Domain.Dossiers.DossierStatus;
using static Portal.Domain.Lifecycle.OfficerRole;

namespace Portal.Domain.Lifecycle;

/// <summary>
/// The dossier lifecycle as data: the single source of truth for what may happen when, and by whom.
/// <see cref="DossierDecider"/> refuses anything not in this table; <see cref="LifecycleDiagram"/> draws it.
/// </summary>
public static class DossierTransitions
{
    private static readonly DossierStatus[] Active = [S.Received, S.InProgress, S.Extended];

    /// <summary>Every transition.</summary>
    public static IReadOnlyList<Transition> All { get; } =
    [
        new(nameof(Receive), [S.Submitted], S.Received, [Desk], null, false, "không có phí phải nộp trước"),
        new(nameof(Receive), [S.Submitted], S.AwaitingPayment, [Desk], null, false, "có phí, lệ phí phải nộp trước"),
        new(nameof(ConfirmPayment), [S.AwaitingPayment], S.Received, [Desk, OfficerRole.System], null, false),
        new(nameof(RefuseAtIntake), [S.Submitted], S.RefusedAtIntake, [Desk], null, true),
        new(nameof(RequestSupplement), [S.Submitted, .. Active], S.SupplementRequested, [Desk, Specialist], null, true),
        new(nameof(ProvideSupplement), [S.SupplementRequested], S.Submitted, [Citizen], null, false, "yêu cầu trước khi tiếp nhận"),
        new(nameof(ProvideSupplement), [S.SupplementRequested], S.Received, [Citizen], null, false, "yêu cầu ở bước đầu"),
        new(nameof(ProvideSupplement), [S.SupplementRequested], S.InProgress, [Citizen], null, false, "yêu cầu khi đang xử lý"),
        new(nameof(ProvideSupplement), [S.SupplementRequested], S.Extended, [Citizen], null, false, "yêu cầu sau khi gia hạn"),
        new(nameof(Forward), Active, S.InProgress, null, StepKind.Examine, false),
        new(nameof(Approve), Active, S.Approved, null, StepKind.Approve, false),
        new(nameof(Reject), Active, S.Rejected, null, StepKind.Approve, true),
        new(nameof(Extend), [.. Active, S.Approved], S.Extended, [Head, Leader], null, true),
        new(nameof(IssueResult), [S.Approved, S.Extended], S.ResultIssued, null, StepKind.Sign, false),
        new(nameof(ReturnResult), [S.ResultIssued], S.ResultReturned, null, StepKind.Return, false),
        new(nameof(Withdraw), [S.Submitted, S.AwaitingPayment, .. Active, S.SupplementRequested], S.Withdrawn, [Citizen], null, true),
        new(nameof(StopProcessing), [S.AwaitingPayment, .. Active, S.Approved, S.SupplementRequested], S.ProcessingStopped,
            [Head, Leader, Admin], null, true),
        new(nameof(FireTimer), Enum.GetValues<DossierStatus>(), null, [OfficerRole.System], null, false, "hẹn giờ đến hạn"),
    ];

    /// <summary>The rows for a command accepted in a status.</summary>
    public static IReadOnlyList<Transition> For(string command, DossierStatus status) =>
        All.Where(t => t.Command == command && t.From.Contains(status)).ToList();

    /// <summary>The commands accepted in a status (for "allowed now" lists and error messages).</summary>
    public static IReadOnlyList<string> CommandsIn(DossierStatus status) =>
        All.Where(t => t.From.Contains(status) && t.Command != nameof(FireTimer)).Select(t => t.Command).Distinct().ToList();
}
