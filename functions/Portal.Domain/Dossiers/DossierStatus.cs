namespace Portal.Domain.Dossiers;

/// <summary>Where a dossier (hồ sơ) is in its life. <see cref="DossierStatuses"/> maps each to its wording and
/// to the National Public Service Portal's status code.</summary>
public enum DossierStatus
{
    /// <summary>Mới đăng ký: submitted online, not yet received by the desk.</summary>
    Submitted,
    /// <summary>Chờ nộp phí: the fee must be paid before processing.</summary>
    AwaitingPayment,
    /// <summary>Đã tiếp nhận: the desk received the complete dossier; the clock runs.</summary>
    Received,
    /// <summary>Từ chối tiếp nhận: not eligible; a reason is given.</summary>
    RefusedAtIntake,
    /// <summary>Yêu cầu bổ sung: waiting for the applicant; the clock is stopped.</summary>
    SupplementRequested,
    /// <summary>Đang xử lý: at a processing step.</summary>
    InProgress,
    /// <summary>Gia hạn: a new appointment date was set, with an apology.</summary>
    Extended,
    /// <summary>Đã phê duyệt: approved by the head of department; the next step is the leader's signature and issue of the result.</summary>
    Approved,
    /// <summary>Không giải quyết: rejected on the merits, with reasons.</summary>
    Rejected,
    /// <summary>Dừng xử lý: processing stopped.</summary>
    ProcessingStopped,
    /// <summary>Đã có kết quả: the result is issued.</summary>
    ResultIssued,
    /// <summary>Đã trả kết quả: the result was returned to the applicant.</summary>
    ResultReturned,
    /// <summary>Rút hồ sơ: withdrawn by the applicant.</summary>
    Withdrawn,
}

/// <summary>One row of the status table.</summary>
/// <param name="Status">The status.</param>
/// <param name="NationalCode">Status code when syncing with the National Public Service Portal (1-10).</param>
/// <param name="Vietnamese">Wording shown to citizens and officers.</param>
/// <param name="English">English wording.</param>
public sealed record DossierStatusInfo(DossierStatus Status, int NationalCode, string Vietnamese, string English);

/// <summary>The status table: the single place that words statuses and maps them to national codes
/// (1 newly registered, 2 received, 3 not received, 4 in progress, 5 supplement requested, 6 fee payment
/// requested, 7 withdrawn, 8 processing stopped, 9 processing finished, 10 result returned).</summary>
public static class DossierStatuses
{
    private static readonly Dictionary<DossierStatus, DossierStatusInfo> Table = new DossierStatusInfo[]
    {
        new(DossierStatus.Submitted, 1, "Mới đăng ký", "Submitted"),
        new(DossierStatus.AwaitingPayment, 6, "Chờ nộp phí, lệ phí", "Awaiting payment"),
        new(DossierStatus.Received, 2, "Đã tiếp nhận", "Received"),
        new(DossierStatus.RefusedAtIntake, 3, "Từ chối tiếp nhận", "Refused at intake"),
        new(DossierStatus.SupplementRequested, 5, "Yêu cầu bổ sung hồ sơ", "Supplement requested"),
        new(DossierStatus.InProgress, 4, "Đang xử lý", "In progress"),
        new(DossierStatus.Extended, 4, "Đang xử lý (đã gia hạn)", "In progress (extended)"),
        new(DossierStatus.Approved, 4, "Đã phê duyệt, chờ lãnh đạo ký ban hành kết quả", "Approved, awaiting the leader's signature"),
        new(DossierStatus.Rejected, 9, "Không giải quyết", "Rejected"),
        new(DossierStatus.ProcessingStopped, 8, "Dừng xử lý", "Processing stopped"),
        new(DossierStatus.ResultIssued, 9, "Đã có kết quả", "Result issued"),
        new(DossierStatus.ResultReturned, 10, "Đã trả kết quả", "Result returned"),
        new(DossierStatus.Withdrawn, 7, "Đã rút hồ sơ", "Withdrawn"),
    }.ToDictionary(i => i.Status);

    /// <summary>The row for a status.</summary>
    public static DossierStatusInfo Of(DossierStatus status) => Table[status];

    /// <summary>Every row, in enum order.</summary>
    public static IEnumerable<DossierStatusInfo> All => Enum.GetValues<DossierStatus>().Select(Of);
}
