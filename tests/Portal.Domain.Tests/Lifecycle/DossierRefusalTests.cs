using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;
using static Portal.Domain.Lifecycle.OfficerRole;
using static Portal.Domain.Tests.Lifecycle.LifecycleDefaults;

namespace Portal.Domain.Tests.Lifecycle;

/// <summary>Given events, when a command the table does not allow (or a flawed one), then a named error and no events.</summary>
public class DossierRefusalTests
{
    public static TheoryData<Given, string, OfficerRole> OutsideItsStatuses { get; } = new()
    {
        { Given.Received, "Receive", Desk },
        { Given.AwaitingPayment, "Receive", Desk },
        { Given.Submitted, "ConfirmPayment", Desk },
        { Given.Received, "RefuseAtIntake", Desk },
        { Given.Approved, "RequestSupplement", Specialist },
        { Given.AwaitingPayment, "RequestSupplement", Desk },
        { Given.Received, "ProvideSupplement", Citizen },
        { Given.Submitted, "Forward", Specialist },
        { Given.Approved, "Approve", Leader },
        { Given.SupplementRequestedInProgress, "Approve", Head },
        { Given.ResultIssued, "Reject", Head },
        { Given.Submitted, "Extend", Head },
        { Given.ResultIssued, "Extend", Head },
        { Given.SupplementRequestedAfterReceipt, "Extend", Head },
        { Given.InProgress, "IssueResult", Leader },
        { Given.Approved, "ReturnResult", Desk },
        { Given.ResultIssued, "Withdraw", Citizen },
        { Given.ResultReturned, "Withdraw", Citizen },
        { Given.Submitted, "StopProcessing", Head },
        { Given.ResultIssued, "StopProcessing", Admin },
        { Given.Withdrawn, "Receive", Desk },
        { Given.Rejected, "Extend", Head },
    };

    public static TheoryData<Given, string, OfficerRole> AtTheWrongStep { get; } = new()
    {
        { Given.Received, "Approve", Head },
        { Given.Received, "Reject", Head },
        { Given.InProgress, "Forward", Specialist },
        { Given.ExtendedAtExamination, "Approve", Head },
        { Given.ExtendedAtApproval, "Forward", Specialist },
        { Given.ExtendedAtApproval, "IssueResult", Leader },
        { Given.ReceivedAtApproval, "Forward", Specialist },
    };

    public static TheoryData<Given, string, OfficerRole> ByTheWrongRole { get; } = new()
    {
        { Given.Submitted, "Receive", Specialist },
        { Given.Submitted, "Receive", Citizen },
        { Given.AwaitingPayment, "ConfirmPayment", Citizen },
        { Given.Submitted, "RefuseAtIntake", Head },
        { Given.Received, "RequestSupplement", Citizen },
        { Given.Received, "RequestSupplement", Head },
        { Given.SupplementRequestedAfterReceipt, "ProvideSupplement", Desk },
        { Given.Received, "Forward", Head },
        { Given.InProgress, "Approve", Specialist },
        { Given.InProgress, "Reject", Leader },
        { Given.Received, "Extend", Specialist },
        { Given.Approved, "IssueResult", Head },
        { Given.ResultIssued, "ReturnResult", Leader },
        { Given.Received, "Withdraw", Desk },
        { Given.Received, "StopProcessing", Desk },
        { Given.Received, "FireTimer:StepDue", Desk },
        { Given.Submitted, "FireTimer:Appointment", Citizen },
    };

    public static TheoryData<Given, string, OfficerRole, Flaw> WithoutAReason { get; } = new()
    {
        { Given.Submitted, "RefuseAtIntake", Desk, Flaw.NoReason },
        { Given.Received, "RequestSupplement", Desk, Flaw.NoReason },
        { Given.InProgress, "Reject", Head, Flaw.BlankReason },
        { Given.Received, "Extend", Head, Flaw.NoReason },
        { Given.Approved, "StopProcessing", Admin, Flaw.BlankReason },
        { Given.Submitted, "Withdraw", Citizen, Flaw.NoReason },
    };

