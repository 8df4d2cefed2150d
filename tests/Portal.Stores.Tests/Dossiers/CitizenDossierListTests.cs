using Portal.Domain.Dossiers;
using Portal.Functions.Dossiers;

namespace Portal.Stores.Tests.Dossiers;

/// <summary>A citizen's own list follows each dossier, newest first, and never goes back to an older version.</summary>
[Collection(StoresFixture.CollectionName)]
public sealed class CitizenDossierListTests(StoresFixture stores)
{
    [Fact]
    public async Task Project_KeepsTheNewestVersion_AndPagesNewestFirst()
    {
        var list = stores.Get<CitizenDossierList>();
        var subject = $"vneid-test-{Guid.NewGuid():N}";
        var dossiers = Enumerable.Range(0, 3).Select(i =>
        {
            var d = DossierStoreTests.NewDossier() with { ApplicantSubject = subject };
            return d with { Lifecycle = d.Lifecycle with { SubmittedAt = d.Lifecycle.SubmittedAt.AddMinutes(i) } };
        }).ToList();
        foreach (var d in dossiers) await list.ProjectAsync(d, default);
        var newer = dossiers[0] with { Lifecycle = dossiers[0].Lifecycle with { Status = DossierStatus.Received, Version = 2 } };
        await list.ProjectAsync(newer, default);
        await list.ProjectAsync(dossiers[0], default); // a late relay of version 1

        var first = await list.PageAsync(subject, new CitizenListQuery(null, null), 2, null, default);
        var second = await list.PageAsync(subject, new CitizenListQuery(null, null), 2, first.Next, default);

        Assert.Equal([dossiers[2].Code, dossiers[1].Code], first.Items.Select(i => i.Code));
        Assert.Equal(dossiers[0].Code, Assert.Single(second.Items).Code);
        Assert.Equal(DossierStatus.Received, second.Items[0].Status);
        Assert.Null(second.Next);
        var received = await list.PageAsync(subject, new CitizenListQuery(DossierStatus.Received, "1.001193"), 10, null, default);
        Assert.Equal(dossiers[0].Code, Assert.Single(received.Items).Code);
    }
}
