using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Portal.Functions.Identity;

/// <summary>
/// Declares the two bearer schemes in the OpenAPI document (citizens: VNeID, officers: Microsoft Entra ID) and,
/// on each operation that needs one, the requirement, so the API explorer can authorise and call it.
/// </summary>
public sealed class ApiSecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, (string Scheme, string Description)> ByPolicy = new()
    {
        [IdentityEndpoints.CitizenPolicy] = (PortalClaims.CitizenScheme,
            "Công dân: mã truy cập (JWT) của VNeID. Citizens: a VNeID access token (locally: POST /api/auth/dev/token with a seeded citizen)."),
        [IdentityEndpoints.OfficerPolicy] = (PortalClaims.OfficerScheme,
            "Cán bộ: mã truy cập (JWT) của Microsoft Entra ID với vai trò ứng dụng. Officers: an Entra ID access token with app roles " +
            "(locally: POST /api/auth/dev/token with a seeded officer)."),
    };

    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        foreach (var (scheme, description) in ByPolicy.Values)
        {
            document.Components.SecuritySchemes[scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = description,
            };
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any()) return Task.CompletedTask;
        var schemes = metadata.OfType<IAuthorizeData>().Select(a => a.Policy)
            .Where(p => p is not null && ByPolicy.ContainsKey(p)).Select(p => ByPolicy[p!].Scheme).Distinct().ToList();
        if (schemes.Count == 0) return Task.CompletedTask;
        operation.Security ??= [];
        foreach (var scheme in schemes)
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
        }
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Cần đăng nhập (sign-in required)" });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Không có quyền (forbidden)" });
        return Task.CompletedTask;
    }
}
