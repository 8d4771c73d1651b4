using System.Net;

namespace RegRights.LocalHost.Tests;

/// <summary>The forwarder's retry of a connection the worker's Kestrel is not yet listening for.</summary>
public sealed class WorkerConnectRetryHandlerTests
{
    /// <summary>Two refused connections, then the worker listens: the third attempt goes through.</summary>
    [Fact]
    public async Task SendAsync_ConnectionRefusedTwice_RetriesUntilItConnects()
    {
        // Arrange
        var inner = new ScriptedHandler(failures: 2, HttpRequestError.ConnectionError);
        using var invoker = new HttpMessageInvoker(new WorkerConnectRetryHandler(inner));
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:1/api/notices");

        // Act
        using HttpResponseMessage response = await invoker.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, inner.Attempts);
    }

    /// <summary>A failure after the request went out (the response ended) is not retried: the worker may have run it.</summary>
    [Fact]
    public async Task SendAsync_ResponseEnded_ThrowsWithoutRetry()
    {
        // Arrange
        var inner = new ScriptedHandler(failures: 1, HttpRequestError.ResponseEnded);
        using var invoker = new HttpMessageInvoker(new WorkerConnectRetryHandler(inner));
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:1/api/notices");

        // Act
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(request, TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(HttpRequestError.ResponseEnded, ex.HttpRequestError);
        Assert.Equal(1, inner.Attempts);
    }

    /// <summary>A worker that never listens: the last of the attempts' failures is thrown.</summary>
    [Fact]
    public async Task SendAsync_NeverListening_ThrowsAfterMaxAttempts()
    {
        // Arrange
        var inner = new ScriptedHandler(failures: int.MaxValue, HttpRequestError.ConnectionError);
        using var invoker = new HttpMessageInvoker(new WorkerConnectRetryHandler(inner));
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/api/health");

        // Act
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(request, TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(HttpRequestError.ConnectionError, ex.HttpRequestError);
        Assert.Equal(WorkerConnectRetryHandler.MaxAttempts, inner.Attempts);
    }

    /// <summary>Fails the first <c>failures</c> sends with the given error, then answers 200.</summary>
    private sealed class ScriptedHandler(int failures, HttpRequestError error) : HttpMessageHandler
    {
        public int Attempts { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Attempts++;
            return Attempts <= failures
                ? Task.FromException<HttpResponseMessage>(new HttpRequestException(error, "scripted failure"))
                : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
