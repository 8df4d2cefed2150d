using Portal.Domain.Calendar;
using Portal.Domain.Lifecycle;
using Portal.Domain.Tests.Calendar;

namespace Portal.Domain.Tests.Lifecycle;

/// <summary>The fixed world the lifecycle tests decide in: the real calendar, ten working days, the default plan.</summary>
internal static class LifecycleDefaults
{
    /// <summary>The real holiday calendar of the app.</summary>
    public static WorkingCalendar Calendar => RealCalendar.Calendar;

    /// <summary>Monday 23 November 2026, 09:00 in Vietnam: when the "when" command of a table row is decided.</summary>
    public static readonly DateTimeOffset Now = RealCalendar.At(2026, 11, 23, 9, 0);

    /// <summary>The procedure's processing time.</summary>
    public static readonly ProcessingTime TenWorkingDays = ProcessingTime.WorkingDays(10);

    /// <summary>A fee for procedures that charge one (VND).</summary>
    public const long Fee = 50_000;

    /// <summary>A plan with two examination steps, so that Forward can be given in InProgress.</summary>
    public static readonly ProcessingPlan TwoExaminations = new(
    [
        new("kiem-tra", "Kiểm tra hồ sơ", OfficerRole.Specialist, 0.3m, StepKind.Examine),
        new("tham-dinh", "Thẩm định", OfficerRole.Specialist, 0.3m, StepKind.Examine),
        new("phe-duyet", "Xem xét, phê duyệt", OfficerRole.Head, 0.2m, StepKind.Approve),
        new("ky-ban-hanh", "Ký, ban hành kết quả", OfficerRole.Leader, 0.1m, StepKind.Sign),
        new("tra-ket-qua", "Trả kết quả", OfficerRole.Desk, 0.1m, StepKind.Return),
    ]);

    /// <summary>A plan whose first step is the approval, so that Approve and Reject can be given in Received.</summary>
    public static readonly ProcessingPlan ApprovalFirst = new(
    [
        new("phe-duyet", "Xem xét, phê duyệt", OfficerRole.Head, 0.7m, StepKind.Approve),
        new("ky-ban-hanh", "Ký, ban hành kết quả", OfficerRole.Leader, 0.2m, StepKind.Sign),
        new("tra-ket-qua", "Trả kết quả", OfficerRole.Desk, 0.1m, StepKind.Return),
    ]);

    /// <summary>The context a decision is taken in.</summary>
    public static DecisionContext Context(DateTimeOffset now, ProcessingPlan? plan = null, long feeVnd = 0) =>
        new(now, Calendar, plan ?? ProcessingPlan.Default, TenWorkingDays, feeVnd, LifecycleSettings.Default);
}
