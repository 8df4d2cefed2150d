using Portal.Domain.Dossiers;
using Portal.Functions.Dossiers;
using Portal.Functions.Lifecycle;
using Portal.Stores.Tests.Dossiers;

namespace Portal.Stores.Tests.Lifecycle;

/// <summary>Officers' inbox lines follow the dossier and never go back to an older version.</summary>
[Collection(StoresFixture.CollectionName)]
public sealed class InboxProjectionTests(StoresFixture stores)
{
    [Fact]
    public async Task Project_KeepsTheNewestVersion_AndRemovesClosedDossiers()
    {
        var inbox = stores.Get<InboxProjection>();
        var plan = stores.Get<Deadlines>().PlanFor("1.001193");
        var agency = $"T{Random.Shared.Next(100_000, 999_999)}";
        var v1 = DossierStoreTests.NewDossier(agency);
        var v3 = v1 with { Lifecycle = v1.Lifecycle with { Status = DossierStatus.Received, Version = 3, StepIndex = 0 } };

        await inbox.ProjectAsync(v3, plan, default);
        await inbox.ProjectAsync(v1, plan, default); // a late relay of an older version

        var line = Assert.Single(await inbox.ForAgencyAsync(agency, default));
        Assert.Equal(3, line.Version);
        Assert.Equal(DossierStatus.Received, line.Status);
        Assert.Equal(plan.Steps[0].Id, line.StepId);

        await inbox.ProjectAsync(v3 with { Lifecycle = v3.Lifecycle with { Status = DossierStatus.Withdrawn, Version = 4 } }, plan, default);
        Assert.Empty(await inbox.ForAgencyAsync(agency, default));
    }

    [Fact]
    public async Task Project_OfADossierWithoutAStep_LeavesTheStepOut()
    {
        var inbox = stores.Get<InboxProjection>();
        var agency = $"T{Random.Shared.Next(100_000, 999_999)}";

        await inbox.ProjectAsync(DossierStoreTests.NewDossier(agency), stores.Get<Deadlines>().PlanFor("1.001193"), default);

        var line = Assert.Single(await inbox.ForAgencyAsync(agency, default));
        Assert.Null(line.StepId);
        Assert.Null(line.StepName);
        Assert.Equal(1, line.Version);
    }
}
