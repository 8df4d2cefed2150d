using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;
using static Portal.Domain.Tests.Lifecycle.LifecycleDefaults;
using static Portal.Domain.Tests.Lifecycle.TestCommands;

namespace Portal.Domain.Tests.Lifecycle;

public class CurrentReasonAndIntakeOfficerTests
{
    [Fact]
    public void LastReason_IsTheReasonOfTheLatestEventThatGaveOne()
    {
        var history = DossierHistory.SubmittedAt(Now).Then(Receive())
            .Then(RequestSupplement(OfficerRole.Specialist) with { Reason = "Thiếu giấy tờ" });
        Assert.Equal("Thiếu giấy tờ", history.State.LastReason);

        history.Then(ProvideSupplement());
        Assert.Null(history.State.LastReason);

        history.Then(Forward() with { Reason = "Đủ điều kiện, trình lãnh đạo" });
        Assert.Equal("Đủ điều kiện, trình lãnh đạo", history.State.LastReason);

        history.Then(Extend() with { Reason = "Chờ xác minh" });
        Assert.Equal("Chờ xác minh", history.State.LastReason);
    }

    [Fact]
    public void LastReason_AfterASupplementWithANote_IsTheCitizensNote()
    {
        var history = DossierHistory.SubmittedAt(Now).Then(Receive()).Then(RequestSupplement())
            .Then(ProvideSupplement() with { Reason = "Đã bổ sung bản sao" });

        Assert.Equal("Đã bổ sung bản sao", history.State.LastReason);
    }

    [Fact]
    public void ControlSlip_IntakeLine_NamesTheDeskOfficerWhoReceived_NotWhoConfirmedThePayment()
    {
        var history = DossierHistory.SubmittedAt(Now, feeVnd: Fee)
            .Then(Receive())
            .Then(ConfirmPayment(OfficerRole.System));

        var intake = ControlSlip.From(history.Events, ProcessingPlan.Default)[0];

        Assert.Equal("tiep-nhan", intake.Step);
        Assert.Equal(ActorFor(OfficerRole.Desk), intake.Officer);
    }

    [Fact]
    public void ControlSlip_IntakeLine_WithoutAFee_NamesTheReceivingOfficer()
    {
        var history = DossierHistory.SubmittedAt(Now).Then(Receive());

        Assert.Equal(ActorFor(OfficerRole.Desk), ControlSlip.From(history.Events, ProcessingPlan.Default)[0].Officer);
    }

    [Fact]
    public void ApprovedStatus_NamesTheNextStep_TheLeadersSignature()
    {
        var approved = DossierStatuses.Of(DossierStatus.Approved);

        Assert.Contains("ký ban hành", approved.Vietnamese);
        Assert.DoesNotContain("trả kết quả", approved.Vietnamese);
        Assert.Contains("signature", approved.English);
        Assert.Equal(StepKind.Sign, ProcessingPlan.Default.Steps[ProcessingPlan.Default.IndexOf(StepKind.Approve) + 1].Kind);
    }
}
