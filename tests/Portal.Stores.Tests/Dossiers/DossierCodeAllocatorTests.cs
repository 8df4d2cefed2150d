using Portal.Domain.Dossiers;
using Portal.Functions.Dossiers;

namespace Portal.Stores.Tests.Dossiers;

/// <summary>Dossier numbers from a counter row advanced with If-Match.</summary>
[Collection(StoresFixture.CollectionName)]
public sealed class DossierCodeAllocatorTests(StoresFixture stores)
{
    [Fact]
    public async Task NextAsync_CountsFromOnePerAgencyAndDay()
    {
        var allocator = stores.Get<DossierCodeAllocator>();
        var agency = $"T{Random.Shared.Next(100_000, 999_999)}";
        var day = new DateOnly(2026, 11, 23);

        var first = await allocator.NextAsync(agency, day, default);
        var second = await allocator.NextAsync(agency, day, default);
        var nextDay = await allocator.NextAsync(agency, day.AddDays(1), default);

        Assert.Equal(DossierCode.Format(agency, day, 1), first);
        Assert.Equal(DossierCode.Format(agency, day, 2), second);
        Assert.Equal(DossierCode.Format(agency, day.AddDays(1), 1), nextDay);
    }

    [Fact]
    public async Task NextAsync_UnderConcurrency_NeverRepeatsANumber()
    {
        var allocator = stores.Get<DossierCodeAllocator>();
        var agency = $"T{Random.Shared.Next(100_000, 999_999)}";
        var day = new DateOnly(2026, 11, 24);

        var codes = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(() => allocator.NextAsync(agency, day, default))));

        Assert.Equal(Enumerable.Range(1, 24).Select(n => DossierCode.Format(agency, day, n)).Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
    }
}