    public static TheoryData<Given, string, OfficerRole, Flaw, string> WithInvalidInput { get; } = new()
    {
        { Given.Received, "RequestSupplement", Desk, Flaw.NoMissingItems, "missing" },
        { Given.Submitted, "RequestSupplement", Desk, Flaw.BlankMissingItems, "missing" },
        { Given.Received, "Extend", Head, Flaw.ZeroDays, "workingDays" },
        { Given.InProgress, "Extend", Head, Flaw.NegativeDays, "workingDays" },
        { Given.Approved, "Extend", Leader, Flaw.TooManyDays, "workingDays" },
        { Given.Approved, "IssueResult", Leader, Flaw.ShortSha256, "sha256" },
        { Given.Approved, "IssueResult", Leader, Flaw.LongSha256, "sha256" },
        { Given.ExtendedAtSigning, "IssueResult", Leader, Flaw.NonHexSha256, "sha256" },
    };

    [Theory]
    [MemberData(nameof(OutsideItsStatuses))]
    public void Command_InAStatusOutsideItsRow_IsNotAllowedNow(Given given, string when, OfficerRole role)
    {
        var history = Givens.Build(given);
        var command = TestCommands.Parse(when, role, history.State, Now);

        var decision = history.When(command, Now);

        AssertRefused(decision, DecisionErrorKind.NotAllowedNow, null);
    }

    [Theory]
    [MemberData(nameof(AtTheWrongStep))]
    public void StepCommand_AtAnotherKindOfStep_IsNotAllowedNow(Given given, string when, OfficerRole role)
    {
        var history = Givens.Build(given);
        var command = TestCommands.Parse(when, role, history.State, Now);

        var decision = history.When(command, Now);

        AssertRefused(decision, DecisionErrorKind.NotAllowedNow, null);
    }

    [Theory]
    [MemberData(nameof(ByTheWrongRole))]
    public void Command_ByARoleNotAllowedHere_IsRefusedForTheRole(Given given, string when, OfficerRole role)
    {
        var history = Givens.Build(given);
        var command = TestCommands.Parse(when, role, history.State, Now);

        var decision = history.When(command, Now);

        AssertRefused(decision, DecisionErrorKind.WrongRole, null);
    }

    [Theory]
    [MemberData(nameof(WithoutAReason))]
    public void Command_TheLawWantsAReasonFor_WithoutOne_IsRefused(Given given, string when, OfficerRole role, Flaw flaw)
    {
        var history = Givens.Build(given);
        var command = TestCommands.Parse(when, role, history.State, Now).With(flaw);

        var decision = history.When(command, Now);

        AssertRefused(decision, DecisionErrorKind.ReasonRequired, "reason");
    }

    [Theory]
    [MemberData(nameof(WithInvalidInput))]
    public void Command_WithAnUnacceptableValue_IsRefusedNamingTheField(Given given, string when, OfficerRole role, Flaw flaw, string field)
    {
        var history = Givens.Build(given);
        var command = TestCommands.Parse(when, role, history.State, Now).With(flaw);

        var decision = history.When(command, Now);

        AssertRefused(decision, DecisionErrorKind.InvalidInput, field);
    }

