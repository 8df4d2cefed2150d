using Portal.Functions.Infrastructure;

namespace Portal.Functions.Identity;

/// <summary>An address as the e-Forms hold it: province code, ward code, house number and street.</summary>
public sealed record PostalAddress(string Province, string Ward, string Detail);

/// <summary>
/// What the state already knows about a citizen (from the national population database via VNeID in
/// production; from <c>Data/identity/citizens.json</c> here), used to pre-fill e-Forms ("only once").
/// </summary>
public sealed record CitizenProfile(string Subject, string FullName, string Cccd, string DateOfBirth, string Gender, string Phone,
    string? Email, PostalAddress Address);

/// <summary>The seeded citizens the development sign-in offers and whose data pre-fills forms.</summary>
public sealed class PersonRegistry
{
    private readonly Dictionary<string, CitizenProfile> _citizens;

    /// <summary>Loads the seeded people.</summary>
    public PersonRegistry(string citizensFile) =>
        _citizens = DataFiles.Read<List<CitizenProfile>>(citizensFile).ToDictionary(c => c.Subject);

    /// <summary>All seeded citizens.</summary>
    public IEnumerable<CitizenProfile> Citizens => _citizens.Values;

    /// <summary>A citizen's profile, or null.</summary>
    public CitizenProfile? FindCitizen(string subject) => _citizens.GetValueOrDefault(subject);
}
