namespace Portal.Domain.Forms;

/// <summary>The "format" values the portal asserts.</summary>
internal enum SchemaFormat
{
    /// <summary>RFC 3339 full-date, e.g. 2025-07-01.</summary>
    Date,

    /// <summary>RFC 5321 mailbox (ASCII), e.g. ten@example.com.</summary>
    Email,
}
