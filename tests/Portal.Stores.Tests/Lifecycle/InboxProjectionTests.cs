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

    [Fact]
    public async Task Project_WhenTheDueTimeChanges_ReKeysTheLine_LeavingExactlyOneLinePerDossier()
    {
        var inbox = stores.Get<InboxProjection>();
        var plan = stores.Get<Deadlines>().PlanFor("1.001193");
        var agency = $"T{Random.Shared.Next(100_000, 999_999)}";
        var v1 = DossierStoreTests.NewDossier(agency);
        var stepDue = v1.Lifecycle.SubmittedAt.AddHours(20);
        var v2 = v1 with { Lifecycle = v1.Lifecycle with { Status = DossierStatus.Received, Version = 2, StepIndex = 0, StepDueAt = stepDue } };

        await inbox.ProjectAsync(v1, plan, default);
        await inbox.ProjectAsync(v2, plan, default);
        await inbox.ProjectAsync(v2, plan, default); // a relay running twice

        var line = Assert.Single(await inbox.ForAgencyAsync(agency, default));
        Assert.Equal(stepDue, line.DueAt);
        var rows = stores.Get<Azure.Data.Tables.TableServiceClient>().GetTableClient(Portal.Functions.Infrastructure.StorageNames.InboxTable)
            .QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {agency}"));
        var keys = new List<string>();
        await foreach (var row in rows) keys.Add(row.RowKey);
        Assert.Equal([InboxProjection.PointerRow(v1.Code), InboxProjection.LineRow(stepDue, v1.Code)], keys);
        Assert.Equal(line, await inbox.FindAsync(agency, v1.Code, default));
    }

    [Fact]
    public async Task PageAsync_ReadsEarliestDueFirst_PageByPage_WithTheServersFilters()
    {
        var inbox = stores.Get<InboxProjection>();
        var plan = stores.Get<Deadlines>().PlanFor("1.001193");
        var agency = $"T{Random.Shared.Next(100_000, 999_999)}";
        var dossiers = Enumerable.Range(0, 5).Select(i =>
        {
            var d = DossierStoreTests.NewDossier(agency);
            var received = i % 2 == 0;
            return d with
            {
                Lifecycle = d.Lifecycle with
                {
                    Status = received ? DossierStatus.Received : DossierStatus.Submitted, Version = received ? 2 : 1, StepIndex = received ? 0 : -1,
                    StepDueAt = received ? d.Lifecycle.SubmittedAt.AddHours(10 - i) : null,
                },
            };
        }).ToList();
        foreach (var d in dossiers) await inbox.ProjectAsync(d, plan, default);
        var all = new InboxQuery(null, null, null, null, null, null);

        var seen = new List<InboxItem>();
        string? next = null;
        do
        {
            var page = await inbox.PageAsync(agency, all, 2, next, default);
            Assert.InRange(page.Items.Count, 1, 2);
            seen.AddRange(page.Items);
            next = page.Next;
        }
        while (next is not null);
        Assert.Equal(dossiers.Select(d => d.Code).Order(), seen.Select(i => i.Code).Order());
        Assert.Equal(seen.Select(i => i.DueAt).Order().ToList(), seen.Select(i => i.DueAt).ToList());

        var received = await inbox.PageAsync(agency, all with { Status = DossierStatus.Received, Roles = [plan.Steps[0].Role] }, 100, null, default);
        Assert.Equal(3, received.Items.Count);
        Assert.Null(received.Next);
        Assert.Empty((await inbox.PageAsync(agency, all with { Roles = [] }, 100, null, default)).Items);
        var window = await inbox.PageAsync(agency, all with { DueFrom = received.Items[1].DueAt, DueTo = received.Items[2].DueAt }, 100, null, default);
        Assert.Equal(received.Items[1].Code, Assert.Single(window.Items).Code);
    }
}
