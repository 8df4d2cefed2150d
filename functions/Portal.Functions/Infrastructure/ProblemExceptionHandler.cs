using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Functions.Infrastructure;

/// <summary>
/// The one place that maps errors to RFC 9457 problem details. Caller errors become 4xx with errors keyed by
/// field id; anything unexpected becomes a 500 that reveals nothing (and is logged without personal data).
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ProblemException p => Build(p.Status, p.Title, p.Detail, p.Errors),
            BadHttpRequestException { InnerException: JsonException j } => Build(400, "JSON không hợp lệ (malformed JSON)",
                $"Nội dung gửi lên không phải JSON hợp lệ: {j.Message}", new Dictionary<string, string[]> { ["body"] = ["JSON không hợp lệ."] }),
            BadHttpRequestException b when b.StatusCode == 413 => Build(413, "Dữ liệu quá lớn (payload too large)",
                "Tổng dung lượng gửi lên vượt quá giới hạn; hãy giảm kích thước tệp đính kèm.", null),
            BadHttpRequestException b => Build(b.StatusCode, "Yêu cầu không hợp lệ (bad request)", b.Message, null),
            JsonException j => Build(400, "JSON không hợp lệ (malformed JSON)", j.Message, new Dictionary<string, string[]> { ["body"] = ["JSON không hợp lệ."] }),
            InvalidDataException d => Build(400, "Yêu cầu không hợp lệ (bad request)", d.Message, null),
            WriteConflictException => Build(409, "Xung đột (conflict)",
                "Hồ sơ vừa được người khác thay đổi; tải lại và thử lại.", null),
            RequestFailedException { Status: 503 or 500 } => Build(503, "Dịch vụ lưu trữ tạm thời không sẵn sàng",
                "Vui lòng thử lại sau ít phút. Không có dữ liệu nào bị ghi dở.", null),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };
        if (problem is null)
        {
            if (context.RequestAborted.IsCancellationRequested) return true;
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = Build(500, "Lỗi hệ thống (server error)", "Đã có lỗi phía máy chủ; vui lòng thử lại. Không có dữ liệu nào bị ghi dở.", null);
        }
        if (exception is Lifecycle.LifecycleConflict conflict)
        {
            var s = conflict.Current.Lifecycle;
            problem.Extensions["current"] = new
            {
                code = conflict.Current.Code,
                version = s.Version,
                status = s.Status.ToString(),
                statusText = Portal.Domain.Dossiers.DossierStatuses.Of(s.Status).Vietnamese,
                allowedEvents = Portal.Domain.Lifecycle.DossierTransitions.CommandsIn(s.Status),
            };
        }
        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>RFC 9110 section of a status, as the problem's type.</summary>
    private static string TypeOf(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        415 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
    };

    private static ProblemDetails Build(int status, string title, string? detail, IReadOnlyDictionary<string, string[]>? errors)
    {
        var problem = errors is { Count: > 0 }
            ? new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = TypeOf(status);
        return problem;
    }
}
