using Portal.Domain.Catalogue;
using Portal.Functions.Infrastructure;
using CatalogueModel = Portal.Domain.Catalogue.Catalogue;

namespace Portal.Functions.Catalogue;

/// <summary>Loads the province's catalogue from <c>Data/catalogue</c>: fields, agencies*.json, procedures/*.json.</summary>
public static class CatalogueLoader
{
    /// <summary>Loads and checks the catalogue; a bad file stops start-up with its name.</summary>
    public static CatalogueModel Load(string folder)
    {
        var fields = DataFiles.Read<List<Field>>(Path.Combine(folder, "fields.json"));
        var agencies = Directory.GetFiles(folder, "agencies*.json").Order()
            .SelectMany(DataFiles.Read<List<Agency>>);
        var procedures = Directory.GetFiles(Path.Combine(folder, "procedures"), "*.json").Order()
            .Select(DataFiles.Read<Procedure>);
        var catalogue = new CatalogueModel(procedures, fields, agencies);
        foreach (var p in catalogue.Procedures)
        {
            try
            {
                ProcessingTimes.Of(p.ProcessingTime);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"Procedure {p.Code}: processingTime is not valid: {e.Message}", e);
            }
        }
        return catalogue;
    }
}
