using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Portal.Domain.Lifecycle;

namespace Portal.Domain.Tests.Lifecycle;

/// <summary>The history is the audit trail: replaying it, even after storing it as JSON, rebuilds the same state.</summary>
public class LifecycleReplayPropertiesTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public void ReplayingAnyValidHistory_GivesTheStateFoldedStepByStep()
    {
        var property = Prop.ForAll(RandomHistories.Scripts.ToArbitrary(), script =>
        {
            var run = RandomHistories.Play(script);

            var replayed = DossierDecider.Replay(run.Events);

            return replayed == run.State && replayed.Version == run.Events.Count;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void ReplayingAHistoryReadBackFromJson_GivesTheSameState()
    {
        var property = Prop.ForAll(RandomHistories.Scripts.ToArbitrary(), script =>
        {
            var run = RandomHistories.Play(script);
            var stored = JsonSerializer.Serialize<IReadOnlyList<LifecycleEvent>>(run.Events, Json);

            var replayed = DossierDecider.Replay(JsonSerializer.Deserialize<List<LifecycleEvent>>(stored, Json)!);

            return JsonSerializer.Serialize(replayed, Json) == JsonSerializer.Serialize(run.State, Json);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), property);
    }

    [Fact]
    public void RandomHistories_ReachEveryStatus()
    {
        var reached = RandomHistories.Scripts.Sample(300, new Rnd(20261123), 50)
            .SelectMany(script => RandomHistories.Play(script).Steps.Select(s => s.After.Status))
            .ToHashSet();

        Assert.Equal(Enum.GetValues<Portal.Domain.Dossiers.DossierStatus>().ToHashSet(), reached);
    }
}
