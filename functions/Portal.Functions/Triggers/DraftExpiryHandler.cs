using Portal.Functions.Forms;

namespace Portal.Functions.Triggers;

/// <summary>
/// Deletes a draft untouched for <see cref="DraftStore.Lifetime"/>; a draft saved since is kept and the timer
/// re-armed for its new expiry. Idempotent: firing twice deletes nothing more.
/// </summary>
public sealed class DraftExpiryHandler(DraftStore drafts) : ITimerHandler
{
    /// <inheritdoc />
    public TimerKind Kind => TimerKind.DraftExpiry;

    /// <summary>The timer that expires a citizen's draft of a procedure.</summary>
    public static DurableTimer For(string subject, string procedureCode, DateTimeOffset savedAt) =>
        new($"draft-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{subject}\n{procedureCode.ToUpperInvariant()}")))[..32]}",
            TimerKind.DraftExpiry, savedAt + DraftStore.Lifetime, $"{subject}\n{procedureCode.ToUpperInvariant()}");

    /// <inheritdoc />
    public async Task<DurableTimer?> FireAsync(DurableTimer timer, DateTimeOffset now, CancellationToken ct)
    {
        var parts = timer.Target.Split('\n');
        var draft = await drafts.FindAsync(parts[0], parts[1], ct);
        if (draft is null) return null;
        if (now - draft.SavedAt >= DraftStore.Lifetime)
        {
            await drafts.DeleteAsync(parts[0], parts[1], ct);
            return null;
        }
        return For(parts[0], parts[1], draft.SavedAt);
    }
}
