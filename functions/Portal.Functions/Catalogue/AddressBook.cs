using Portal.Domain.Catalogue;
using Portal.Functions.Infrastructure;

namespace Portal.Functions.Catalogue;

/// <summary>A province or centrally-run city (34 since 1 July 2025).</summary>
public sealed record Province(string Code, string Name, string Type, bool Unconfirmed = false);

/// <summary>A commune-level unit (xã, phường, đặc khu).</summary>
public sealed record Ward(string Code, string Name, string Type, bool Unconfirmed = false);

/// <summary>Provinces and, for the configured province(s), their wards and communes, from <c>Data/address</c>.</summary>
public sealed class AddressBook
{
    private readonly Dictionary<string, IReadOnlyList<Ward>> _wards;

    /// <summary>Loads the address files in a folder.</summary>
    public AddressBook(string folder)
    {
        Provinces = DataFiles.Read<List<Province>>(Path.Combine(folder, "provinces.json"));
        _wards = Directory.GetFiles(folder, "wards-*.json").ToDictionary(
            f => Path.GetFileNameWithoutExtension(f)["wards-".Length..],
            f => (IReadOnlyList<Ward>)DataFiles.Read<List<Ward>>(f).OrderBy(w => VietnameseText.Fold(w.Name), StringComparer.Ordinal).ToList());
    }

    /// <summary>All provinces.</summary>
    public IReadOnlyList<Province> Provinces { get; }

    /// <summary>Wards of a province, or null when the province is unknown or its wards are not in our data.</summary>
    public IReadOnlyList<Ward>? WardsOf(string provinceCode) => _wards.GetValueOrDefault(provinceCode);

    /// <summary>Whether a ward code belongs to a province; true when we hold no ward list for that province.</summary>
    public bool IsWardOf(string provinceCode, string wardCode) =>
        Provinces.Any(p => p.Code == provinceCode) && (WardsOf(provinceCode) is not { } wards || wards.Any(w => w.Code == wardCode));
}
