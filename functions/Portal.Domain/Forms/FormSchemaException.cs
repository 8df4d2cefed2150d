namespace Portal.Domain.Forms;

/// <summary>
/// Thrown when an e-Form schema cannot be loaded: it uses a keyword (or a keyword value) outside the subset
/// the portal validates, or it is malformed. Raised at load time so a bad catalogue file is caught early.
/// </summary>
public sealed class FormSchemaException : Exception
{
    /// <summary>Creates the exception for <paramref name="keyword"/> at <paramref name="location"/>.</summary>
    /// <param name="keyword">The offending keyword (or "" when the schema itself is malformed).</param>
    /// <param name="location">JSON pointer of the schema object holding the keyword, as a URI fragment, e.g. "#/properties/applicant".</param>
    /// <param name="message">What is wrong and what to do about it.</param>
    public FormSchemaException(string keyword, string location, string message)
        : base($"{message} (keyword '{keyword}' at '{location}')")
    {
        Keyword = keyword;
        Location = location;
    }

    /// <summary>The offending keyword, e.g. "anyOf".</summary>
    public string Keyword { get; }

    /// <summary>JSON pointer (URI fragment form) of the schema object holding the keyword, e.g. "#/$defs/cccd".</summary>
    public string Location { get; }
}
