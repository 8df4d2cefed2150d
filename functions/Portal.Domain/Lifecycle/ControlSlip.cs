namespace Portal.Domain.Lifecycle;

/// <summary>One line of the processing control slip (phiếu kiểm soát quá trình giải quyết hồ sơ).</summary>
/// <param name="Step">Step id ("tiep-nhan" for receipt).</param>
/// <param name="StepName">Step name.</param>
/// <param name="Officer">Who finished it (or is working on it).</param>
/// <param name="StartedAt">When the step started.</param>
/// <param name="DueAt">When it was due.</param>
/// <param name="EndedAt">When it ended (null while in progress).</param>
/// <param name="OnTime">Ended no later than due (null while in progress).</param>
public sealed record ControlSlipLine(string Step, string StepName, string? Officer, DateTimeOffset StartedAt, DateTimeOffset? DueAt,
    DateTimeOffset? EndedAt, bool? OnTime);

/// <summary>Derives the control slip from the history alone: each step, its officer, start, due and actual end. The
/// intake line ("tiep-nhan") names the desk officer who received the dossier, which the receipt slip prints.</summary>
public static class ControlSlip
{
    /// <summary>The slip's lines, in order.</summary>
    public static IReadOnlyList<ControlSlipLine> From(IEnumerable<LifecycleEvent> history, ProcessingPlan plan)
    {
        var lines = new List<ControlSlipLine>();
        DateTimeOffset? submittedAt = null;
        (string Id, DateTimeOffset Start, DateTimeOffset? Due)? open = null;
        // The desk officer who received the dossier: with a fee, the one who decided Receive (PaymentRequested), not
        // whoever (or whatever) later confirmed the payment.
        string? receivedBy = null;
        string Name(string id) => id == "tiep-nhan" ? "Tiếp nhận hồ sơ" : plan.Steps.FirstOrDefault(s => s.Id == id)?.Name ?? id;
        void Close(string? officer, DateTimeOffset end)
        {
            if (open is not { } o) return;
            lines.Add(new(o.Id, Name(o.Id), officer, o.Start, o.Due, end, o.Due is null || end <= o.Due));
            open = null;
        }
        foreach (var e in history)
        {
            switch (e)
            {
                case Submitted s:
                    submittedAt = s.At;
                    open = ("tiep-nhan", s.At, null);
                    break;
                case PaymentRequested p:
                    receivedBy = p.Actor;
                    break;
                case Received r:
                    Close(receivedBy ?? r.Actor, r.At);
                    open = (plan.Steps[0].Id, r.At, r.StepDueAt);
                    break;
                case SupplementProvided p when open is { } o && p.StepDueAt is { } moved:
                    open = (o.Id, o.Start, moved);
                    break;
                case Forwarded f:
                    Close(f.Actor, f.At);
                    open = (f.ToStep, f.At, f.StepDueAt);
                    break;
                case Approved a:
                    Close(a.Actor, a.At);
                    open = (a.ToStep, a.At, a.StepDueAt);
                    break;
                case ResultIssued r:
                    Close(r.Actor, r.At);
                    open = (r.ToStep, r.At, r.StepDueAt);
                    break;
                case ResultReturned or Rejected or RefusedAtIntake or ProcessingStopped or Withdrawn:
                    Close(e.Actor, e.At);
                    break;
            }
        }
        if (open is { } last) lines.Add(new(last.Id, Name(last.Id), null, last.Start, last.Due, null, null));
        return lines;
    }
}
