namespace Portal.Domain.Catalogue;

/// <summary>
/// The province's catalogue of procedures (danh mục TTHC), with accent-insensitive search.
/// Built once from data files; immutable afterwards.
/// </summary>
public sealed class Catalogue
{
    private readonly Dictionary<string, Procedure> _byCode;
    private readonly Dictionary<string, Field> _fields;
    private readonly Dictionary<string, Agency> _agencies;
    private readonly List<(Procedure Procedure, string Name, string Everything)> _index;

    /// <summary>Builds a catalogue and checks that every procedure names a known field and agency.</summary>
    /// <exception cref="ArgumentException">A duplicate code or a dangling field/agency reference, naming it.</exception>
    public Catalogue(IEnumerable<Procedure> procedures, IEnumerable<Field> fields, IEnumerable<Agency> agencies)
    {
        _fields = fields.ToDictionary(f => f.Id);
        _agencies = agencies.ToDictionary(a => a.Code);
        _byCode = new Dictionary<string, Procedure>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in procedures)
        {
            if (!_byCode.TryAdd(p.Code, p)) throw new ArgumentException($"Procedure code {p.Code} appears twice in the catalogue.");
            if (!_fields.ContainsKey(p.Field)) throw new ArgumentException($"Procedure {p.Code} names unknown field '{p.Field}'; add it to fields.json.");
            if (!_agencies.ContainsKey(p.AgencyCode)) throw new ArgumentException($"Procedure {p.Code} names unknown agency '{p.AgencyCode}'; add it to the agencies files.");
        }
        _index = _byCode.Values
            .OrderBy(p => p.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            // "Thủ tục ..." is how many official names start; it says nothing, so ranking ignores it.
            .Select(p => (p, RankName(VietnameseText.Fold(p.Name)),
                VietnameseText.Fold(string.Join(' ', p.Name, p.NameEn, p.Code, _fields[p.Field].Name, _agencies[p.AgencyCode].Name, p.ResultName))))
            .ToList();
    }

    private static string RankName(string folded) => folded.StartsWith("thu tuc ", StringComparison.Ordinal) ? folded["thu tuc ".Length..] : folded;

    /// <summary>All procedures, by name.</summary>
    public IEnumerable<Procedure> Procedures => _index.Select(i => i.Procedure);

    /// <summary>All fields.</summary>
    public IEnumerable<Field> Fields => _fields.Values;

    /// <summary>All agencies.</summary>
    public IEnumerable<Agency> Agencies => _agencies.Values;

    /// <summary>Finds a procedure by its code (case-insensitive), or null.</summary>
    public Procedure? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The field of a procedure.</summary>
    public Field FieldOf(Procedure procedure) => _fields[procedure.Field];

    /// <summary>The agency of a procedure.</summary>
    public Agency AgencyOf(Procedure procedure) => _agencies[procedure.AgencyCode];

    /// <summary>Finds an agency by code, or null.</summary>
    public Agency? FindAgency(string code) => _agencies.GetValueOrDefault(code);

    /// <summary>
    /// Searches: every word of the text must occur (accent-insensitive) in the procedure's name, code, field,
    /// agency or result; procedures whose name contains the whole phrase come first, then those whose name
    /// contains every word, then the rest; within a group, names where the words come earlier, then shorter
    /// names, then name order.
    /// </summary>
    public CataloguePage Search(CatalogueQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var phrase = string.Join(' ', VietnameseText.Words(query.Text));
        var words = VietnameseText.Words(query.Text);
        var matches = _index
            .Where(i => query.Level is null || i.Procedure.Level == query.Level)
            .Where(i => query.Field is null || i.Procedure.Field == query.Field)
            .Where(i => query.AgencyCode is null || i.Procedure.AgencyCode == query.AgencyCode)
            .Where(i => query.OnlineMode is null || i.Procedure.OnlineMode == query.OnlineMode)
            .Where(i => words.All(w => i.Everything.Contains(w, StringComparison.Ordinal)))
            .OrderBy(i => phrase.Length > 0 && i.Name.Contains(phrase, StringComparison.Ordinal) ? 0
                : words.All(w => i.Name.Contains(w, StringComparison.Ordinal)) ? 1 : 2)
            // Then where the words appear: "Đăng ký khai sinh" before "Cấp bản sao ... Giấy khai sinh".
            .ThenBy(i => words.Count == 0 ? 0 : Math.Max(0, i.Name.IndexOf(words[0], StringComparison.Ordinal)))
            .ThenBy(i => i.Name.Length)
            .Select(i => i.Procedure)
            .ToList();
        var size = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Max(1, query.Page);
        return new CataloguePage(matches.Count, matches.Skip((page - 1) * size).Take(size).ToList());
    }
}
