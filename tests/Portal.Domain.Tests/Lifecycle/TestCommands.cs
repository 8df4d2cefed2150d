using System.Security.Cryptography;
using System.Text;
using Portal.Domain.Lifecycle;
using static Portal.Domain.Lifecycle.OfficerRole;

namespace Portal.Domain.Tests.Lifecycle;

/// <summary>Valid commands, by name or one by one, as the given-when-then tables spell them.</summary>
internal static class TestCommands
{
    /// <summary>A reason good enough for the law.</summary>
    public const string Reason = "Lý do nêu rõ theo quy định";

    /// <summary>SHA-256 (lowercase hex) of a sample result PDF.</summary>
    public static readonly string ResultSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("kết quả giải quyết")));

    /// <summary>SHA-256 of a sample supplemented document.</summary>
    public static readonly string DocumentSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("giấy tờ bổ sung")));

    /// <summary>Every concrete command type's name, found by reflection so that a new command cannot be forgotten.</summary>
    public static IReadOnlyList<string> AllNames { get; } = typeof(DossierCommand).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(DossierCommand)) && !t.IsAbstract).Select(t => t.Name).Order().ToList();

    /// <summary>The actor id used for a role.</summary>
    public static string ActorFor(OfficerRole role) => role == OfficerRole.System ? "system" : $"{role.ToString().ToLowerInvariant()}-01";

    public static Receive Receive(OfficerRole role = Desk) => new() { Actor = ActorFor(role), Role = role };

    public static ConfirmPayment ConfirmPayment(OfficerRole role = Desk) => new() { Actor = ActorFor(role), Role = role };

    public static RefuseAtIntake RefuseAtIntake(OfficerRole role = Desk) => new() { Actor = ActorFor(role), Role = role, Reason = Reason };

    public static RequestSupplement RequestSupplement(OfficerRole role = Desk) =>
        new() { Actor = ActorFor(role), Role = role, Reason = Reason, Missing = ["Bản sao giấy khai sinh", "Ảnh 4x6"] };

    public static ProvideSupplement ProvideSupplement(OfficerRole role = Citizen) =>
        new() { Actor = ActorFor(role), Role = role, DocumentHashes = [DocumentSha256] };

    public static Forward Forward(OfficerRole role = Specialist) => new() { Actor = ActorFor(role), Role = role };

    public static Approve Approve(OfficerRole role = Head) => new() { Actor = ActorFor(role), Role = role };

    public static Reject Reject(OfficerRole role = Head) => new() { Actor = ActorFor(role), Role = role, Reason = Reason };

    public static Extend Extend(int workingDays = 5, OfficerRole role = Head) =>
        new() { Actor = ActorFor(role), Role = role, Reason = Reason, WorkingDays = workingDays };

    public static StopProcessing StopProcessing(OfficerRole role = Admin) => new() { Actor = ActorFor(role), Role = role, Reason = Reason };

    public static IssueResult IssueResult(OfficerRole role = Leader) =>
        new() { Actor = ActorFor(role), Role = role, Sha256 = ResultSha256, Blob = "results/000.00.12.H12-261123-0001.pdf" };

    public static ReturnResult ReturnResult(OfficerRole role = Desk) => new() { Actor = ActorFor(role), Role = role, Channel = ReturnChannel.Online };

    public static Withdraw Withdraw(OfficerRole role = Citizen) => new() { Actor = ActorFor(role), Role = role, Reason = Reason };

    public static FireTimer Timer(DossierTimerKind kind, DateTimeOffset dueAt, OfficerRole role = OfficerRole.System) =>
        new() { Actor = ActorFor(role), Role = role, Kind = kind, DueAt = dueAt };

    /// <summary>The timer of that kind the state wants (fails when it wants none).</summary>
    public static FireTimer WantedTimer(DossierTimerKind kind, DossierState state) =>
        Timer(kind, DueOf(kind, state) ?? throw new InvalidOperationException($"The state ({state.Status}) wants no {kind} timer."));

    /// <summary>When the state wants the timer of that kind, or null.</summary>
    public static DateTimeOffset? DueOf(DossierTimerKind kind, DossierState state) =>
        DossierTimers.Due(state, LifecycleDefaults.Calendar, LifecycleSettings.Default).FirstOrDefault(t => t.Kind == kind)?.DueAt;

    /// <summary>
    /// A valid command from a table's spelling: a command type name, or "FireTimer:Kind" (the timer's instant is the one
    /// the state wants, else <paramref name="now"/>, which no state wants).
    /// </summary>
    public static DossierCommand Parse(string spec, OfficerRole role, DossierState state, DateTimeOffset now)
    {
        var parts = spec.Split(':');
        return parts[0] switch
        {
            nameof(Portal.Domain.Lifecycle.Receive) => Receive(role),
            nameof(Portal.Domain.Lifecycle.ConfirmPayment) => ConfirmPayment(role),
            nameof(Portal.Domain.Lifecycle.RefuseAtIntake) => RefuseAtIntake(role),
            nameof(Portal.Domain.Lifecycle.RequestSupplement) => RequestSupplement(role),
            nameof(Portal.Domain.Lifecycle.ProvideSupplement) => ProvideSupplement(role),
            nameof(Portal.Domain.Lifecycle.Forward) => Forward(role),
            nameof(Portal.Domain.Lifecycle.Approve) => Approve(role),
            nameof(Portal.Domain.Lifecycle.Reject) => Reject(role),
            nameof(Portal.Domain.Lifecycle.Extend) => Extend(5, role),
            nameof(Portal.Domain.Lifecycle.StopProcessing) => StopProcessing(role),
            nameof(Portal.Domain.Lifecycle.IssueResult) => IssueResult(role),
            nameof(Portal.Domain.Lifecycle.ReturnResult) => ReturnResult(role),
            nameof(Portal.Domain.Lifecycle.Withdraw) => Withdraw(role),
            nameof(FireTimer) when parts.Length == 2 && Enum.TryParse<DossierTimerKind>(parts[1], out var kind) =>
                Timer(kind, DueOf(kind, state) ?? now, role),
            _ => throw new ArgumentException($"No test command is spelt \"{spec}\"; add it to {nameof(TestCommands)}.", nameof(spec)),
        };
    }

    /// <summary>The command type name of a spelling ("FireTimer:StepDue" → "FireTimer").</summary>
    public static string NameOf(string spec) => spec.Split(':')[0];

    /// <summary>Spoils a valid command in one way.</summary>
    public static DossierCommand With(this DossierCommand command, Flaw flaw) => flaw switch
    {
        Flaw.None => command,
        Flaw.NoReason => command with { Reason = null },
        Flaw.BlankReason => command with { Reason = " \t" },
        Flaw.NoMissingItems => (RequestSupplement)command with { Missing = [] },
        Flaw.BlankMissingItems => (RequestSupplement)command with { Missing = ["", "   "] },
        Flaw.ZeroDays => (Extend)command with { WorkingDays = 0 },
        Flaw.NegativeDays => (Extend)command with { WorkingDays = -2 },
        Flaw.TooManyDays => (Extend)command with { WorkingDays = LifecycleSettings.Default.MaxExtensionWorkingDays + 1 },
        Flaw.ShortSha256 => (IssueResult)command with { Sha256 = ResultSha256[..63] },
        Flaw.LongSha256 => (IssueResult)command with { Sha256 = ResultSha256 + "0" },
        Flaw.NonHexSha256 => (IssueResult)command with { Sha256 = "g" + ResultSha256[1..] },
        _ => throw new ArgumentOutOfRangeException(nameof(flaw), flaw, null),
    };
}

/// <summary>One way a command can be wrong in its content.</summary>
public enum Flaw
{
    None,
    NoReason,
    BlankReason,
    NoMissingItems,
    BlankMissingItems,
    ZeroDays,
    NegativeDays,
    TooManyDays,
    ShortSha256,
    LongSha256,
    NonHexSha256,
}
