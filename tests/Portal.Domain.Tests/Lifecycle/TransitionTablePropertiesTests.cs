using FsCheck;
using FsCheck.Fluent;
using Portal.Domain.Lifecycle;

namespace Portal.Domain.Tests.Lifecycle;

/// <summary>The decider never leaves the table: whatever happens, an accepted command goes where a row of the table says.</summary>
public class TransitionTablePropertiesTests
{
    [Fact]
    public void EveryAcceptedCommand_EndsInTheToOfOneOfItsRows_OrUnchangedForTimers()
    {
        var property = Prop.ForAll(RandomHistories.Scripts.ToArbitrary(), script =>
            RandomHistories.Play(script).Steps.Where(s => s.Decision.IsAccepted).All(step =>
            {
                var name = step.Command.GetType().Name;
                var rows = DossierTransitions.For(name, step.Before.Status);
                return step.Command is FireTimer
                    ? step.After.Status == step.Before.Status && rows.Count > 0
                    : rows.Any(t => t.To == step.After.Status);
            }));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void EveryRefusedCommand_RecordsNothing_AndNamesAKind()
    {
        var property = Prop.ForAll(RandomHistories.Scripts.ToArbitrary(), script =>
            RandomHistories.Play(script).Steps.Where(s => !s.Decision.IsAccepted).All(step =>
                step.Decision.Events.Count == 0 && step.After == step.Before && Enum.IsDefined(step.Decision.Error!.Kind)));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }

    [Fact]
    public void EveryRecordedEvent_HappensAtTheDecisionInstant_ByTheCommandsActor()
    {
        var property = Prop.ForAll(RandomHistories.Scripts.ToArbitrary(), script =>
            RandomHistories.Play(script).Steps.All(step => step.Decision.Events.All(e =>
                e.At == step.At && e.Actor == step.Command.Actor && e.Role == step.Command.Role)));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }
}
