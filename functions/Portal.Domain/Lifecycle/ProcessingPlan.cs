namespace Portal.Domain.Lifecycle;

/// <summary>One step of a procedure's processing plan (quy trình nội bộ).</summary>
/// <param name="Id">Stable id, e.g. "tham-dinh".</param>
/// <param name="Name">Vietnamese name shown on the control slip.</param>
/// <param name="Role">Who works at this step.</param>
/// <param name="Share">Share of the processing time (0-1); the shares of a plan add up to 1.</param>
/// <param name="Kind">What finishes the step.</param>
public sealed record ProcessingStep(string Id, string Name, OfficerRole Role, decimal Share, StepKind Kind);

/// <summary>What an officer does to finish a step.</summary>
public enum StepKind
{
    /// <summary>Examine and forward (thẩm định).</summary>
    Examine,
    /// <summary>Approve or reject (phê duyệt).</summary>
    Approve,
    /// <summary>Sign and issue the result (ký ban hành).</summary>
    Sign,
    /// <summary>Return the result (trả kết quả).</summary>
    Return,
}

/// <summary>
/// The ordered steps a dossier goes through after receipt, each with its share of the processing time
/// (Decree 118/2025: each step has its own time). Step 0 is where the dossier is right after receipt.
/// </summary>
public sealed record ProcessingPlan(IReadOnlyList<ProcessingStep> Steps)
{
    /// <summary>The plan used when a procedure names none: examine, approve, sign, return.</summary>
    public static ProcessingPlan Default { get; } = new(
    [
        new("tham-dinh", "Thẩm định, xử lý hồ sơ", OfficerRole.Specialist, 0.6m, StepKind.Examine),
        new("phe-duyet", "Xem xét, phê duyệt", OfficerRole.Head, 0.2m, StepKind.Approve),
        new("ky-ban-hanh", "Ký, ban hành kết quả", OfficerRole.Leader, 0.1m, StepKind.Sign),
        new("tra-ket-qua", "Trả kết quả", OfficerRole.Desk, 0.1m, StepKind.Return),
    ]);

    /// <summary>The first step of a kind, or -1.</summary>
    public int IndexOf(StepKind kind) => Steps.ToList().FindIndex(s => s.Kind == kind);

    /// <summary>Index of a step by id, or -1.</summary>
    public int IndexOf(string stepId) => Steps.ToList().FindIndex(s => s.Id == stepId);

    /// <summary>Share of the processing time used up when step <paramref name="index"/> ends.</summary>
    public decimal CumulativeShare(int index) => Steps.Take(index + 1).Sum(s => s.Share);
}
