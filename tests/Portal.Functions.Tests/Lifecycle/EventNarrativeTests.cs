using System.Reflection;
using System.Text.Json.Serialization;
using Portal.Domain.Lifecycle;
using Portal.Functions.Dossiers;
using Portal.Functions.Lifecycle;

namespace Portal.Functions.Tests.Lifecycle;

/// <summary>The wording of every event kind: timeline lines and the messages each event owes.</summary>
public class EventNarrativeTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Every event kind the history may hold, from the polymorphic JSON declaration, so none is forgotten.</summary>
    private static readonly Type[] EventKinds = typeof(LifecycleEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType).ToArray();

    /// <summary>One event of a kind, with every free text (reasons, missing items) ending in a full stop as officers type them.</summary>
    private static LifecycleEvent Sample(Type kind, string reason)
    {
        LifecycleEvent e = kind.Name switch
        {
            nameof(Submitted) => new Submitted { At = At, Actor = "c", Role = OfficerRole.Citizen, ProvisionalAppointmentAt = At.AddDays(3) },
            nameof(Received) => new Received { At = At, Actor = "d", Role = OfficerRole.Desk, ClockStartAt = At, AppointmentAt = At.AddDays(3), StepDueAt = At.AddDays(1) },
            nameof(PaymentRequested) => new PaymentRequested { At = At, Actor = "d", Role = OfficerRole.Desk, AmountVnd = 50_000, PaymentDueAt = At.AddDays(5) },
            nameof(RefusedAtIntake) => new RefusedAtIntake { At = At, Actor = "d", Role = OfficerRole.Desk },
            nameof(SupplementRequested) => new SupplementRequested
            {
                At = At, Actor = "d", Role = OfficerRole.Desk, Missing = ["Bản sao giấy khai sinh.", "Ảnh 4x6."], SupplementDueAt = At.AddDays(15), Ordinal = 1,
            },
            nameof(SupplementProvided) => new SupplementProvided { At = At, Actor = "c", Role = OfficerRole.Citizen, PausedWorkingTime = TimeSpan.FromHours(1), AppointmentAt = At.AddDays(4) },
            nameof(Forwarded) => new Forwarded { At = At, Actor = "s", Role = OfficerRole.Specialist, FromStep = "tham-dinh", ToStep = "phe-duyet", StepDueAt = At.AddDays(2) },
            nameof(Approved) => new Approved { At = At, Actor = "h", Role = OfficerRole.Head, ToStep = "ky-ban-hanh", StepDueAt = At.AddDays(2) },
            nameof(Rejected) => new Rejected { At = At, Actor = "h", Role = OfficerRole.Head },
            nameof(Extended) => new Extended { At = At, Actor = "h", Role = OfficerRole.Head, PreviousAppointmentAt = At.AddDays(3), AppointmentAt = At.AddDays(8) },
            nameof(ProcessingStopped) => new ProcessingStopped { At = At, Actor = "h", Role = OfficerRole.Head },
            nameof(ResultIssued) => new ResultIssued { At = At, Actor = "l", Role = OfficerRole.Leader, Sha256 = new string('a', 64), Blob = "r.pdf", ToStep = "tra-ket-qua", StepDueAt = At.AddDays(1) },
            nameof(ResultReturned) => new ResultReturned { At = At, Actor = "d", Role = OfficerRole.Desk, Channel = ReturnChannel.Post, RatingRequestAt = At.AddHours(1) },
            nameof(Withdrawn) => new Withdrawn { At = At, Actor = "c", Role = OfficerRole.Citizen },
            nameof(StepOverdue) => new StepOverdue { At = At, Actor = "system", Role = OfficerRole.System, Step = "tham-dinh" },
            nameof(ApologyDrafted) => new ApologyDrafted
            {
                At = At, Actor = "system", Role = OfficerRole.System, AppointmentAt = At.AddDays(3), ProposedAppointmentAt = At.AddDays(6), DraftText = "Xin lỗi.",
            },
            nameof(BecameOverdue) => new BecameOverdue { At = At, Actor = "system", Role = OfficerRole.System },
            nameof(SupplementOverdue) => new SupplementOverdue { At = At, Actor = "system", Role = OfficerRole.System },
            nameof(RatingRequested) => new RatingRequested { At = At, Actor = "system", Role = OfficerRole.System },
            nameof(PaymentOverdue) => new PaymentOverdue { At = At, Actor = "system", Role = OfficerRole.System },
            _ => throw new InvalidOperationException($"Add a sample of {kind.Name} to this test."),
        };
        return e with { Reason = reason };
    }

    public static TheoryData<string> Reasons => new() { "Hồ sơ thiếu chữ ký.", "Hồ sơ thiếu chữ ký. ", "Chờ xác minh...", "Vì sao?", "Không có dấu chấm" };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void EveryTextOfEveryEventKind_HasNoDoubledFullStop(string reason)
    {
        Assert.Equal(20, EventKinds.Length);
        foreach (var kind in EventKinds)
        {
            var e = Sample(kind, reason);
            var texts = EventNarrative.MessagesFor(e, "000.00.72.H53-261123-0001").Select(m => m.Text).Prepend(EventNarrative.Describe(e, ProcessingPlan.Default));
            foreach (var text in texts)
            {
                var withoutReasonItself = reason.Contains("..") ? text.Replace(reason.Trim(), "«reason»") : text;
                Assert.False(withoutReasonItself.Contains(".."), $"{kind.Name}: \"{text}\"");
                Assert.False(text.Contains(". ."), $"{kind.Name}: \"{text}\"");
            }
        }
    }

    [Fact]
    public void ReasonWithoutAFullStop_GetsOne()
    {
        var text = EventNarrative.Describe(Sample(typeof(Rejected), "Không đủ điều kiện"), ProcessingPlan.Default);

        Assert.EndsWith("Lý do: Không đủ điều kiện.", text);
    }

    [Fact]
    public void AwaitingTheFee_TheTimelineAndTheAppointmentNoteTellTheSameStory()
    {
        var payment = Sample(typeof(PaymentRequested), "");
        var line = EventNarrative.Describe(payment, ProcessingPlan.Default);
        var state = new DossierState { Status = Domain.Dossiers.DossierStatus.AwaitingPayment, SubmittedAt = At };
        var note = AppointmentWording.For(state)!;

        // Not yet received: the clock starts when the fee is paid; neither text says it was received, nor "on receipt".
        Assert.DoesNotContain("được tiếp nhận;", line);
        Assert.Contains("khi đã nộp phí", line);
        Assert.Contains("nộp phí", note.Vi);
        Assert.DoesNotContain("khi hồ sơ được tiếp nhận", note.Vi);
        Assert.Contains("fee", note.En);
    }

    [Fact]
    public void AppointmentNote_FollowsTheState()
    {
        DossierState In(Domain.Dossiers.DossierStatus status, DateTimeOffset? clockStart = null) =>
            new() { Status = status, SubmittedAt = At, ClockStartAt = clockStart, AppointmentAt = clockStart?.AddDays(3) };

        Assert.Contains("khi Bộ phận một cửa tiếp nhận", AppointmentWording.For(In(Domain.Dossiers.DossierStatus.Submitted))!.Vi);
        Assert.Contains("tiếp nhận", AppointmentWording.For(In(Domain.Dossiers.DossierStatus.SupplementRequested))!.Vi);
        Assert.Contains("tạm dừng", AppointmentWording.For(In(Domain.Dossiers.DossierStatus.SupplementRequested, At))!.Vi);
        Assert.Null(AppointmentWording.For(In(Domain.Dossiers.DossierStatus.Received, At)));
        Assert.Null(AppointmentWording.For(In(Domain.Dossiers.DossierStatus.ResultIssued, At)));
    }
}
