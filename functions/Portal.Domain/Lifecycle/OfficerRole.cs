namespace Portal.Domain.Lifecycle;

/// <summary>Who may act on a dossier. Officers have one or more roles in one agency.</summary>
public enum OfficerRole
{
    /// <summary>The applicant (người nộp hồ sơ).</summary>
    Citizen,
    /// <summary>One-stop-shop desk (bộ phận một cửa): receives, refuses, asks for supplements, returns results.</summary>
    Desk,
    /// <summary>Specialist (chuyên viên) who examines the dossier.</summary>
    Specialist,
    /// <summary>Head of department (lãnh đạo phòng) who approves or rejects.</summary>
    Head,
    /// <summary>Agency leader (lãnh đạo cơ quan) who signs and issues the result.</summary>
    Leader,
    /// <summary>Administrator: may stop processing.</summary>
    Admin,
    /// <summary>The system itself (timers).</summary>
    System,
}
