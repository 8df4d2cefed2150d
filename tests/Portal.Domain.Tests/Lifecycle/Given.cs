using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;
using Portal.Domain.Tests.Calendar;
using static Portal.Domain.Tests.Lifecycle.TestCommands;

namespace Portal.Domain.Tests.Lifecycle;

/// <summary>Named histories for the given-events column of the tables (see <see cref="Givens"/>).</summary>
public enum Given
{
    Submitted,
    SubmittedWithFee,
    AwaitingPayment,
    RefusedAtIntake,
    SupplementRequestedBeforeReceipt,
    Received,
    ReceivedAtApproval,
    SupplementRequestedAfterReceipt,
    InProgress,
    InProgressAtSecondExamination,
    SupplementRequestedInProgress,
    ExtendedAtExamination,
    ExtendedAtApproval,
    ExtendedAtSigning,
    SupplementRequestedWhileExtended,
    Approved,
    Rejected,
    ProcessingStopped,
    ResultIssued,
    ResultReturned,
    Withdrawn,
}

/// <summary>
/// The histories behind <see cref="Given"/>: submitted on Sunday 22 November 2026 at 20:00, received on Monday at 07:45,
/// then one command every five minutes, all before <see cref="LifecycleDefaults.Now"/> (Monday 09:00).
/// </summary>
internal static class Givens
{
    public static readonly DateTimeOffset SubmittedAt = RealCalendar.At(2026, 11, 22, 20, 0);
    public static readonly DateTimeOffset ReceivedAt = RealCalendar.At(2026, 11, 23, 7, 45);

    public static DossierHistory Build(Given given) => given switch
    {
        Given.Submitted => DossierHistory.SubmittedAt(SubmittedAt),
        Given.SubmittedWithFee => DossierHistory.SubmittedAt(SubmittedAt, feeVnd: LifecycleDefaults.Fee),
        Given.AwaitingPayment => Build(Given.SubmittedWithFee).Then(Receive(), ReceivedAt),
        Given.RefusedAtIntake => Build(Given.Submitted).Then(RefuseAtIntake(), ReceivedAt),
        Given.SupplementRequestedBeforeReceipt => Build(Given.Submitted).Then(RequestSupplement(), ReceivedAt),
        Given.Received => Build(Given.Submitted).Then(Receive(), ReceivedAt),
        Given.ReceivedAtApproval => DossierHistory.SubmittedAt(SubmittedAt, LifecycleDefaults.ApprovalFirst).Then(Receive(), ReceivedAt),
        Given.SupplementRequestedAfterReceipt => Build(Given.Received).Then(RequestSupplement()),
        Given.InProgress => Build(Given.Received).Then(Forward()),
        Given.InProgressAtSecondExamination => DossierHistory.SubmittedAt(SubmittedAt, LifecycleDefaults.TwoExaminations)
            .Then(Receive(), ReceivedAt).Then(Forward()),
        Given.SupplementRequestedInProgress => Build(Given.InProgress).Then(RequestSupplement(OfficerRole.Specialist)),
        Given.ExtendedAtExamination => Build(Given.Received).Then(Extend()),
        Given.ExtendedAtApproval => Build(Given.InProgress).Then(Extend()),
        Given.ExtendedAtSigning => Build(Given.Approved).Then(Extend(5, OfficerRole.Leader)),
        Given.SupplementRequestedWhileExtended => Build(Given.ExtendedAtExamination).Then(RequestSupplement(OfficerRole.Specialist)),
        Given.Approved => Build(Given.InProgress).Then(Approve()),
        Given.Rejected => Build(Given.InProgress).Then(Reject()),
        Given.ProcessingStopped => Build(Given.Received).Then(StopProcessing()),
        Given.ResultIssued => Build(Given.Approved).Then(IssueResult()),
        Given.ResultReturned => Build(Given.ResultIssued).Then(ReturnResult()),
        Given.Withdrawn => Build(Given.Submitted).Then(Withdraw(), ReceivedAt),
        _ => throw new ArgumentOutOfRangeException(nameof(given), given, null),
    };

    /// <summary>One given history in each status.</summary>
    public static Given RepresentativeOf(DossierStatus status) =>
        Enum.GetValues<Given>().First(g => Build(g).State.Status == status);
}
