using System.Text.Json;

namespace Portal.Functions.Infrastructure;

/// <summary>Reads the app's data files (catalogue, calendar, addresses, seeded identities) under <c>Data/</c>.</summary>
public static class DataFiles
{
    /// <summary>The data folder beside the app.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Data");

    /// <summary>Full path of a data file.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Reads and deserializes one file, naming the file in any error.</summary>
    public static T Read<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), InfrastructureExtensions.Json)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Data file {path} is not valid: {e.Message}", e);
        }
    }
}
