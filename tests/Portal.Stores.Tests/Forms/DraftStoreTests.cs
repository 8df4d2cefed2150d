using System.Text.Json;
using Portal.Functions.Forms;

namespace Portal.Stores.Tests.Forms;

/// <summary>Form drafts: saved, replaced, read back, deleted.</summary>
[Collection(StoresFixture.CollectionName)]
public sealed class DraftStoreTests(StoresFixture stores)
{
    [Fact]
    public async Task Save_ReplacesTheDraft_AndDeleteRemovesIt()
    {
        var drafts = stores.Get<DraftStore>();
        var subject = "citizen-" + Guid.NewGuid().ToString("N")[..8];
        var savedAt = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(7));
        await drafts.SaveAsync(subject, "1.001193", JsonDocument.Parse("""{"a":1}""").RootElement, savedAt, default);
        await drafts.SaveAsync(subject, "1.001193", JsonDocument.Parse("""{"b":"hai"}""").RootElement, savedAt.AddMinutes(5), default);

        var draft = await drafts.FindAsync(subject, "1.001193", default);

        Assert.NotNull(draft);
        Assert.Equal("hai", draft.Data.GetProperty("b").GetString());
        Assert.False(draft.Data.TryGetProperty("a", out _));
        Assert.Equal(savedAt.AddMinutes(5), draft.SavedAt);

        await drafts.DeleteAsync(subject, "1.001193", default);
        await drafts.DeleteAsync(subject, "1.001193", default); // already gone: fine
        Assert.Null(await drafts.FindAsync(subject, "1.001193", default));
    }
}
