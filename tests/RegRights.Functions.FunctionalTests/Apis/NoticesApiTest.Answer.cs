using System.Net;

namespace RegRights.Functions.FunctionalTests.Apis;

public sealed partial class NoticesApiTest
{
    /// <summary>
    /// The stamp travels once, in the HTTP answer: the worker does not serialize the function's result again into its
    /// invocation response to the host (<c>WrittenResultMiddleware</c>), which the local host would log with its size
    /// (as it does for its own test worker, <c>HttpFunctionTests.Get_ResultAlsoReturnedOverGrpc_IsLogged</c>).
    /// </summary>
    [Fact]
    public async Task PostNotice_Answered_ItsResultIsNotSentToTheHostAgain()
    {
        // Arrange
        var agreementId = await NewAgreementAsync();
        ClockAt(5, 26, 16, 35);

        // Act
        using var response = await Sender.PostAsync(DocumentSystem.Notice(agreementId, """{ "method": "facsimile", "sentAt": "2000-05-25T14:30:00-07:00" }"""), NewWebhookId());

        // Assert: once the host has the invocation's response (its Executed line), no function has returned its result
        // over gRPC, this one included.
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(await App.HostLog.WaitForAsync(l => l.Contains("Executed 'Functions.PostNotice' (Succeeded", StringComparison.Ordinal), TimeSpan.FromSeconds(30)));
        Assert.DoesNotContain(App.HostLog.Lines, l => l.Contains("also returned its HTTP result", StringComparison.Ordinal));
    }
}
