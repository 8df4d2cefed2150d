using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;
using static Portal.Domain.Tests.Lifecycle.LifecycleDefaults;

namespace Portal.Domain.Tests.Lifecycle;

/// <summary>Given events, when a command the table allows, then its events and its status.</summary>
public class DossierTransitionTableTests
{
    public static TheoryData<Given, string, OfficerRole, DossierStatus, string> Accepted => AcceptedCommands.Rows;

    [Theory]
    [MemberData(nameof(Accepted))]
    public void AllowedCommand_InItsStatus_WithTheRightRoleAndStep_RecordsItsEventsAndLeadsToItsStatus(
        Given given, string when, OfficerRole role, DossierStatus then, string events)
    {
        var history = Givens.Build(given);
        var before = history.State;
        var command = TestCommands.Parse(when, role, before, Now);

        var decision = history.When(command, Now);

        Assert.True(decision.IsAccepted, decision.Error?.Message);
        Assert.Equal(events.Split(',', StringSplitOptions.RemoveEmptyEntries), decision.Events.Select(e => e.GetType().Name));
        Assert.All(decision.Events, e =>
        {
            Assert.Equal(Now, e.At);
            Assert.Equal(command.Actor, e.Actor);
            Assert.Equal(role, e.Role);
        });
        var after = decision.Events.Aggregate(before, (state, e) => DossierDecider.Evolve(state, e));
        Assert.Equal(then, after.Status);
        Assert.Equal(before.Version + decision.Events.Count, after.Version);
        Assert.Contains(DossierTransitions.For(TestCommands.NameOf(when), before.Status), t => (t.To ?? before.Status) == then);
    }

    [Fact]
    public void EveryRowOfTheTable_FromEachOfItsStatuses_IsExercisedByAnAcceptedCommand()
    {
        var exercised = new HashSet<(string Command, DossierStatus From, DossierStatus To)>();
        foreach (var row in AcceptedCommands.Rows)
        {
            var (given, when, role) = ((Given)row[0], (string)row[1], (OfficerRole)row[2]);
            var (before, _, decision) = AcceptedCommands.Decide(given, when, role);
            if (decision.IsAccepted) exercised.Add((TestCommands.NameOf(when), before.Status, AcceptedCommands.After(before, decision)));
        }

        var unexercised = DossierTransitions.All
            .SelectMany(t => t.From.Select(from => (t.Command, From: from, To: t.To ?? from)))
            .Where(edge => !exercised.Contains(edge))
            .Select(edge => $"{edge.Command}: {edge.From} -> {edge.To}")
            .ToList();

        Assert.Empty(unexercised);
    }

    [Fact]
    public void EveryCommandType_HasARowInTheTable()
    {
        var commandsInTable = DossierTransitions.All.Select(t => t.Command).ToHashSet();

        var missing = TestCommands.AllNames.Where(name => !commandsInTable.Contains(name)).ToList();

        Assert.Empty(missing);
        Assert.All(commandsInTable, name => Assert.Contains(name, TestCommands.AllNames));
    }

    [Fact]
    public void RowsOfTheSameCommand_AreTellApartByTheirCondition()
    {
        var ambiguous = DossierTransitions.All.GroupBy(t => t.Command)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g)
            .Where(t => string.IsNullOrWhiteSpace(t.When))
            .Select(t => t.Command)
            .ToList();

        Assert.Empty(ambiguous);
    }

    [Fact]
    public void EveryStatus_HasAGivenHistory()
    {
        var covered = Enum.GetValues<Given>().Select(g => Givens.Build(g).State.Status).ToHashSet();

        Assert.Equal(Enum.GetValues<DossierStatus>().ToHashSet(), covered);
    }

    [Fact]
    public void CommandsIn_ListsTheNonTimerCommandsWhoseRowsStartFromTheStatus()
    {
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            var expected = DossierTransitions.All.Where(t => t.From.Contains(status) && t.Command != nameof(FireTimer))
                .Select(t => t.Command).ToHashSet();

            var listed = DossierTransitions.CommandsIn(status);

            Assert.Equal(expected, listed.ToHashSet());
            Assert.Equal(listed.Count, listed.Distinct().Count());
        }
    }
}
