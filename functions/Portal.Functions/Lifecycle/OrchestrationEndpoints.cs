using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Domain.Lifecycle;
using Portal.Functions.Documents;
using Portal.Functions.Dossiers;
using Portal.Functions.Identity;
using Portal.Functions.Infrastructure;
using Portal.Functions.Telemetry;

namespace Portal.Functions.Lifecycle;

/// <summary>
/// The dossier lifecycle's HTTP management API, shaped like Durable Functions' (start → 202 with
/// statusQueryGetUri/sendEventPostUri/terminatePostUri; status answers 202 while running, 200 when done;
/// raiseEvent delivers an officer decision; terminate stops processing with a reason).
/// </summary>
public static class OrchestrationEndpoints
{
    /// <summary>The orchestration's name.</summary>
    public const string OrchestrationName = "DossierLifecycle";

    /// <summary>Largest result document accepted.</summary>
    public const long MaxResultBytes = 20L * 1024 * 1024;

    /// <summary>Officer decisions by event name.</summary>
    public static readonly IReadOnlyList<string> OfficerEvents =
    [
        nameof(Receive), nameof(ConfirmPayment), nameof(RefuseAtIntake), nameof(RequestSupplement), nameof(Forward), nameof(Approve),
        nameof(Reject), nameof(Extend), nameof(StopProcessing), nameof(IssueResult), nameof(ReturnResult),
    ];

    /// <summary>Registers the lifecycle services.</summary>
    public static IServiceCollection AddLifecycle(this IServiceCollection services) => services
        .AddSingleton<NotificationLog>()
        .AddSingleton<IMessagePublisher>(sp => sp.GetRequiredService<NotificationLog>())
        .AddSingleton<InboxProjection>()
        .AddSingleton<DossierProjections>()
        .AddSingleton<OutboxRelay>()
        .AddSingleton<DossierLifecycle>()
        .AddSingleton<LifecyclePrecheck>()
        .AddSingleton<Triggers.ITimerHandler, DossierTimerHandler>()
        .AddSingleton<Triggers.ITimerHandler, OutboxRelayHandler>();

    /// <summary>Maps the management API.</summary>
    public static void MapOrchestrationEndpoints(this IEndpointRouteBuilder app)
    {
        var officer = app.MapGroup("/api").WithTags("Orchestration (officers)").RequireAuthorization(IdentityEndpoints.OfficerPolicy)
            .WithMetadata(RouteValueRule.DossierCode, RouteValueRule.Sha256);
        officer.MapPost($"/orchestrators/{OrchestrationName}/{{code}}", Start).WithName("StartDossierLifecycle");
        officer.MapGet("/instances/{code}", Status).WithName("DossierInstanceStatus");
        officer.MapPost("/instances/{code}/raiseEvent/{eventName}", RaiseEvent).WithName("RaiseDossierEvent").DisableAntiforgery();
        officer.MapPost("/instances/{code}/terminate", Terminate).WithName("TerminateDossier");
        officer.MapGet("/officer/inbox", Inbox).WithName("OfficerInbox");
        officer.MapGet("/officer/dossiers/{code}", OfficerDossier).WithName("OfficerDossier");
        officer.MapGet("/officer/dossiers/{code}/documents/{sha256}", OfficerDocument).WithName("OfficerDocument");
        officer.MapGet("/officer/dossiers/{code}/control-slip", OfficerControlSlip).WithName("OfficerControlSlip");
        officer.MapGet("/officer/dossiers/{code}/result", OfficerResult).WithName("OfficerResult");
        officer.MapGet("/officer/me", (HttpContext http, PersonRegistry people, Domain.Catalogue.Catalogue catalogue) =>
        {
            var me = http.User.Officer();
            return Results.Json(new
            {
                me.Subject, FullName = me.Name, people.FindOfficer(me.Subject)?.Title, me.AgencyCode,
                AgencyName = catalogue.FindAgency(me.AgencyCode)?.Name, me.Roles,
            }, InfrastructureExtensions.Json);
        }).WithName("OfficerMe");
    }

