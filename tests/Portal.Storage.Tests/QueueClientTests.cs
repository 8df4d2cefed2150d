using Portal.Testing;

namespace Portal.Storage.Tests;

[Collection(AzuriteFixture.CollectionName)]
public sealed class QueueClientTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CreateIfNotExists_WhenQueueExists_ReturnsFalse()
    {
        var queue = azurite.Account.GetQueueClient(AzuriteFixture.UniqueName("q"));

        var first = await queue.CreateIfNotExistsAsync();
        var second = await queue.CreateIfNotExistsAsync();

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task Send_ThenReceive_ReturnsSameTextWithReceiptAndDequeueCount()
    {
        var queue = await azurite.CreateQueueAsync();
        const string text = "{\"dossier\":\"HS-0001\",\"note\":\"Hồ sơ đã tiếp nhận <ok> & 'done'\"}";

        var receipt = await queue.SendAsync(text);
        var messages = await queue.ReceiveAsync(maxMessages: 5, visibilityTimeout: TimeSpan.FromSeconds(30));

        var message = Assert.Single(messages);
        Assert.Equal(receipt.MessageId, message.MessageId);
        Assert.Equal(text, message.Text);
        Assert.Equal(1, message.DequeueCount);
        Assert.False(string.IsNullOrEmpty(message.PopReceipt));
    }

    [Fact]
    public async Task Send_WithVisibilityDelay_IsNotVisibleBeforeDelay()
    {
        var queue = await azurite.CreateQueueAsync();

        var receipt = await queue.SendAsync("later", visibilityDelay: TimeSpan.FromSeconds(2));
        var early = await queue.ReceiveAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var late = await queue.ReceiveAsync();

        Assert.True(receipt.NextVisibleOn > receipt.InsertedOn);
        Assert.Empty(early);
        Assert.Equal("later", Assert.Single(late).Text);
    }

    [Fact]
    public async Task Send_WithTimeToLive_ExpiresMessage()
    {
        var queue = await azurite.CreateQueueAsync();

        var receipt = await queue.SendAsync("short-lived", timeToLive: TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var messages = await queue.ReceiveAsync();

        Assert.Equal(receipt.InsertedOn.AddSeconds(1), receipt.ExpiresOn);
        Assert.Empty(messages);
    }

    [Fact]
    public async Task Send_WithInfiniteTimeToLive_ExpiresFarInTheFuture()
    {
        var queue = await azurite.CreateQueueAsync();

        var receipt = await queue.SendAsync("forever", timeToLive: Timeout.InfiniteTimeSpan);

        Assert.True(receipt.ExpiresOn > DateTimeOffset.UtcNow.AddYears(100));
    }

    [Fact]
    public async Task Receive_HidesMessageForVisibilityTimeoutThenItReappears()
    {
        var queue = await azurite.CreateQueueAsync();
        await queue.SendAsync("retry me");

        var first = await queue.ReceiveAsync(visibilityTimeout: TimeSpan.FromSeconds(2));
        var whileHidden = await queue.ReceiveAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var again = await queue.ReceiveAsync();

        Assert.Single(first);
        Assert.Empty(whileHidden);
        var redelivered = Assert.Single(again);
        Assert.Equal(first[0].MessageId, redelivered.MessageId);
        Assert.Equal(2, redelivered.DequeueCount);
    }

    [Fact]
    public async Task Delete_WithPopReceipt_RemovesMessage()
    {
        var queue = await azurite.CreateQueueAsync();
        await queue.SendAsync("done");
        var message = Assert.Single(await queue.ReceiveAsync(visibilityTimeout: TimeSpan.FromSeconds(1)));

        var deleted = await queue.DeleteAsync(message.MessageId, message.PopReceipt);
        var peeked = await queue.PeekAsync(maxMessages: 32);

        Assert.True(deleted);
        Assert.Empty(peeked);
    }

    [Fact]
    public async Task Update_ChangesTextAndVisibilityAndReturnsNewPopReceipt()
    {
        var queue = await azurite.CreateQueueAsync();
        await queue.SendAsync("attempt 1");
        var message = Assert.Single(await queue.ReceiveAsync(visibilityTimeout: TimeSpan.FromSeconds(30)));

        var newReceipt = await queue.UpdateAsync(message.MessageId, message.PopReceipt, TimeSpan.Zero, "attempt 2 – thử lại");
        var again = Assert.Single(await queue.ReceiveAsync(visibilityTimeout: TimeSpan.FromSeconds(30)));
        var deleted = await queue.DeleteAsync(again.MessageId, again.PopReceipt);

        Assert.NotEqual(message.PopReceipt, newReceipt);
        Assert.Equal("attempt 2 – thử lại", again.Text);
        Assert.True(deleted);
    }

    [Fact]
    public async Task Update_WithoutText_KeepsTextAndHidesMessageForNewTimeout()
    {
        var queue = await azurite.CreateQueueAsync();
        await queue.SendAsync("giữ nguyên");
        var message = Assert.Single(await queue.ReceiveAsync(visibilityTimeout: TimeSpan.FromSeconds(30)));

        await queue.UpdateAsync(message.MessageId, message.PopReceipt, TimeSpan.FromSeconds(2));
        var whileHidden = await queue.ReceiveAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var again = Assert.Single(await queue.ReceiveAsync());

        Assert.Empty(whileHidden);
        Assert.Equal("giữ nguyên", again.Text);
    }

    [Fact]
    public async Task Delete_WithStalePopReceipt_Throws()
    {
        var queue = await azurite.CreateQueueAsync();
        await queue.SendAsync("x");
        var message = Assert.Single(await queue.ReceiveAsync(visibilityTimeout: TimeSpan.FromSeconds(30)));
        await queue.UpdateAsync(message.MessageId, message.PopReceipt, TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => queue.DeleteAsync(message.MessageId, message.PopReceipt));

        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task Peek_DoesNotHideOrCountMessage()
    {
        var queue = await azurite.CreateQueueAsync();
        await queue.SendAsync("look");

        var peeked = Assert.Single(await queue.PeekAsync());
        var received = Assert.Single(await queue.ReceiveAsync());

        Assert.Equal("look", peeked.Text);
        Assert.Equal(0, peeked.DequeueCount);
        Assert.Equal(1, received.DequeueCount);
    }

    [Fact]
    public async Task Send_TooLargeText_ThrowsBeforeSending()
    {
        var queue = azurite.Account.GetQueueClient(AzuriteFixture.UniqueName("q"));

        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendAsync(new string('x', QueueClient.MaxMessageBytes + 1)));
    }
}
