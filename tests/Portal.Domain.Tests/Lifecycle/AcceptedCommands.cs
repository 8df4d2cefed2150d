using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;
using static Portal.Domain.Lifecycle.OfficerRole;
using S = Portal.Domain.Dossiers.DossierStatus;

namespace Portal.Domain.Tests.Lifecycle;

/// <summary>
/// The accepting half of the given-when-then table: given a history, when a command is given in a role, then these events
/// (comma-separated type names, empty for none) and this status. Every row of <see cref="DossierTransitions.All"/>, from
/// every one of its statuses, has at least one line here (checked by <see cref="DossierTransitionTableTests"/>).
/// </summary>
internal static class AcceptedCommands
{
    public static TheoryData<Given, string, OfficerRole, S, string> Rows { get; } = new()
    {
        // Intake.
        { Given.Submitted, "Receive", Desk, S.Received, "Received" },
        { Given.SubmittedWithFee, "Receive", Desk, S.AwaitingPayment, "PaymentRequested" },
        { Given.AwaitingPayment, "ConfirmPayment", Desk, S.Received, "Received" },
        { Given.AwaitingPayment, "ConfirmPayment", OfficerRole.System, S.Received, "Received" },
        { Given.Submitted, "RefuseAtIntake", Desk, S.RefusedAtIntake, "RefusedAtIntake" },

        // Supplements: asked by the desk or the specialist, provided by the citizen, back to where it was.
        { Given.Submitted, "RequestSupplement", Desk, S.SupplementRequested, "SupplementRequested" },
        { Given.Received, "RequestSupplement", Desk, S.SupplementRequested, "SupplementRequested" },
        { Given.Received, "RequestSupplement", Specialist, S.SupplementRequested, "SupplementRequested" },
        { Given.InProgress, "RequestSupplement", Specialist, S.SupplementRequested, "SupplementRequested" },
        { Given.ExtendedAtExamination, "RequestSupplement", Specialist, S.SupplementRequested, "SupplementRequested" },
        { Given.SupplementRequestedBeforeReceipt, "ProvideSupplement", Citizen, S.Submitted, "SupplementProvided" },
        { Given.SupplementRequestedAfterReceipt, "ProvideSupplement", Citizen, S.Received, "SupplementProvided" },
        { Given.SupplementRequestedInProgress, "ProvideSupplement", Citizen, S.InProgress, "SupplementProvided" },
        { Given.SupplementRequestedWhileExtended, "ProvideSupplement", Citizen, S.Extended, "SupplementProvided" },

        // Processing steps: the role of the step does the step's work.
        { Given.Received, "Forward", Specialist, S.InProgress, "Forwarded" },
        { Given.InProgressAtSecondExamination, "Forward", Specialist, S.InProgress, "Forwarded" },
        { Given.ExtendedAtExamination, "Forward", Specialist, S.InProgress, "Forwarded" },
        { Given.ReceivedAtApproval, "Approve", Head, S.Approved, "Approved" },
        { Given.InProgress, "Approve", Head, S.Approved, "Approved" },
        { Given.ExtendedAtApproval, "Approve", Head, S.Approved, "Approved" },
        { Given.ReceivedAtApproval, "Reject", Head, S.Rejected, "Rejected" },
        { Given.InProgress, "Reject", Head, S.Rejected, "Rejected" },
        { Given.ExtendedAtApproval, "Reject", Head, S.Rejected, "Rejected" },
        { Given.Approved, "IssueResult", Leader, S.ResultIssued, "ResultIssued" },
        { Given.ExtendedAtSigning, "IssueResult", Leader, S.ResultIssued, "ResultIssued" },
        { Given.ResultIssued, "ReturnResult", Desk, S.ResultReturned, "ResultReturned" },

        // Extension with apology, by the head or the leader.
        { Given.Received, "Extend", Head, S.Extended, "Extended" },
        { Given.InProgress, "Extend", Leader, S.Extended, "Extended" },
        { Given.ExtendedAtExamination, "Extend", Head, S.Extended, "Extended" },
        { Given.Approved, "Extend", Leader, S.Extended, "Extended" },

        // Withdrawal by the applicant.
        { Given.Submitted, "Withdraw", Citizen, S.Withdrawn, "Withdrawn" },
        { Given.AwaitingPayment, "Withdraw", Citizen, S.Withdrawn, "Withdrawn" },
        { Given.Received, "Withdraw", Citizen, S.Withdrawn, "Withdrawn" },
        { Given.InProgress, "Withdraw", Citizen, S.Withdrawn, "Withdrawn" },
        { Given.ExtendedAtApproval, "Withdraw", Citizen, S.Withdrawn, "Withdrawn" },
        { Given.SupplementRequestedAfterReceipt, "Withdraw", Citizen, S.Withdrawn, "Withdrawn" },

        // Stopping processing.
        { Given.AwaitingPayment, "StopProcessing", Admin, S.ProcessingStopped, "ProcessingStopped" },
        { Given.Received, "StopProcessing", Head, S.ProcessingStopped, "ProcessingStopped" },
        { Given.InProgress, "StopProcessing", Leader, S.ProcessingStopped, "ProcessingStopped" },
        { Given.ExtendedAtSigning, "StopProcessing", Admin, S.ProcessingStopped, "ProcessingStopped" },
        { Given.Approved, "StopProcessing", Leader, S.ProcessingStopped, "ProcessingStopped" },
        { Given.SupplementRequestedInProgress, "StopProcessing", Head, S.ProcessingStopped, "ProcessingStopped" },

        // Timers, in every status: a timer the state wants records its event; any other does nothing.
        { Given.Submitted, "FireTimer:Appointment", OfficerRole.System, S.Submitted, "" },
        { Given.AwaitingPayment, "FireTimer:Appointment", OfficerRole.System, S.AwaitingPayment, "" },
        { Given.Received, "FireTimer:StepDue", OfficerRole.System, S.Received, "StepOverdue" },
        { Given.RefusedAtIntake, "FireTimer:StepDue", OfficerRole.System, S.RefusedAtIntake, "" },
        { Given.SupplementRequestedAfterReceipt, "FireTimer:SupplementDue", OfficerRole.System, S.SupplementRequested, "SupplementOverdue" },
        { Given.SupplementRequestedInProgress, "FireTimer:StepDue", OfficerRole.System, S.SupplementRequested, "" },
        { Given.InProgress, "FireTimer:AppointmentWarning", OfficerRole.System, S.InProgress, "ApologyDrafted" },
        { Given.ExtendedAtApproval, "FireTimer:Appointment", OfficerRole.System, S.Extended, "BecameOverdue" },
        { Given.Approved, "FireTimer:StepDue", OfficerRole.System, S.Approved, "StepOverdue" },
        { Given.Rejected, "FireTimer:Appointment", OfficerRole.System, S.Rejected, "" },
        { Given.ProcessingStopped, "FireTimer:StepDue", OfficerRole.System, S.ProcessingStopped, "" },
        { Given.ResultIssued, "FireTimer:StepDue", OfficerRole.System, S.ResultIssued, "StepOverdue" },
        { Given.ResultIssued, "FireTimer:Appointment", OfficerRole.System, S.ResultIssued, "" },
        { Given.ResultReturned, "FireTimer:RatingRequest", OfficerRole.System, S.ResultReturned, "RatingRequested" },
        { Given.Withdrawn, "FireTimer:SupplementDue", OfficerRole.System, S.Withdrawn, "" },
    };

    /// <summary>Decides a line of the table.</summary>
    public static (DossierState Before, DossierCommand Command, Decision Decision) Decide(Given given, string when, OfficerRole role)
    {
        var history = Givens.Build(given);
        var before = history.State;
        var command = TestCommands.Parse(when, role, before, LifecycleDefaults.Now);
        return (before, command, history.When(command, LifecycleDefaults.Now));
    }

    /// <summary>The status a decision leads to.</summary>
    public static DossierStatus After(DossierState before, Decision decision) =>
        decision.Events.Aggregate(before, (state, e) => DossierDecider.Evolve(state, e)).Status;
}
