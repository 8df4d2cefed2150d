using System.Text;
using Portal.Domain.Dossiers;

namespace Portal.Domain.Lifecycle;

/// <summary>Draws <see cref="DossierTransitions"/> as a Mermaid state diagram (the lifecycle you can see).</summary>
public static class LifecycleDiagram
{
    /// <summary>The Mermaid source, one edge per transition row (timer self-loops left out).</summary>
    public static string Mermaid()
    {
        var text = new StringBuilder();
        text.AppendLine("stateDiagram-v2");
        text.AppendLine($"    [*] --> {DossierStatus.Submitted} : nộp trực tuyến");
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            var info = DossierStatuses.Of(status);
            text.AppendLine($"    {status} : {info.Vietnamese} ({info.NationalCode})");
        }
        foreach (var t in DossierTransitions.All.Where(t => t.To is not null))
        {
            var who = t.Roles is null ? $"vai trò của bước {t.AtStep}" : string.Join("/", t.Roles);
            var reason = t.ReasonRequired ? ", có lý do" : "";
            var when = t.When is null ? "" : $" [{t.When}]";
            foreach (var from in t.From) text.AppendLine($"    {from} --> {t.To} : {t.Command} ({who}{reason}){when}");
        }
        foreach (var closed in new[] { DossierStatus.RefusedAtIntake, DossierStatus.Rejected, DossierStatus.ProcessingStopped, DossierStatus.ResultReturned, DossierStatus.Withdrawn })
        {
            text.AppendLine($"    {closed} --> [*]");
        }
        return text.ToString();
    }
}
