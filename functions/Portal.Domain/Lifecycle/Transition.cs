using Portal.Domain.Dossiers;

namespace Portal.Domain.Lifecycle;

/// <summary>One allowed transition: a command, the statuses it may be given in, the status it leads to, who may give it.</summary>
/// <param name="Command">Command type name (e.g. "Receive").</param>
/// <param name="From">Statuses in which the command is accepted.</param>
/// <param name="To">Resulting status; null = unchanged (timers).</param>
/// <param name="Roles">Roles allowed; null = the role of the current step.</param>
/// <param name="AtStep">Kind of step the dossier must be at, if any.</param>
/// <param name="ReasonRequired">Whether the law needs a reason.</param>
/// <param name="When">Condition that selects this row among rows of the same command.</param>
public sealed record Transition(string Command, IReadOnlyList<DossierStatus> From, DossierStatus? To, IReadOnlyList<OfficerRole>? Roles,
    StepKind? AtStep, bool ReasonRequired, string? When = null);
