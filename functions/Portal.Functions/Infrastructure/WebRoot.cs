namespace Portal.Functions.Infrastructure;

/// <summary>
/// Finds the static site. In the deploy package it is <c>wwwroot</c> beside the handler; in a checkout it is
/// the repository's <c>web/</c> folder; <c>--Portal:WebRoot</c> or <c>Portal__WebRoot</c> overrides both.
/// </summary>
public static class WebRoot
{
    /// <summary>The web root path, or null when none is found (the API still runs).</summary>
    public static string? Locate(string[] args)
    {
        var configured = ArgValue(args, "--Portal:WebRoot") ?? Environment.GetEnvironmentVariable("Portal__WebRoot");
        if (!string.IsNullOrEmpty(configured)) return Path.GetFullPath(configured);
        var packaged = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(packaged)) return packaged;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln"))) return Path.Combine(dir.FullName, "web");
        }
        return null;
    }

    private static string? ArgValue(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith(name + "=", StringComparison.OrdinalIgnoreCase)) return args[i][(name.Length + 1)..];
            if (args[i].Equals(name, StringComparison.OrdinalIgnoreCase) && i + 1 < args.Length) return args[i + 1];
        }
        return null;
    }
}
