namespace Portal.Functions.Dossiers;

/// <summary>
/// Decides what a file really is from its first bytes, never from its name or the browser's claim, so a
/// renamed executable cannot pass as a PDF.
/// </summary>
public static class FileSniffer
{
    /// <summary>The media type of known document formats, or null when the content matches none.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",                       // %PDF-
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0x50, 0x4B, 0x03, 0x04, ..] => "application/zip",                              // also .docx/.xlsx containers
        _ => null,
    };

    /// <summary>Whether a sniffed type satisfies an accepted type (a zip satisfies Office Open XML types).</summary>
    public static bool Satisfies(string sniffed, string accepted) =>
        string.Equals(sniffed, accepted, StringComparison.OrdinalIgnoreCase) ||
        (sniffed == "application/zip" && accepted.StartsWith("application/vnd.openxmlformats-officedocument.", StringComparison.Ordinal));
}
