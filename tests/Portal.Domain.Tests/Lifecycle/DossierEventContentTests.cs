using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;
using static Portal.Domain.Tests.Calendar.RealCalendar;
using static Portal.Domain.Tests.Lifecycle.TestCommands;

namespace Portal.Domain.Tests.Lifecycle;

/// <summary>What accepted commands write into their events and the state (besides the clock, see <see cref="DossierClockTests"/>).</summary>
public class DossierEventContentTests
{
    private static readonly DateTimeOffset Monday9 = At(2026, 11, 23, 9, 0);

    private static DossierHistory ReceivedOnMonday9() => DossierHistory.SubmittedAt(Givens.SubmittedAt).Then(Receive(), Monday9);

    [Fact]
    public void RequestSupplement_KeepsEveryMissingItemTrimmed_DropsBlanks_AndGivesFifteenWorkingDays()
    {
        var history = ReceivedOnMonday9();
        var command = RequestSupplement() with { Missing = ["  Ảnh 4x6 ", "", "Bản sao giấy khai sinh", "   "] };

        var requested = Assert.IsType<SupplementRequested>(Assert.Single(history.When(command, At(2026, 11, 24, 10, 0)).Events));
        var state = history.Then(command, At(2026, 11, 24, 10, 0)).State;

        Assert.Equal(["Ảnh 4x6", "Bản sao giấy khai sinh"], requested.Missing);
        Assert.Equal(At(2026, 12, 15, 17, 0), requested.SupplementDueAt);
        Assert.Equal(1, requested.Ordinal);
        Assert.Equal(requested.Missing, state.MissingItems);
        Assert.Equal(DossierStatus.Received, state.ResumeStatus);
        Assert.Equal(At(2026, 11, 24, 10, 0), state.PausedAt);
        Assert.Equal(Reason, state.LastReason);
    }

    [Fact]
    public void Forward_NamesTheStepItLeavesAndTheStepItEnters()
    {
        var history = ReceivedOnMonday9();

        var forwarded = Assert.IsType<Forwarded>(Assert.Single(history.When(Forward(), At(2026, 11, 25, 9, 0)).Events));
        var state = history.Then(Forward(), At(2026, 11, 25, 9, 0)).State;

        Assert.Equal("tham-dinh", forwarded.FromStep);
        Assert.Equal("phe-duyet", forwarded.ToStep);
        Assert.Equal(1, state.StepIndex);
        Assert.Equal(At(2026, 11, 25, 9, 0), state.StepStartedAt);
        Assert.False(state.StepOverdue);
    }

    [Fact]
    public void IssueResult_StoresTheHashInLowercase_AndMovesToTheReturnStep()
    {
        var history = ReceivedOnMonday9().Then(Forward()).Then(Approve());
        var command = IssueResult() with { Sha256 = ResultSha256.ToUpperInvariant() };

        var issued = Assert.IsType<ResultIssued>(Assert.Single(history.When(command, At(2026, 11, 27, 9, 0)).Events));
        var state = history.Then(command, At(2026, 11, 27, 9, 0)).State;

        Assert.Equal(ResultSha256, issued.Sha256);
        Assert.Equal("tra-ket-qua", issued.ToStep);
        Assert.Equal(ResultSha256, state.ResultSha256);
        Assert.Equal(command.Blob, state.ResultBlob);
        Assert.Equal(At(2026, 11, 27, 9, 0), state.FinishedAt);
        Assert.True(state.IsFinished);
        Assert.False(state.IsClosed);
    }

    [Fact]
    public void ReturnResult_RecordsTheChannel_AndAsksForARatingAfterTheProvinceDelay()
    {
        var history = ReceivedOnMonday9().Then(Forward()).Then(Approve()).Then(IssueResult());
        var context = history.ContextAt(At(2026, 11, 27, 10, 0)) with { Settings = new LifecycleSettings(RatingDelay: TimeSpan.FromDays(1)) };
        var command = ReturnResult() with { Channel = ReturnChannel.Post };

        var returned = Assert.IsType<ResultReturned>(Assert.Single(DossierDecider.Decide(command, history.State, context).Events));

        Assert.Equal(ReturnChannel.Post, returned.Channel);
        Assert.Equal(At(2026, 11, 28, 10, 0), returned.RatingRequestAt);
    }

    [Theory]
    [InlineData(Given.RefusedAtIntake)]
    [InlineData(Given.Rejected)]
    [InlineData(Given.ProcessingStopped)]
    [InlineData(Given.Withdrawn)]
    public void ClosingWithAReason_FinishesTheDossier_AndKeepsTheReason(Given given)
    {
        var history = Givens.Build(given);

        var state = history.State;

        Assert.True(state.IsClosed);
        Assert.Equal(history.Clock, state.FinishedAt);
        Assert.Equal(Reason, state.LastReason);
    }

    [Fact]
    public void ConfirmPayment_ClearsTheFeeDue()
    {
        var history = Givens.Build(Given.AwaitingPayment);

        var state = history.Then(ConfirmPayment(), LifecycleDefaults.Now).State;

        Assert.Equal(0, state.FeeDueVnd);
        Assert.Equal(LifecycleDefaults.Now, state.ReceivedAt);
    }
}