    /// <summary>Links for a dossier, absolute on the current host.</summary>
    public static ManagementLinks Links(HttpRequest request, string code)
    {
        var root = $"{request.Scheme}://{request.Host}/api/instances/{Uri.EscapeDataString(code)}";
        return new ManagementLinks(code, root, $"{root}/raiseEvent/{{eventName}}", $"{root}/terminate?reason={{text}}");
    }

    private static async Task<IResult> Start(string code, HttpContext http, DossierStore dossiers, OutboxRelay relay)
    {
        var dossier = await OwnAgencyDossierAsync(http, dossiers, code);
        // The lifecycle starts at submission; starting again is idempotent and re-applies whatever is owed.
        await relay.RelayAsync(code, http.RequestAborted);
        var links = Links(http.Request, code);
        http.Response.Headers.Location = links.StatusQueryGetUri;
        return Results.Json(links, InfrastructureExtensions.Json, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> Status(string code, bool? showHistory, HttpContext http, DossierStore dossiers, Deadlines deadlines)
    {
        var dossier = await OwnAgencyDossierAsync(http, dossiers, code);
        var status = await InstanceAsync(dossier, showHistory == true, dossiers, deadlines, http.RequestAborted);
        http.Response.Headers.ETag = $"\"{dossier.Lifecycle.Version}\"";
        return Results.Json(status, InfrastructureExtensions.Json, statusCode: status.RuntimeStatus == "Running" ? 202 : 200);
    }

    /// <summary>The Durable-shaped status of a dossier.</summary>
    public static async Task<InstanceStatus> InstanceAsync(DossierRecord dossier, bool withHistory, DossierStore dossiers, Deadlines deadlines, CancellationToken ct)
    {
        var history = await dossiers.HistoryAsync(dossier.Code, ct);
        var s = dossier.Lifecycle;
        var runtime = s.Status switch
        {
            Domain.Dossiers.DossierStatus.ProcessingStopped or Domain.Dossiers.DossierStatus.Withdrawn => "Terminated",
            _ when s.IsClosed => "Completed",
            _ => "Running",
        };
        return new InstanceStatus(OrchestrationName, dossier.Code, runtime, LifecycleStatus.Of(dossier, deadlines.PlanFor(dossier.ProcedureCode)),
            s.ResultSha256 is null ? null : new { resultSha256 = s.ResultSha256 },
            s.SubmittedAt, history.Count > 0 ? history[^1].Event.At : s.SubmittedAt,
            withHistory ? history.Select(h => new HistoryEntry(h.Sequence, h.Event.GetType().Name, h.Event.At, h.Event.Actor, h.Event.Role, h.Event.Reason, h.Text)).ToList() : null);
    }

    private static async Task<IResult> RaiseEvent(string code, string eventName, HttpContext http, DossierLifecycle lifecycle, DossierStore dossiers,
        Deadlines deadlines, IDocumentStore documents, LifecyclePrecheck precheck)
    {
        var ct = http.RequestAborted;
        var name = OfficerEvents.FirstOrDefault(e => string.Equals(e, eventName, StringComparison.OrdinalIgnoreCase))
            ?? throw ProblemException.Invalid("eventName", $"Sự kiện '{eventName}' không có; dùng một trong: {string.Join(", ", OfficerEvents)}.");
        using var activity = PortalTelemetry.Source.StartActivity("Officer action");
        activity?.SetTag("portal.event", name);
        activity?.SetTag("portal.dossier.code", code);
        var officer = http.User.Officer();
        var current = await OwnAgencyDossierAsync(http, dossiers, code);
        var payload = await ReadPayloadAsync(http, name);
        FreeText.Ensure("reason", payload.Reason, TextLimits.Reason);
        FreeText.EnsureMissing(payload.Missing);
        var role = ChooseRole(officer, name, current, deadlines);
        DossierCommand command = name switch
        {
            nameof(Receive) => new Receive { Actor = officer.Subject, Role = role, Reason = payload.Reason },
            nameof(ConfirmPayment) => new ConfirmPayment { Actor = officer.Subject, Role = role, Reason = payload.Reason },
            nameof(RefuseAtIntake) => new RefuseAtIntake { Actor = officer.Subject, Role = role, Reason = payload.Reason },
            nameof(RequestSupplement) => new RequestSupplement { Actor = officer.Subject, Role = role, Reason = payload.Reason, Missing = payload.Missing ?? [] },
            nameof(Forward) => new Forward { Actor = officer.Subject, Role = role, Reason = payload.Reason },
            nameof(Approve) => new Approve { Actor = officer.Subject, Role = role, Reason = payload.Reason },
            nameof(Reject) => new Reject { Actor = officer.Subject, Role = role, Reason = payload.Reason },
            nameof(Extend) => new Extend { Actor = officer.Subject, Role = role, Reason = payload.Reason, WorkingDays = payload.WorkingDays ?? 0 },
            nameof(StopProcessing) => new StopProcessing { Actor = officer.Subject, Role = role, Reason = payload.Reason },
            nameof(IssueResult) => new IssueResult { Actor = officer.Subject, Role = role, Reason = payload.Reason, Sha256 = payload.ResultSha256!, Blob = "" },
            nameof(ReturnResult) => new ReturnResult { Actor = officer.Subject, Role = role, Reason = payload.Reason, Channel = payload.Channel ?? ReturnChannel.Desk },
            _ => throw new InvalidOperationException(name),
        };
        var expected = ExpectedVersion(http.Request) ?? payload.ExpectedVersion;
        if (command is IssueResult issue && payload.ResultPdf is { } pdf)
        {
            // Role, step and version first: an upload the lifecycle would refuse leaves no blob behind.
            precheck.Ensure(current, issue, expected);
            var stored = await documents.PutAsync($"results/{current.Code}", pdf, "application/pdf", ct, extension: ".pdf");
            command = issue with { Sha256 = stored.Sha256, Blob = stored.Blob };
        }
        var dossier = await lifecycle.ExecuteAsync(code, command, d => EnsureSameAgency(http, d), ct, expectedVersion: expected);
        PortalTelemetry.OfficerActions.Add(1, new KeyValuePair<string, object?>("portal.event", name));
        http.Response.Headers.Location = Links(http.Request, code).StatusQueryGetUri;
        return Results.Json(await InstanceAsync(dossier, false, dossiers, deadlines, ct), InfrastructureExtensions.Json, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> Terminate(string code, string? reason, HttpContext http, DossierLifecycle lifecycle, DossierStore dossiers, Deadlines deadlines)
    {
        FreeText.Ensure("reason", reason, TextLimits.Reason);
        var officer = http.User.Officer();
        var current = await OwnAgencyDossierAsync(http, dossiers, code);
        var command = new StopProcessing { Actor = officer.Subject, Role = ChooseRole(officer, nameof(StopProcessing), current, deadlines), Reason = reason };
        var dossier = await lifecycle.ExecuteAsync(code, command, d => EnsureSameAgency(http, d), http.RequestAborted);
        return Results.Json(await InstanceAsync(dossier, false, dossiers, deadlines, http.RequestAborted), InfrastructureExtensions.Json, statusCode: 202);
    }

    /// <summary>A page of the agency's inbox, earliest due first, filtered by the table service (role: mine, all or a role name).</summary>
    private static async Task<Ok<InboxPage>> Inbox(HttpContext http, InboxProjection inbox, string? procedure, string? status, string? step, string? role,
        string? dueFrom, string? dueTo, string? pageSize, string? next)
    {
        var officer = http.User.Officer();
        IReadOnlyList<OfficerRole>? roles = role?.Trim().ToLowerInvariant() switch
        {
            null or "" or "mine" => officer.Roles,
            "all" => null,
            _ => [ListFilters.Enum<OfficerRole>("role", role)!.Value],
        };
        var query = new InboxQuery(roles, ListFilters.Enum<Domain.Dossiers.DossierStatus>("status", status), ListFilters.Text("step", step),
            ListFilters.Text("procedure", procedure), ListFilters.Instant("dueFrom", dueFrom), ListFilters.Instant("dueTo", dueTo));
        var page = await inbox.PageAsync(officer.AgencyCode, query, TablePaging.PageSize(pageSize), next, http.RequestAborted);
        return TypedResults.Ok(new InboxPage(officer.AgencyCode, officer.Roles, page.Items, page.Next));
    }

    private static async Task<IResult> OfficerDossier(string code, HttpContext http, DossierStore dossiers, Deadlines deadlines, TrackDossier track,
        NotificationLog notifications)
    {
        var dossier = await OwnAgencyDossierAsync(http, dossiers, code);
        return Results.Json(new
        {
            dossier = await track.ViewAsync(dossier, http.RequestAborted),
            instance = await InstanceAsync(dossier, true, dossiers, deadlines, http.RequestAborted),
            notifications = await notifications.ForDossierAsync(code, http.RequestAborted),
            links = Links(http.Request, code),
        }, InfrastructureExtensions.Json);
    }

    private static async Task<IResult> OfficerDocument(string code, string sha256, HttpContext http, DossierStore dossiers, IDocumentStore documents)
    {
        var dossier = await OwnAgencyDossierAsync(http, dossiers, code);
        var document = dossier.Documents.FirstOrDefault(d => d.Sha256 == sha256) ?? throw ProblemException.NotFound("Hồ sơ không có tệp này.");
        return await StoredFiles.FileAsync(documents, document.Blob, document.ContentType, document.FileName, http.RequestAborted);
    }

    private static async Task<IResult> OfficerResult(string code, HttpContext http, DossierStore dossiers, IDocumentStore documents)
    {
        var dossier = await OwnAgencyDossierAsync(http, dossiers, code);
        if (dossier.Lifecycle.ResultBlob is not { } name) throw ProblemException.NotFound("Hồ sơ chưa có kết quả.");
        return await StoredFiles.FileAsync(documents, name, "application/pdf", $"ket-qua-{code}.pdf", http.RequestAborted);
    }

    private static async Task<IResult> OfficerControlSlip(string code, HttpContext http, DossierStore dossiers, Deadlines deadlines, PersonRegistry people)
    {
        var dossier = await OwnAgencyDossierAsync(http, dossiers, code);
        return Results.Json(await ControlSlipAsync(dossier, dossiers, deadlines, people, http.RequestAborted), InfrastructureExtensions.Json);
    }

    /// <summary>The control slip with officers' names.</summary>
    public static async Task<IReadOnlyList<ControlSlipLine>> ControlSlipAsync(DossierRecord dossier, DossierStore dossiers, Deadlines deadlines, PersonRegistry people,
        CancellationToken ct)
    {
        var history = await dossiers.HistoryAsync(dossier.Code, ct);
        return ControlSlip.From(history.Select(h => h.Event), deadlines.PlanFor(dossier.ProcedureCode))
            .Select(l => l with { Officer = l.Officer is { } o ? people.FindOfficer(o)?.FullName ?? (o == dossier.ApplicantSubject ? dossier.ApplicantName : o) : null })
            .ToList();
    }

    /// <summary>The dossier, if it exists (404) and belongs to the calling officer's agency (403).</summary>
    private static async Task<DossierRecord> OwnAgencyDossierAsync(HttpContext http, DossierStore dossiers, string code)
    {
        var dossier = await dossiers.FindAsync(code, http.RequestAborted) ?? throw ProblemException.NotFound($"Không có hồ sơ mã '{code}'.");
        EnsureSameAgency(http, dossier);
        return dossier;
    }

    private static void EnsureSameAgency(HttpContext http, DossierRecord dossier)
    {
        if (http.User.Officer().AgencyCode != dossier.AgencyCode)
        {
            throw ProblemException.Forbidden($"Hồ sơ {dossier.Code} thuộc cơ quan khác ({dossier.AgencyCode}); bạn chỉ xử lý hồ sơ của cơ quan mình.");
        }
    }

    /// <summary>The role the officer acts in: the one this command needs here, if they have it.</summary>
    private static OfficerRole ChooseRole(OfficerIdentity officer, string command, DossierRecord dossier, Deadlines deadlines)
    {
        var plan = deadlines.PlanFor(dossier.ProcedureCode);
        var s = dossier.Lifecycle;
        var needed = DossierTransitions.For(command, s.Status)
            .SelectMany(t => t.Roles ?? (s.StepIndex >= 0 && s.StepIndex < plan.Steps.Count ? [plan.Steps[s.StepIndex].Role] : []))
            .ToList();
        return officer.Roles.FirstOrDefault(needed.Contains, officer.Roles.FirstOrDefault(OfficerRole.Desk));
    }

    private static int? ExpectedVersion(HttpRequest request)
    {
        string? ifMatch = request.Headers.IfMatch;
        if (string.IsNullOrEmpty(ifMatch) || ifMatch == "*") return null;
        return int.TryParse(ifMatch.Trim('"', 'W', '/'), out var v) ? v : throw ProblemException.Invalid("If-Match", "If-Match phải là phiên bản hồ sơ, ví dụ \"3\".");
    }

    private static async Task<EventPayload> ReadPayloadAsync(HttpContext http, string name)
    {
        if (name == nameof(IssueResult)) return await ReadResultAsync(http);
        if (http.Request.ContentLength is 0 or null && !http.Request.Headers.ContainsKey("Transfer-Encoding")) return new EventPayload();
        if (!http.Request.HasJsonContentType()) throw new ProblemException(415, "Sai định dạng gửi (unsupported media type)", "Gửi nội dung sự kiện dạng application/json.");
        return await http.Request.ReadFromJsonAsync<EventPayload>(InfrastructureExtensions.Json, http.RequestAborted) ?? new EventPayload();
    }

    /// <summary>The uploaded result, checked but not stored: it is stored only once the lifecycle would accept it.</summary>
    private static async Task<EventPayload> ReadResultAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            throw ProblemException.Invalid("file", "Gửi kết quả đã ký dạng multipart/form-data, tệp PDF trong trường 'file'.");
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var file = form.Files.GetFile("file") ?? throw ProblemException.Invalid("file", "Chưa chọn tệp kết quả (PDF đã ký).");
        if (file.Length > MaxResultBytes) throw ProblemException.TooLarge("file", $"Tệp kết quả vượt quá {MaxResultBytes / 1048576} MB.");
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, http.RequestAborted);
        if (FileSniffer.Sniff(bytes) != "application/pdf") throw ProblemException.Invalid("file", "Kết quả phải là tệp PDF.");
        string? reason = form["reason"];
        return new EventPayload
        {
            Reason = reason, ResultSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), ResultPdf = BinaryData.FromBytes(bytes),
        };
    }

    /// <summary>The body of a raised event.</summary>
    public sealed record EventPayload
    {
        /// <summary>Why (required for refusal, supplement, rejection, extension, stop).</summary>
        public string? Reason { get; init; }
        /// <summary>Everything missing (RequestSupplement).</summary>
        public IReadOnlyList<string>? Missing { get; init; }
        /// <summary>Working days to extend by (Extend).</summary>
        public int? WorkingDays { get; init; }
        /// <summary>How the result was returned (ReturnResult).</summary>
        public ReturnChannel? Channel { get; init; }
        /// <summary>The version the officer saw (alternative to If-Match).</summary>
        public int? ExpectedVersion { get; init; }
        /// <summary>Set from the uploaded result (IssueResult).</summary>
        public string? ResultSha256 { get; init; }
        /// <summary>The uploaded result (IssueResult), stored only after the precheck.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public BinaryData? ResultPdf { get; init; }
    }
}
