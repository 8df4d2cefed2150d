using Portal.Domain.Lifecycle;
using Portal.Functions.Dossiers;
using CatalogueModel = Portal.Domain.Catalogue.Catalogue;

namespace Portal.Functions.Lifecycle;

/// <summary>
/// Asks the decider, on the dossier as read, whether a command would be accepted, before an endpoint does anything that
/// leaves a trace (storing a signed result). The commit still decides again on the state it commits against; this only
/// makes a wrong role, a wrong step or a stale version fail before the upload instead of after it.
/// </summary>
public sealed class LifecyclePrecheck(CatalogueModel catalogue, Deadlines deadlines, TimeProvider time)
{
    /// <summary>Throws the problem the lifecycle would answer (403 wrong role, 409 not now or stale, 400 invalid).</summary>
    public void Ensure(DossierRecord dossier, DossierCommand command, int? expectedVersion)
    {
        if (expectedVersion is { } v && v != dossier.Lifecycle.Version) throw DossierLifecycle.Stale(dossier);
        var procedure = catalogue.Find(dossier.ProcedureCode) ?? throw new InvalidDataException($"Procedure {dossier.ProcedureCode} left the catalogue.");
        var decision = DossierDecider.Decide(command, dossier.Lifecycle, deadlines.ContextFor(procedure, time.GetUtcNow()));
        if (decision.Error is { } error) throw DossierLifecycle.Refused(error, dossier);
    }
}
