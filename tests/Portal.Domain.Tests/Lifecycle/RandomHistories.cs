using FsCheck;
using FsCheck.Fluent;
using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;
using Portal.Domain.Tests.Calendar;

namespace Portal.Domain.Tests.Lifecycle;

/// <summary>One random move: which command, in which role, how much later, and the command's variable parts.</summary>
/// <param name="Pick">Which command: below 10 the one that moves the dossier on, below 22 one the status allows (timers
/// included), else any command.</param>
/// <param name="RoleChoice">-1 for the role the table expects, else an <see cref="OfficerRole"/> by number.</param>
/// <param name="Minutes">Minutes after the previous move.</param>
/// <param name="Number">Extension days (may be out of range); when divisible by 11 the reason is left out.</param>
/// <param name="TimerChoice">Below 7 a timer the state wants (fired at its instant), else a stale one.</param>
internal sealed record Move(int Pick, int RoleChoice, int Minutes, int Number, int TimerChoice);

/// <summary>A random dossier life: the procedure, the submission instant and the moves.</summary>
internal sealed record Script(int PlanIndex, long FeeVnd, DateTimeOffset SubmittedAt, Move[] Moves)
{
    public ProcessingPlan Plan => RandomHistories.Plans[PlanIndex];
}

/// <summary>One decided command of a run, with the state it was decided in.</summary>
internal sealed record Step(DossierState Before, DateTimeOffset At, DossierCommand Command, Decision Decision, DossierState After);

/// <summary>The outcome of a script: the recorded events, the state folded step by step, and every step.</summary>
internal sealed record Run(IReadOnlyList<LifecycleEvent> Events, DossierState State, IReadOnlyList<Step> Steps);

/// <summary>Random command sequences, applied with Decide and Evolve, keeping only what is accepted.</summary>
internal static class RandomHistories
{
    public static readonly ProcessingPlan[] Plans = [ProcessingPlan.Default, LifecycleDefaults.TwoExaminations, LifecycleDefaults.ApprovalFirst];

    private static readonly DateTimeOffset Origin = RealCalendar.At(2026, 1, 1);
    private static readonly OfficerRole[] Roles = Enum.GetValues<OfficerRole>();

    private static readonly Gen<Move> Moves =
        from pick in Gen.Choose(0, 29)
        from role in Gen.Frequency((4, Gen.Constant(-1)), (1, Gen.Choose(0, Roles.Length - 1)))
        from minutes in Gen.Frequency((4, Gen.Choose(0, 240)), (3, Gen.Choose(0, 3 * 1440)), (1, Gen.Choose(0, 20 * 1440)))
        from number in Gen.Frequency((6, Gen.Choose(1, 10)), (1, Gen.Choose(-1, 32)))
        from timer in Gen.Choose(0, 9)
        select new Move(pick, role, minutes, number, timer);

    public static readonly Gen<Script> Scripts =
        from plan in Gen.Choose(0, Plans.Length - 1)
        from fee in Gen.Elements(0L, LifecycleDefaults.Fee)
        from minute in Gen.Choose(0, 500 * 1440)
        from length in Gen.Choose(0, 40)
        from moves in Gen.ArrayOf(Moves, length)
        select new Script(plan, fee, Origin.AddMinutes(minute), moves);

    /// <summary>Plays a script: every move is decided; accepted events are recorded and folded in.</summary>
    public static Run Play(Script script)
    {
        var submitted = DossierDecider.Submit(script.SubmittedAt, "citizen-01", LifecycleDefaults.TenWorkingDays, LifecycleDefaults.Calendar);
        var events = new List<LifecycleEvent> { submitted };
        var state = DossierDecider.Evolve(null, submitted);
        var steps = new List<Step>();
        var now = script.SubmittedAt;
        foreach (var move in script.Moves)
        {
            now = now.AddMinutes(move.Minutes);
            var command = CommandFor(move, state, script.Plan, ref now);
            var decision = DossierDecider.Decide(command, state, LifecycleDefaults.Context(now, script.Plan, script.FeeVnd));
            var before = state;
            foreach (var e in decision.Events)
            {
                events.Add(e);
                state = DossierDecider.Evolve(state, e);
            }
            steps.Add(new Step(before, now, command, decision, state));
        }
        return new Run(events, state, steps);
    }

    private static DossierCommand CommandFor(Move move, DossierState state, ProcessingPlan plan, ref DateTimeOffset now)
    {
        var allowed = DossierTransitions.CommandsIn(state.Status).Append(nameof(FireTimer)).ToList();
        var name = move.Pick switch
        {
            < 10 => Progress(state, plan),
            < 22 => allowed[move.Pick % allowed.Count],
            _ => TestCommands.AllNames[move.Pick % TestCommands.AllNames.Count],
        };
        var role = move.RoleChoice < 0 ? ExpectedRole(name, state, plan) : Roles[move.RoleChoice];
        DossierCommand command = name switch
        {
            nameof(Extend) => TestCommands.Extend(move.Number, role),
            nameof(FireTimer) => Timer(move, state, role, ref now),
            _ => TestCommands.Parse(name, role, state, now),
        };
        return move.Number % 11 == 0 ? command with { Reason = null } : command;
    }

    private static FireTimer Timer(Move move, DossierState state, OfficerRole role, ref DateTimeOffset now)
    {
        var wanted = DossierTimers.Due(state, LifecycleDefaults.Calendar, LifecycleSettings.Default);
        if (move.TimerChoice < 7 && wanted.Count > 0)
        {
            var timer = wanted[move.TimerChoice % wanted.Count];
            if (timer.DueAt > now) now = timer.DueAt;
            return TestCommands.Timer(timer.Kind, timer.DueAt, role);
        }
        return TestCommands.Timer((DossierTimerKind)(move.TimerChoice % 5), now.AddMinutes(-move.Minutes - 1), role);
    }

    /// <summary>The command that moves the dossier towards its result (so that random lives get far).</summary>
    private static string Progress(DossierState state, ProcessingPlan plan) => state.Status switch
    {
        DossierStatus.Submitted => nameof(Receive),
        DossierStatus.AwaitingPayment => nameof(ConfirmPayment),
        DossierStatus.SupplementRequested => nameof(ProvideSupplement),
        DossierStatus.ResultIssued => nameof(ReturnResult),
        DossierStatus.Received or DossierStatus.InProgress or DossierStatus.Extended or DossierStatus.Approved => plan.Steps[state.StepIndex].Kind switch
        {
            StepKind.Examine => nameof(Forward),
            StepKind.Approve => nameof(Approve),
            _ => nameof(IssueResult),
        },
        _ => nameof(FireTimer),
    };

    private static OfficerRole ExpectedRole(string name, DossierState state, ProcessingPlan plan)
    {
        var row = DossierTransitions.For(name, state.Status).FirstOrDefault() ?? DossierTransitions.All.First(t => t.Command == name);
        if (row.Roles is { Count: > 0 } roles) return roles[state.Version % roles.Count];
        return state.StepIndex >= 0 && state.StepIndex < plan.Steps.Count ? plan.Steps[state.StepIndex].Role : OfficerRole.Desk;
    }
}
