using Azure.Data.Tables;
using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;
using Portal.Functions.Dossiers;
using Portal.Functions.Infrastructure;
using Portal.Functions.Lifecycle;

namespace Portal.Stores.Tests.Dossiers;

/// <summary>The dossier's commit point: state row, history rows and outbox rows in one transaction.</summary>
[Collection(StoresFixture.CollectionName)]
public sealed class DossierStoreTests(StoresFixture stores)
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    /// <summary>A new dossier of a code no other test uses.</summary>
    internal static DossierRecord NewDossier(string agency = "000.00.72.H53") => new()
    {
        Code = $"{agency}-261123-{Random.Shared.Next(1, 9999):D4}{Guid.NewGuid().ToString("N")[..6]}",
        ProcedureCode = "1.001193",
        AgencyCode = agency,
        ApplicantSubject = "vneid-dev-0001",
        ApplicantName = "Nguyễn Thị Lan",
        ApplicantPhone = "0912345678",
        FormJson = """{"applicant":{"fullName":"Nguyễn Thị Lan"}}""",
        Documents = [new StoredDocument("to-khai", "Tờ khai", "to-khai.pdf", 10, "application/pdf", new string('a', 64), "dossiers/x/to-khai/aaa")],
        Lifecycle = new DossierState { Status = DossierStatus.Submitted, SubmittedAt = At, ProvisionalAppointmentAt = At.AddDays(3), Version = 1 },
    };

    private static Submitted Event(int minutes) => new() { At = At.AddMinutes(minutes), Actor = "vneid-dev-0001", Role = OfficerRole.Citizen, ProvisionalAppointmentAt = At.AddDays(3) };

    [Fact]
    public async Task CommitNew_StoresStateHistoryAndOutbox_AndFindReadsThemBack()
    {
        var store = stores.Get<DossierStore>();
        var dossier = NewDossier();

        var etag = await store.CommitNewAsync(dossier, [new DossierEvent(1, Event(0), "Nộp hồ sơ")],
            [new OutboxMessage(1, 0, dossier.Code, Audience.Officers, nameof(Submitted), "Hồ sơ mới")], default);

        var found = await store.FindAsync(dossier.Code, default);
        Assert.NotNull(found);
        Assert.Equal(etag, found.ETag);
        Assert.Equal(dossier.ApplicantName, found.ApplicantName);
        Assert.Equal(dossier.Documents, found.Documents);
        Assert.Equal(TimeSpan.FromHours(7), found.SubmittedAt.Offset);
        Assert.Equal(At, found.SubmittedAt);
        var history = Assert.Single(await store.HistoryAsync(dossier.Code, default));
        Assert.Equal("Nộp hồ sơ", history.Text);
        Assert.IsType<Submitted>(history.Event);
        var (rowKey, message) = Assert.Single(await store.OutboxAsync(dossier.Code, default));
        Assert.Equal(DossierStore.OutboxRow(1, 0), rowKey);
        Assert.Equal("Hồ sơ mới", message.Text);
    }

    [Fact]
    public async Task CommitNew_OfAnExistingDossier_IsAlreadyExists_AndChangesNothing()
    {
        var store = stores.Get<DossierStore>();
        var dossier = NewDossier();
        await store.CommitNewAsync(dossier, [new DossierEvent(1, Event(0), "first")], [], default);

        var conflict = await Assert.ThrowsAsync<WriteConflictException>(() =>
            store.CommitNewAsync(dossier with { ApplicantName = "Someone else" }, [new DossierEvent(1, Event(1), "second")], [], default));

        Assert.Equal(WriteConflictKind.AlreadyExists, conflict.Kind);
        Assert.Equal("Nguyễn Thị Lan", (await store.FindAsync(dossier.Code, default))!.ApplicantName);
        Assert.Equal("first", Assert.Single(await store.HistoryAsync(dossier.Code, default)).Text);
    }

    [Fact]
    public async Task CommitChange_WithTheCurrentETag_ReplacesStateAndAppendsEvents()
    {
        var store = stores.Get<DossierStore>();
        var dossier = NewDossier();
        var etag = await store.CommitNewAsync(dossier, [new DossierEvent(1, Event(0), "first")], [], default);
        var changed = dossier with { Lifecycle = dossier.Lifecycle with { Status = DossierStatus.Received, Version = 2 } };

        var newETag = await store.CommitChangeAsync(changed, etag, [new DossierEvent(2, Event(5), "second")], [], default);

        var found = (await store.FindAsync(dossier.Code, default))!;
        Assert.Equal(newETag, found.ETag);
        Assert.NotEqual(etag, newETag);
        Assert.Equal(DossierStatus.Received, found.Status);
        Assert.Equal(["first", "second"], (await store.HistoryAsync(dossier.Code, default)).Select(e => e.Text));
    }

    [Fact]
    public async Task CommitChange_WithAStaleETag_IsChanged_AndWritesNoEventNorMessage()
    {
        var store = stores.Get<DossierStore>();
        var dossier = NewDossier();
        var stale = await store.CommitNewAsync(dossier, [new DossierEvent(1, Event(0), "first")], [], default);
        var v2 = dossier with { Lifecycle = dossier.Lifecycle with { Version = 2 } };
        await store.CommitChangeAsync(v2, stale, [new DossierEvent(2, Event(1), "winner")], [], default);

        var conflict = await Assert.ThrowsAsync<WriteConflictException>(() => store.CommitChangeAsync(v2 with { ApplicantName = "loser" }, stale,
            [new DossierEvent(3, Event(2), "loser")], [new OutboxMessage(3, 0, dossier.Code, Audience.Applicant, "x", "loser")], default));

        Assert.Equal(WriteConflictKind.Changed, conflict.Kind);
        Assert.Equal(0, conflict.FailedActionIndex);
        Assert.Equal(["first", "winner"], (await store.HistoryAsync(dossier.Code, default)).Select(e => e.Text));
        Assert.Empty(await store.OutboxAsync(dossier.Code, default));
        Assert.Equal("Nguyễn Thị Lan", (await store.FindAsync(dossier.Code, default))!.ApplicantName);
    }

    [Fact]
    public async Task CommitChange_AppendingAnEventRowThatExists_IsAConflict_AndRollsTheStateBack()
    {
        var store = stores.Get<DossierStore>();
        var dossier = NewDossier();
        var etag = await store.CommitNewAsync(dossier, [new DossierEvent(1, Event(0), "first")], [], default);

        var conflict = await Assert.ThrowsAsync<WriteConflictException>(() => store.CommitChangeAsync(
            dossier with { Lifecycle = dossier.Lifecycle with { Version = 2 } }, etag, [new DossierEvent(1, Event(1), "again")], [], default));

        Assert.Equal(1, conflict.FailedActionIndex);
        var found = (await store.FindAsync(dossier.Code, default))!;
        Assert.Equal(1, found.Lifecycle.Version);
        Assert.Equal(etag, found.ETag);
    }

    [Fact]
    public async Task DeleteOutbox_RemovesTheMessage_AndAMissingOneIsFine()
    {
        var store = stores.Get<DossierStore>();
        var dossier = NewDossier();
        await store.CommitNewAsync(dossier, [new DossierEvent(1, Event(0), "first")], [new OutboxMessage(1, 0, dossier.Code, Audience.Officers, "t", "m")], default);

        await store.DeleteOutboxAsync(dossier.Code, DossierStore.OutboxRow(1, 0), default);
        await store.DeleteOutboxAsync(dossier.Code, DossierStore.OutboxRow(1, 0), default);

        Assert.Empty(await store.OutboxAsync(dossier.Code, default));
        Assert.True((await stores.Azurite.Tables.GetTableClient(StorageNames.DossiersTable).GetEntityIfExistsAsync<TableEntity>(dossier.Code, "dossier")).HasValue);
    }
}
