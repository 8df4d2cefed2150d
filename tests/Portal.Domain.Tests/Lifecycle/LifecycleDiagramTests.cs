using System.Text.RegularExpressions;
using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;
using Portal.Domain.Tests.Calendar;

namespace Portal.Domain.Tests.Lifecycle;

/// <summary>
/// The lifecycle you can see: functions/Portal.Domain/Lifecycle/LIFECYCLE.md holds the diagram drawn from
/// <see cref="DossierTransitions"/>. When the table changes, regenerate the file with
/// <c>UPDATE_LIFECYCLE_DIAGRAM=1 dotnet test tests/Portal.Domain.Tests --filter FullyQualifiedName~LifecycleDiagram</c>
/// (CI never sets the variable, so a stale diagram fails the build).
/// </summary>
public partial class LifecycleDiagramTests
{
    private const string UpdateVariable = "UPDATE_LIFECYCLE_DIAGRAM";

    [GeneratedRegex(@"```mermaid\r?\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();

    private static string DocumentPath()
    {
        var calendarData = RealCalendar.FindDataFile();
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(calendarData)!, "..", "..", "..", ".."));
        return Path.Combine(root, "functions", "Portal.Domain", "Lifecycle", "LIFECYCLE.md");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    [Fact]
    public void LifecycleDocument_ShowsTheDiagramOfTheCurrentTransitionTable()
    {
        var path = DocumentPath();
        var expected = Normalize(LifecycleDiagram.Mermaid());
        var document = File.ReadAllText(path);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            document = MermaidBlock().Replace(document, _ => $"```mermaid\n{expected}```", 1);
            File.WriteAllText(path, document);
        }

        var block = MermaidBlock().Match(document);

        Assert.True(block.Success, $"{path} has no ```mermaid block.");
        Assert.True(expected == Normalize(block.Groups["body"].Value),
            $"The diagram in {path} is not LifecycleDiagram.Mermaid(): the transition table changed. Regenerate it with " +
            $"{UpdateVariable}=1 dotnet test tests/Portal.Domain.Tests --filter FullyQualifiedName~LifecycleDiagram");
    }

    [Fact]
    public void Diagram_HasAnEdgeForEveryStatusOfEveryRow_AndNoTimerLoops()
    {
        var mermaid = LifecycleDiagram.Mermaid();

        var edges = mermaid.Split('\n').Count(line => line.Contains(" --> ") && !line.Contains("[*]"));

        Assert.Equal(DossierTransitions.All.Where(t => t.To is not null).Sum(t => t.From.Count), edges);
        Assert.DoesNotContain(nameof(FireTimer), mermaid);
        Assert.StartsWith("stateDiagram-v2", mermaid);
    }

    [Fact]
    public void Diagram_NamesEveryStatusWithItsWordingAndNationalCode()
    {
        var mermaid = LifecycleDiagram.Mermaid();

        Assert.All(DossierStatuses.All, info => Assert.Contains($"{info.Status} : {info.Vietnamese} ({info.NationalCode})", mermaid));
    }
}
