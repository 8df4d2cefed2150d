namespace Portal.Functions.Lifecycle;

/// <summary>Who a message is for.</summary>
public enum Audience
{
    /// <summary>The applicant (email/SMS/Zalo in production; the notifications log here).</summary>
    Applicant,
    /// <summary>The officers of the dossier's agency with a role.</summary>
    Officers,
    /// <summary>The head of the agency (explanation reports, escalations).</summary>
    AgencyHead,
}

/// <summary>
/// A message a state change owes, committed with the change in the dossier's partition and delivered by the
/// relay at least once; its <see cref="Id"/> lets every consumer ignore a second delivery.
/// </summary>
/// <param name="Version">Dossier version that owed it.</param>
/// <param name="Index">Position among that version's messages.</param>
/// <param name="DossierCode">The dossier.</param>
/// <param name="Audience">For whom.</param>
/// <param name="Topic">What about (the event's name).</param>
/// <param name="Text">Vietnamese text.</param>
public sealed record OutboxMessage(int Version, int Index, string DossierCode, Audience Audience, string Topic, string Text)
{
    /// <summary>Stable id: the same message always has the same id.</summary>
    public string Id => $"{DossierCode}:{Version:D6}:{Index:D2}";
}
