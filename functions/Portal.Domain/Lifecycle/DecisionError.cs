namespace Portal.Domain.Lifecycle;

/// <summary>Why a command was refused.</summary>
public enum DecisionErrorKind
{
    /// <summary>The command is not allowed in the current status or step.</summary>
    NotAllowedNow,
    /// <summary>The actor's role may not give this command here.</summary>
    WrongRole,
    /// <summary>The law needs a reason and none was given.</summary>
    ReasonRequired,
    /// <summary>A value of the command is not acceptable.</summary>
    InvalidInput,
}

/// <summary>A refused command, with a message (Vietnamese) that says why and what is possible instead.</summary>
/// <param name="Kind">Kind of refusal.</param>
/// <param name="Field">The command field at fault, if any.</param>
/// <param name="Message">What to do.</param>
public sealed record DecisionError(DecisionErrorKind Kind, string? Field, string Message);

/// <summary>The outcome of <see cref="DossierDecider.Decide"/>: events to append, or an error.</summary>
public sealed record Decision
{
    private Decision(IReadOnlyList<LifecycleEvent> events, DecisionError? error) => (Events, Error) = (events, error);

    /// <summary>Events to append (empty for a timer that no longer applies).</summary>
    public IReadOnlyList<LifecycleEvent> Events { get; }

    /// <summary>Why it was refused, or null.</summary>
    public DecisionError? Error { get; }

    /// <summary>Whether it was accepted.</summary>
    public bool IsAccepted => Error is null;

    /// <summary>Accepted with these events.</summary>
    public static Decision Accept(params LifecycleEvent[] events) => new(events, null);

    /// <summary>Refused.</summary>
    public static Decision Refuse(DecisionErrorKind kind, string message, string? field = null) => new([], new DecisionError(kind, field, message));
}
