using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Portal.Testing;

namespace Portal.Stores.Tests.Journeys;

/// <summary>
/// Azure rejects an entity-group transaction that spans partitions; Azurite accepts it. So this test watches every
/// <c>$batch</c> the real app sends (a <see cref="BatchInspector"/> in the app's <c>TableClientOptions</c>) through
/// a whole journey, submission to returned result with a supplement on the way, and requires one partition key in each.
/// </summary>
[Collection(StoresFixture.CollectionName)]
public sealed class SinglePartitionBatchTests(StoresFixture stores)
{
    private PortalAppFixture App => stores.App;

    [Fact]
    public async Task EveryTransactionOfARealJourney_StaysInOnePartition()
    {
        var before = stores.Batches.Batches.Count;
        App.MoveToNextWorkingMorning();
        var code = await App.SubmitBirthRegistrationAsync(Citizens.Lan);

        await RaiseAsync(Officers.Desk, code, "Receive");
        await RaiseAsync(Officers.Specialist, code, "RequestSupplement",
            new { reason = "Giấy chứng sinh mờ", missing = new[] { "Giấy chứng sinh (bản rõ nét)" } });
        using (var citizen = await App.SignedInAsync(Citizens.Lan))
        {
            var files = SampleDossiers.Submission(SampleDossiers.BirthRegistration, new System.Text.Json.Nodes.JsonObject(),
                ("giay-chung-sinh", "giay-chung-sinh-ro.pdf", SampleDossiers.Pdf("ban ro net")));
            var supplied = await citizen.PostAsync($"api/dossiers/{code}/supplement", files);
            Assert.Equal(HttpStatusCode.OK, supplied.StatusCode);
        }
        await RaiseAsync(Officers.Specialist, code, "Forward", new { reason = "Đủ điều kiện" });
        await RaiseAsync(Officers.Head, code, "Approve");
        await IssueResultAsync(code, SampleDossiers.Pdf("ket qua"));
        await RaiseAsync(Officers.Desk, code, "ReturnResult", new { channel = "online" });
        // A sweep fires the relay guards and timers, as the Functions host would.
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await App.RunTimerSweepAsync();

        var batches = stores.Batches.Batches.Skip(before).ToList();
        // Submission, receive, supplement request, supplement, forward, approve, issue, return: one commit each.
        Assert.True(batches.Count >= 8, $"expected a transaction per commit, saw {batches.Count}");
        Assert.Contains(batches, b => b.Contains(code));
        Assert.All(batches, b => Assert.True(b.Count == 1, $"a batch spans {b.Count} partitions: {string.Join(", ", b)}"));
    }

    [Fact]
    public void Inspector_ReadsPartitionKeysFromEntitiesAndFromEntityUrls()
    {
        var body = """
            --changeset_1
            POST http://127.0.0.1:10002/devstoreaccount1/Dossiers HTTP/1.1

            {"PartitionKey":"A-261123-0001","RowKey":"evt-000002"}
            --changeset_1
            DELETE http://127.0.0.1:10002/devstoreaccount1/Dossiers(PartitionKey='B-261123-0002',RowKey='out-000001-00') HTTP/1.1
            --changeset_1
            PUT http://127.0.0.1:10002/devstoreaccount1/Dossiers(PartitionKey=%27C%27%27s%27,RowKey=%27x%27) HTTP/1.1
            --changeset_1--
            """.Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Equal(new HashSet<string> { "A-261123-0001", "B-261123-0002", "C's" }, BatchInspector.PartitionKeysOf(body));
    }

    private async Task RaiseAsync(string officer, string code, string eventName, object? body = null)
    {
        using var client = await App.SignedInAsync(officer);
        var response = await client.PostAsync($"api/instances/{Uri.EscapeDataString(code)}/raiseEvent/{eventName}", body is null ? null : JsonContent.Create(body));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{eventName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task IssueResultAsync(string code, byte[] pdf)
    {
        using var client = await App.SignedInAsync(Officers.Leader);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "ket-qua.pdf");
        var response = await client.PostAsync($"api/instances/{Uri.EscapeDataString(code)}/raiseEvent/IssueResult", content);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"IssueResult: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
