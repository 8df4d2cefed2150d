using Portal.Domain.Lifecycle;
using static Portal.Domain.Tests.Lifecycle.TestCommands;

namespace Portal.Domain.Tests.Lifecycle;

/// <summary>Replay rebuilds the state from the history, which must start with exactly one Submitted event.</summary>
public class DossierReplayTests
{
    [Fact]
    public void Replay_OfAGivenHistory_CountsEveryEventInTheVersion()
    {
        var history = Givens.Build(Given.ResultReturned);

        var state = DossierDecider.Replay(history.Events);

        Assert.Equal(history.Events.Count, state.Version);
        Assert.Equal(Portal.Domain.Dossiers.DossierStatus.ResultReturned, state.Status);
    }

    [Fact]
    public void Replay_OfAnEmptyHistory_IsRefused()
    {
        var empty = Array.Empty<LifecycleEvent>();

        Assert.Throws<ArgumentException>(() => DossierDecider.Replay(empty));
    }

    [Fact]
    public void Replay_OfAHistoryNotStartingWithSubmitted_IsRefused()
    {
        var received = Givens.Build(Given.Received).Events.Skip(1);

        Assert.Throws<ArgumentException>(() => DossierDecider.Replay(received));
    }

    [Fact]
    public void Replay_WithASecondSubmitted_IsRefused()
    {
        var events = Givens.Build(Given.Submitted).Events;

        Assert.Throws<ArgumentException>(() => DossierDecider.Replay(events.Concat(events)));
    }

    [Fact]
    public void RefusedCommand_LeavesTheHistoryAsItWas()
    {
        var history = Givens.Build(Given.Received);
        var before = history.Events.Count;

        var decision = history.When(Receive(), LifecycleDefaults.Now);

        Assert.False(decision.IsAccepted);
        Assert.Equal(before, history.Events.Count);
    }
}
