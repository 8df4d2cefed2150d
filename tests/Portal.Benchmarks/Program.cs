using Portal.Benchmarks;

// dotnet run -c Release --project tests/Portal.Benchmarks -- sweep | submissions | lists | officer-events
switch (args.FirstOrDefault())
{
    case "sweep":
        await SweepBenchmark.RunAsync(skipSubmissions: args.Contains("--no-submissions"));
        return 0;
    case "submissions":
        await SweepBenchmark.RunSubmissionsAsync();
        return 0;
    case "lists":
        await ListsBenchmark.RunAsync();
        return 0;
    case "officer-events":
        await OfficerEventsBenchmark.RunAsync();
        return 0;
    default:
        Console.Error.WriteLine("""
            usage: dotnet run -c Release --project tests/Portal.Benchmarks -- sweep [--no-submissions]
                   dotnet run -c Release --project tests/Portal.Benchmarks -- submissions
                   dotnet run -c Release --project tests/Portal.Benchmarks -- lists
                   dotnet run -c Release --project tests/Portal.Benchmarks -- officer-events

              sweep   timer sweep cost with 1,000 / 10,000 / 100,000 pending timers and 100 due (TimerStore.DueAsync and
                      TimerSweep.RunAsync with a no-op handler), raw Azurite single-entity insert rate, and the
                      submission rate of the in-process app (POST /api/dossiers, 4 concurrent clients) against it.
              submissions  only the last part (raw inserts and submissions); on an Azurite kept in memory.
              lists   the officer inbox and the citizen's list at 2,000 dossiers (first and filtered pages through HTTP,
                      p50/p95) beside a raw point read; on an Azurite kept in memory.
              officer-events  officer events through HTTP (raiseEvent: Receive, Forward): events/s and p50/p95/p99
                      latency, 1 client on an idle app and 4 clients; on an Azurite kept in memory.
            """);
        return 2;
}
