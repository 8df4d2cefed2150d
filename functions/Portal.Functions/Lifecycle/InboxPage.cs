using Portal.Domain.Lifecycle;

namespace Portal.Functions.Lifecycle;

/// <summary>A page of an officer's inbox; <paramref name="Next"/> fetches the following page (null on the last).</summary>
public sealed record InboxPage(string AgencyCode, IReadOnlyList<OfficerRole> Roles, IReadOnlyList<InboxItem> Items, string? Next);
