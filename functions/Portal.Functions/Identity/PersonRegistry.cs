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

/// <summary>An officer (cán bộ, công chức): in Azure an Entra ID user with app roles; here seeded in Data/identity/officers.json.</summary>
public sealed record OfficerProfile(string Subject, string FullName, string AgencyCode, IReadOnlyList<Portal.Domain.Lifecycle.OfficerRole> Roles, string Title);

/// <summary>The seeded citizens and officers the development sign-in offers; citizens' data pre-fills forms.</summary>
public sealed class PersonRegistry
{
    private readonly Dictionary<string, CitizenProfile> _citizens;
    private readonly Dictionary<string, OfficerProfile> _officers;

    /// <summary>Loads the seeded people.</summary>
    public PersonRegistry(string citizensFile, string officersFile)
    {
        _citizens = DataFiles.Read<List<CitizenProfile>>(citizensFile).ToDictionary(c => c.Subject);
        _officers = DataFiles.Read<List<OfficerProfile>>(officersFile).ToDictionary(o => o.Subject);
    }

    /// <summary>All seeded officers.</summary>
    public IEnumerable<OfficerProfile> Officers => _officers.Values;

    /// <summary>An officer's profile, or null.</summary>
    public OfficerProfile? FindOfficer(string subject) => _officers.GetValueOrDefault(subject);

    /// <summary>All seeded citizens.</summary>
    public IEnumerable<CitizenProfile> Citizens => _citizens.Values;

    /// <summary>A citizen's profile, or null.</summary>
    public CitizenProfile? FindCitizen(string subject) => _citizens.GetValueOrDefault(subject);
}
