using Portal.Domain.Lifecycle;
using Portal.Functions.Dossiers;

namespace Portal.Functions.Lifecycle;

/// <summary>
/// Every read model kept from a dossier's state: the officers' inbox (by agency, due first) and the applicant's own list
/// (newest first). Whoever applies a committed change calls <see cref="ProjectAsync"/> once with the dossier as committed;
/// each projection is idempotent and version-checked, so calling it again, late, or out of order is harmless.
/// </summary>
public sealed class DossierProjections(InboxProjection inbox, CitizenDossierList citizens)
{
    /// <summary>Brings every projection of <paramref name="dossier"/> up to date.</summary>
    public async Task ProjectAsync(DossierRecord dossier, ProcessingPlan plan, CancellationToken ct)
    {
        await inbox.ProjectAsync(dossier, plan, ct);
        await citizens.ProjectAsync(dossier, ct);
    }
}
