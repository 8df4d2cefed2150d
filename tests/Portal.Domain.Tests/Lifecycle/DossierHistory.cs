using Portal.Domain.Lifecycle;
using static Portal.Domain.Tests.Lifecycle.LifecycleDefaults;

namespace Portal.Domain.Tests.Lifecycle;

/// <summary>
/// Builds a dossier's history the way the app does: each command is decided by <see cref="DossierDecider.Decide"/> and
/// its events appended. A given history must be valid, so a refused command throws.
/// </summary>
internal sealed class DossierHistory
{
    private readonly List<LifecycleEvent> _events = [];

    private DossierHistory(ProcessingPlan plan, long feeVnd, DateTimeOffset submittedAt)
    {
        Plan = plan;
        FeeVnd = feeVnd;
        Clock = submittedAt;
        _events.Add(DossierDecider.Submit(submittedAt, TestCommands.ActorFor(OfficerRole.Citizen), TenWorkingDays, LifecycleDefaults.Calendar));
    }

    /// <summary>The procedure's processing plan.</summary>
    public ProcessingPlan Plan { get; }

    /// <summary>The procedure's fee.</summary>
    public long FeeVnd { get; }

    /// <summary>The instant of the last command.</summary>
    public DateTimeOffset Clock { get; private set; }

    /// <summary>The events so far.</summary>
    public IReadOnlyList<LifecycleEvent> Events => _events;

    /// <summary>The state the events fold to.</summary>
    public DossierState State => DossierDecider.Replay(_events);

    /// <summary>A dossier submitted online at that instant.</summary>
    public static DossierHistory SubmittedAt(DateTimeOffset at, ProcessingPlan? plan = null, long feeVnd = 0) =>
        new(plan ?? ProcessingPlan.Default, feeVnd, at);

    /// <summary>The context a command given at that instant is decided in.</summary>
    public DecisionContext ContextAt(DateTimeOffset now) => Context(now, Plan, FeeVnd);

    /// <summary>Decides the command at that instant and appends its events; throws if it is refused.</summary>
    public DossierHistory Then(DossierCommand command, DateTimeOffset at)
    {
        var decision = When(command, at);
        if (!decision.IsAccepted)
        {
            throw new InvalidOperationException($"A given history must be valid, but {command.GetType().Name} was refused: {decision.Error}");
        }
        _events.AddRange(decision.Events);
        Clock = at;
        return this;
    }

    /// <summary>Decides the command five minutes after the last one.</summary>
    public DossierHistory Then(DossierCommand command) => Then(command, Clock.AddMinutes(5));

    /// <summary>Decides the command at that instant, without appending anything.</summary>
    public Decision When(DossierCommand command, DateTimeOffset at) => DossierDecider.Decide(command, State, ContextAt(at));
}
