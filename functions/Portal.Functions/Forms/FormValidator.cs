using System.Text.Json;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Forms;
using Portal.Functions.Catalogue;
using CatalogueModel = Portal.Domain.Catalogue.Catalogue;

namespace Portal.Functions.Forms;

/// <summary>
/// Validates e-Form answers authoritatively: the procedure's JSON Schema (the same one the browser checks with
/// ajv; JsonSchema.Net through <see cref="FormSchema"/>), with "today" taken from the injected clock in Vietnam time,
/// then the facts a schema cannot know (a ward must belong to the chosen province).
/// Schemas are compiled once, at start-up, so a broken catalogue file stops the app with its name.
/// </summary>
public sealed class FormValidator
{
    private readonly Dictionary<string, FormSchema> _schemas;
    private readonly AddressBook _addresses;
    private readonly TimeProvider _time;

    /// <summary>Loads every procedure's schema.</summary>
    public FormValidator(CatalogueModel catalogue, AddressBook addresses, TimeProvider time)
    {
        _addresses = addresses;
        _time = time;
        _schemas = catalogue.Procedures.ToDictionary(p => p.Code, p =>
        {
            try
            {
                return FormSchema.Load(p.Form);
            }
            catch (Exception e)
            {
                throw new InvalidDataException($"The e-Form of procedure {p.Code} is not a valid schema: {e.Message}", e);
            }
        }, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Errors keyed by field id ("applicant.cccd"); empty when the answers are valid.</summary>
    public IReadOnlyDictionary<string, string[]> Validate(Procedure procedure, JsonElement answers)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(_time.GetUtcNow()));
        var errors = _schemas[procedure.Code].Validate(answers, today)
            .GroupBy(e => e.Field.Length == 0 ? "form" : e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray());
        CheckAddresses(answers, "", errors);
        return errors;
    }

    private void CheckAddresses(JsonElement node, string path, Dictionary<string, string[]> errors)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in node.EnumerateArray()) CheckAddresses(item, Join(path, (i++).ToString(System.Globalization.CultureInfo.InvariantCulture)), errors);
            return;
        }
        if (node.ValueKind != JsonValueKind.Object) return;
        if (node.TryGetProperty("province", out var province) && province.ValueKind == JsonValueKind.String &&
            node.TryGetProperty("ward", out var ward) && ward.ValueKind == JsonValueKind.String &&
            !errors.ContainsKey(Join(path, "province")) && !errors.ContainsKey(Join(path, "ward")) &&
            !_addresses.IsWardOf(province.GetString()!, ward.GetString()!))
        {
            errors[Join(path, "ward")] = ["Xã/phường đã chọn không thuộc tỉnh/thành phố đã chọn; hãy chọn lại."];
        }
        foreach (var property in node.EnumerateObject()) CheckAddresses(property.Value, Join(path, property.Name), errors);
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
