using Portal.Testing;

namespace Portal.Resilience.Tests;

/// <summary>One thing a person does to a dossier, and the history event it must leave (exactly once) if it was applied.</summary>
/// <param name="Action">raiseEvent name, or "Supplement" for the citizen's POST /api/dossiers/{code}/supplement.</param>
/// <param name="EventType">The history event it appends.</param>
/// <param name="Actor">Who does it (the token's subject, which the event records).</param>
public sealed record Step(string Action, string EventType, string Actor)
{
    /// <summary>Officer decisions carry If-Match: the version the officer saw, so a retry can never apply twice.</summary>
    public bool Conditional => Action != "Supplement";

    public static readonly Step Receive = new("Receive", "Received", Officers.Desk);
    public static readonly Step RequestSupplement = new("RequestSupplement", "SupplementRequested", Officers.Specialist);
    public static readonly Step Supplement = new("Supplement", "SupplementProvided", Citizens.Lan);
    public static readonly Step Forward = new("Forward", "Forwarded", Officers.Specialist);
    public static readonly Step Approve = new("Approve", "Approved", Officers.Head);
    public static readonly Step Extend = new("Extend", "Extended", Officers.Head);
    public static readonly Step IssueResult = new("IssueResult", "ResultIssued", Officers.Leader);
    public static readonly Step ReturnResult = new("ReturnResult", "ResultReturned", Officers.Desk);

    /// <summary>
    /// A birth registration's path: receive; zero to two supplement rounds (before or after forwarding); forward;
    /// approve; sometimes an extension; issue the signed result; return it.
    /// </summary>
    public static IReadOnlyList<Step> RandomPlan(Random random)
    {
        var plan = new List<Step> { Receive };
        void Rounds(int n)
        {
            for (var i = 0; i < n; i++) plan.AddRange([RequestSupplement, Supplement]);
        }
        var rounds = random.Next(3);
        var beforeForward = random.Next(rounds + 1);
        Rounds(beforeForward);
        plan.Add(Forward);
        Rounds(rounds - beforeForward);
        plan.Add(Approve);
        if (random.NextDouble() < 0.3) plan.Add(Extend);
        plan.AddRange([IssueResult, ReturnResult]);
        return plan;
    }
}

/// <summary>How the client came to know an action was applied.</summary>
public enum Outcome
{
    /// <summary>2xx on the first request.</summary>
    Acknowledged,
    /// <summary>2xx after one or more requests that got no answer.</summary>
    AcknowledgedAfterRetry,
    /// <summary>No answer, then 409 on retry, and the event is in the history: applied by the unanswered request.</summary>
    ConfirmedAfterUnknown,
}

/// <summary>An applied action as the client knows it.</summary>
/// <param name="Step">What.</param>
/// <param name="Sequence">Where it must be in the history (known exactly for conditional actions), or null.</param>
/// <param name="Outcome">How the client knows.</param>
public sealed record Applied(Step Step, int? Sequence, Outcome Outcome);

/// <summary>A dossier driven by one client task: its plan, how far it got, and what the client knows was applied.</summary>
public sealed class DossierRun(string code, IReadOnlyList<Step> plan)
{
    /// <summary>Dossier code.</summary>
    public string Code { get; } = code;
    /// <summary>What the dossier goes through.</summary>
    public IReadOnlyList<Step> Plan { get; } = plan;
    /// <summary>Index of the next step.</summary>
    public int Next { get; set; }
    /// <summary>Whether every step was done.</summary>
    public bool Done => Next >= Plan.Count;
    /// <summary>Applied actions in the order they were applied.</summary>
    public List<Applied> Applied { get; } = [];
}
