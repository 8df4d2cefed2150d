using Portal.Functions.Dossiers;

namespace Portal.Stores.Tests.Dossiers;

/// <summary>Idempotency records: the first attempt's entry wins.</summary>
[Collection(StoresFixture.CollectionName)]
public sealed class SubmissionLedgerTests(StoresFixture stores)
{
    [Fact]
    public async Task Record_WhenTheKeyWasRecordedFirstByAnotherAttempt_ReturnsThatEntry()
    {
        var ledger = stores.Get<SubmissionLedger>();
        var subject = "citizen-" + Guid.NewGuid().ToString("N")[..8];

        var first = await ledger.RecordAsync(subject, "key-00000001", new SubmissionEntry("A-261123-0001", "hash-1"), default);
        var second = await ledger.RecordAsync(subject, "key-00000001", new SubmissionEntry("A-261123-0002", "hash-2"), default);

        Assert.Equal(first, second);
        Assert.Equal(first, await ledger.FindAsync(subject, "key-00000001", default));
    }

    [Fact]
    public async Task CodesOf_ListsEveryDossierOfTheCitizenOnly()
    {
        var ledger = stores.Get<SubmissionLedger>();
        var subject = "citizen-" + Guid.NewGuid().ToString("N")[..8];
        await ledger.RecordAsync(subject, "key-00000001", new SubmissionEntry("A-261123-0001", "h1"), default);
        await ledger.RecordAsync(subject, "key-00000002", new SubmissionEntry("A-261123-0002", "h2"), default);
        await ledger.RecordAsync(subject + "x", "key-00000003", new SubmissionEntry("A-261123-0003", "h3"), default);

        Assert.Equal(["A-261123-0001", "A-261123-0002"], await ledger.CodesOfAsync(subject, default));
        Assert.Null(await ledger.FindAsync(subject, "key-00000003", default));
    }
}