    [Fact]
    public void EveryCommandNotListedForAStatus_IsNotAllowedNow_InWhateverRole()
    {
        var accepted = new List<string>();
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            var history = Givens.Build(Givens.RepresentativeOf(status));
            var listed = DossierTransitions.CommandsIn(status).Append(nameof(FireTimer)).ToHashSet();
            foreach (var name in TestCommands.AllNames.Where(n => !listed.Contains(n)))
            {
                foreach (var role in Enum.GetValues<OfficerRole>())
                {
                    var decision = history.When(TestCommands.Parse(name, role, history.State, Now), Now);

                    if (decision.Error?.Kind != DecisionErrorKind.NotAllowedNow || decision.Events.Count > 0)
                        accepted.Add($"{name} as {role} in {status}: {decision.Error?.Kind.ToString() ?? "accepted"}");
                }
            }
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public void EveryRowWithRoles_RefusesEveryOtherRole()
    {
        var wronglyAccepted = new List<string>();
        foreach (var row in AcceptedCommands.Rows)
        {
            var (given, when, role) = ((Given)row[0], (string)row[1], (OfficerRole)row[2]);
            var history = Givens.Build(given);
            var state = history.State;
            var transition = DossierTransitions.For(TestCommands.NameOf(when), state.Status)[0];
            var allowed = transition.Roles ?? [history.Plan.Steps[state.StepIndex].Role];
            foreach (var other in Enum.GetValues<OfficerRole>().Where(r => !allowed.Contains(r)))
            {
                var decision = history.When(TestCommands.Parse(when, other, state, Now), Now);

                if (decision.Error?.Kind != DecisionErrorKind.WrongRole || decision.Events.Count > 0)
                    wronglyAccepted.Add($"{when} as {other} in {given}: {decision.Error?.Kind.ToString() ?? "accepted"}");
            }
        }

        Assert.Empty(wronglyAccepted);
    }

    [Fact]
    public void EveryRowThatNeedsAReason_RefusesTheCommandWithoutOne()
    {
        var wronglyAccepted = new List<string>();
        var checkedRows = new HashSet<Transition>();
        foreach (var row in AcceptedCommands.Rows)
        {
            var (given, when, role) = ((Given)row[0], (string)row[1], (OfficerRole)row[2]);
            var history = Givens.Build(given);
            var transition = DossierTransitions.For(TestCommands.NameOf(when), history.State.Status)[0];
            if (!transition.ReasonRequired) continue;
            checkedRows.Add(transition);
            foreach (var flaw in new[] { Flaw.NoReason, Flaw.BlankReason })
            {
                var decision = history.When(TestCommands.Parse(when, role, history.State, Now).With(flaw), Now);

                if (decision.Error is not { Kind: DecisionErrorKind.ReasonRequired, Field: "reason" })
                    wronglyAccepted.Add($"{when} ({flaw}) in {given}: {decision.Error?.Kind.ToString() ?? "accepted"}");
            }
        }

        Assert.Empty(wronglyAccepted);
        Assert.Equal(DossierTransitions.All.Where(t => t.ReasonRequired).ToHashSet(), checkedRows);
    }

    [Fact]
    public void RowsThatNeedNoReason_AcceptTheCommandWithoutOne()
    {
        var refused = new List<string>();
        foreach (var row in AcceptedCommands.Rows)
        {
            var (given, when, role) = ((Given)row[0], (string)row[1], (OfficerRole)row[2]);
            var history = Givens.Build(given);
            if (DossierTransitions.For(TestCommands.NameOf(when), history.State.Status)[0].ReasonRequired) continue;

            var decision = history.When(TestCommands.Parse(when, role, history.State, Now).With(Flaw.NoReason), Now);

            if (!decision.IsAccepted) refused.Add($"{when} in {given}: {decision.Error!.Kind}");
        }

        Assert.Empty(refused);
    }

    [Fact]
    public void NotAllowedNow_Message_NamesTheStatusAndWhatIsAllowed()
    {
        var history = Givens.Build(Given.Received);

        var decision = history.When(TestCommands.Receive(), Now);

        Assert.Equal(DecisionErrorKind.NotAllowedNow, decision.Error?.Kind);
        Assert.Contains("Đã tiếp nhận", decision.Error!.Message);
        Assert.Contains(nameof(Forward), decision.Error.Message);
    }

    [Fact]
    public void Command_InAClosedStatus_SaysTheDossierIsClosed()
    {
        var history = Givens.Build(Given.Rejected);

        var decision = history.When(TestCommands.Withdraw(), Now);

        Assert.Equal(DecisionErrorKind.NotAllowedNow, decision.Error?.Kind);
        Assert.Contains("Hồ sơ đã kết thúc", decision.Error!.Message);
    }

    private static void AssertRefused(Decision decision, DecisionErrorKind kind, string? field)
    {
        Assert.False(decision.IsAccepted);
        Assert.Empty(decision.Events);
        Assert.Equal(kind, decision.Error!.Kind);
        Assert.Equal(field, decision.Error.Field);
        Assert.False(string.IsNullOrWhiteSpace(decision.Error.Message));
    }
}
