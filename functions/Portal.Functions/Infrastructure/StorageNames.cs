namespace Portal.Functions.Infrastructure;

/// <summary>Names of the tables, containers and queues the app uses (created at start-up).</summary>
public static class StorageNames
{
    /// <summary>One partition per dossier: its current row, its history, later its outbox (PK = dossier code).</summary>
    public const string DossiersTable = "Dossiers";
    /// <summary>Idempotency records and the citizen's list of dossiers (PK = citizen subject, RK = idempotency key).</summary>
    public const string SubmissionsTable = "Submissions";
    /// <summary>Per-agency, per-day dossier sequence counters (PK = agency code, RK = yyMMdd).</summary>
    public const string SequencesTable = "Sequences";
    /// <summary>Server-side form drafts (PK = citizen subject, RK = procedure code).</summary>
    public const string DraftsTable = "Drafts";
    /// <summary>Index of the durable-timer shards (one table per due hour, "Timers{yyyyMMddHH}").</summary>
    public const string TimerShardsTable = "TimerShards";
    /// <summary>Officers' work lists (PK = agency code, RK = due key + code, and a pointer row per dossier), projected from dossier states.</summary>
    public const string InboxTable = "Inbox";
    /// <summary>Each citizen's own dossiers (PK = citizen subject, RK = inverted submission time + code), projected from dossier states.</summary>
    public const string CitizenDossiersTable = "CitizenDossiers";
    /// <summary>Messages delivered (PK = dossier code, RK = message id): the local adapter of the message port.</summary>
    public const string NotificationsTable = "Notifications";
    /// <summary>Dossier attachments, keyed by dossier code and content hash.</summary>
    public const string AttachmentsContainer = "attachments";

    /// <summary>Every table.</summary>
    public static readonly string[] Tables = [DossiersTable, SubmissionsTable, SequencesTable, DraftsTable, TimerShardsTable, InboxTable, CitizenDossiersTable, NotificationsTable];
    /// <summary>Every blob container.</summary>
    public static readonly string[] Containers = [AttachmentsContainer];
}
