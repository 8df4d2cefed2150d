using Microsoft.AspNetCore.Routing.Patterns;

namespace Portal.Functions.Infrastructure;

/// <summary>
/// Checks every route value of the matched endpoint before any handler reads it, so a hostile value (a key with <c>?</c>,
/// <c>#</c>, <c>\</c>, <c>/</c>, a control character, or thousands of characters) is a 400 naming the parameter, never a
/// storage error surfacing as 500. Rules every value obeys, then the endpoint's own <see cref="RouteValueRule"/>s.
/// </summary>
public static class RouteValueGuard
{
    /// <summary>Longest route value accepted (a dossier code is under 40; storage keys allow 1 KiB).</summary>
    public const int MaxLength = 200;

    /// <summary>Adds the check (after routing has chosen the endpoint, before authorisation and the handler).</summary>
    public static IApplicationBuilder UseRouteValueGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint() is RouteEndpoint endpoint) Check(endpoint, context.Request.RouteValues);
        await next(context);
    });

    /// <summary>Throws a <see cref="ProblemException"/> for the first unacceptable route value.</summary>
    public static void Check(RouteEndpoint endpoint, RouteValueDictionary values)
    {
        var rules = endpoint.Metadata.GetOrderedMetadata<RouteValueRule>();
        foreach (var parameter in endpoint.RoutePattern.Parameters)
        {
            var value = values.TryGetValue(parameter.Name, out var v) ? v?.ToString() : null;
            if (value is null)
            {
                if (parameter.IsOptional || parameter.IsCatchAll) continue;
                throw ProblemException.Invalid(parameter.Name, "Thiếu giá trị trong đường dẫn (missing route value).");
            }
            if (Problem(value, parameter) is { } message) throw ProblemException.Invalid(parameter.Name, message);
            foreach (var rule in rules.Where(r => r.Parameter == parameter.Name && !r.IsValid(value)))
            {
                throw rule.Status == StatusCodes.Status404NotFound ? ProblemException.NotFound(rule.Message) : ProblemException.Invalid(parameter.Name, rule.Message);
            }
        }
    }

    private static string? Problem(string value, RoutePatternParameterPart parameter)
    {
        if (string.IsNullOrWhiteSpace(value) && !parameter.IsCatchAll) return "Giá trị trong đường dẫn đang trống (empty route value).";
        if (value.Length > MaxLength) return $"Giá trị trong đường dẫn dài quá {MaxLength} ký tự (route value longer than {MaxLength} characters).";
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            // A lone surrogate or U+FFFD is what undecodable bytes become: no key or code contains them.
            var unpaired = char.IsHighSurrogate(c) ? !(i + 1 < value.Length && char.IsLowSurrogate(value[++i])) : char.IsLowSurrogate(c);
            if (char.IsControl(c) || unpaired || c is '\uFFFD')
                return "Giá trị trong đường dẫn có ký tự điều khiển hoặc không hợp lệ (control or invalid character).";
            if (c is '?' or '#' or '\\' || c == '/' && !parameter.IsCatchAll)
                return "Giá trị trong đường dẫn có ký tự ?, #, \\ hoặc / (reserved character).";
        }
        return null;
    }
}
