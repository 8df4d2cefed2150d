using Portal.Functions;

// The function app: an Azure Functions custom handler. In Azure the Functions host forwards HTTP requests
// and timer invocations to it; locally it runs alone and its trigger host fires the timers itself.
var app = PortalApp.Build(args);
app.Run();

/// <summary>Entry point, visible to tests that host the app.</summary>
public partial class Program;
