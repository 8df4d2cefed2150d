namespace Portal.Domain.Lifecycle;

/// <summary>
/// Longest free text accepted on a lifecycle command, in characters. One place, so the endpoints, the console and the
/// tests agree; over a limit the command is refused naming the field and nothing is written.
/// </summary>
public static class TextLimits
{
    /// <summary>A reason (refusal, supplement request, rejection, extension, stop, withdrawal, result note): two pages of text.</summary>
    public const int Reason = 2_000;

    /// <summary>The citizen's note sent with a supplement.</summary>
    public const int Note = 2_000;

    /// <summary>One item of a supplement request ("Bản sao giấy chứng sinh…").</summary>
    public const int MissingItem = 300;

    /// <summary>How many items one supplement request may list.</summary>
    public const int MissingItems = 30;

    /// <summary>Why a text is refused, or null when it is within <paramref name="max"/> characters.</summary>
    public static string? Check(string? text, int max) =>
        text is not null && text.Length > max ? $"Nội dung dài quá {max:N0} ký tự ({text.Length:N0}); hãy rút gọn (longer than {max} characters)." : null;
}
