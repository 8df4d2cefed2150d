namespace Portal.Functions.Infrastructure;

/// <summary>
/// Endpoint metadata: what a route parameter must look like. <see cref="RouteValueGuard"/> checks it before the handler runs,
/// after the rules every route value obeys (<see cref="RouteValueGuard.MaxLength"/>, no control characters, none of <c>? # \ /</c>).
/// </summary>
/// <param name="Parameter">The route parameter's name, e.g. <c>code</c>.</param>
/// <param name="IsValid">Whether a (decoded) value is acceptable.</param>
/// <param name="Message">What to send instead, in Vietnamese then English.</param>
/// <param name="Status">400 for a value of the wrong form, 404 when a wrong value simply names nothing.</param>
public sealed record RouteValueRule(string Parameter, Func<string, bool> IsValid, string Message, int Status = StatusCodes.Status400BadRequest)
{
    /// <summary>A dossier code (<c>AGENCYCODE-YYMMDD-NNNN</c>), as <see cref="Domain.Dossiers.DossierCode.TryParse"/> reads it.</summary>
    public static readonly RouteValueRule DossierCode = new("code",
        v => Domain.Dossiers.DossierCode.TryParse(v.Trim().ToUpperInvariant(), out _),
        "Mã hồ sơ không đúng dạng MÃCƠQUAN-YYMMDD-NNNN, ví dụ 000.00.01.H55-251121-0001 (not a dossier code).");

    /// <summary>A SHA-256 in hex (64 characters): anything else names no document.</summary>
    public static readonly RouteValueRule Sha256 = new("sha256",
        v => v.Length == 64 && v.All(char.IsAsciiHexDigit),
        "Không có tệp với mã này (no such document).", StatusCodes.Status404NotFound);
}
