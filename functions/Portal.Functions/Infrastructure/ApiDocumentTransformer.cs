using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Portal.Functions.Infrastructure;

/// <summary>The OpenAPI document's title, version and description.</summary>
public sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>Version of the API described.</summary>
    public const string Version = "1.0";

    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Cổng Dịch vụ công tỉnh Tây Ninh – API (Provincial Public Service Portal API)",
            Version = Version,
            Description = "Thủ tục hành chính, nộp và tra cứu hồ sơ, xử lý hồ sơ của cán bộ. " +
                "Catalogue, dossier submission and tracking, officers' processing. Citizens sign in with VNeID, officers with Microsoft Entra ID.",
        };
        return Task.CompletedTask;
    }
}
