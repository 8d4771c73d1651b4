using RegRights.Application.Email;
using RegRights.Infrastructure.Email;
using RegRights.Infrastructure.Email.Acs;
using RegRights.Infrastructure.Email.Smtp;

namespace RegRights.Infrastructure.UnitTests.Email;

public sealed class EmailIdempotencyTest
{
    [Fact]
    public void NameBasedUuid_MatchesTheRfc9562Example()
    {
        // RFC 9562 Appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), EmailIdempotency.NameBasedUuid(dns, "www.example.com"));
    }

    [Fact]
    public void OperationIdFor_SameKey_SameVersion5Id()
    {
        var first = EmailIdempotency.OperationIdFor("agreement-2000-04-28|filing-date|T-7");
        var again = EmailIdempotency.OperationIdFor("agreement-2000-04-28|filing-date|T-7");

        Assert.Equal(first, again);
        Assert.Equal(5, first.Version);
        Assert.Equal(EmailIdempotency.NameBasedUuid(EmailIdempotency.Namespace, "agreement-2000-04-28|filing-date|T-7"), first);
    }

    [Fact]
    public void OperationIdFor_KeysDifferingInOneCharacter_DifferentIds()
    {
        Assert.NotEqual(
            EmailIdempotency.OperationIdFor("agreement-2000-04-28|filing-date|T-7"),
            EmailIdempotency.OperationIdFor("agreement-2000-04-28|filing-date|T-1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void OperationIdFor_EmptyKey_Throws(string key)
    {
        Assert.Throws<ArgumentException>(() => EmailIdempotency.OperationIdFor(key));
    }

    [Fact]
    public void MessageIdFor_IsTheOperationIdAtTheSendersDomain()
    {
        var id = SmtpEmailSender.MessageIdFor("agreement-2000-04-28|filing-date|T-7", new EmailAddress("reminders@regrights.example"));

        Assert.Equal($"{EmailIdempotency.OperationIdFor("agreement-2000-04-28|filing-date|T-7")}@regrights.example", id);
    }

    [Theory]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=a2V5PQ==", "https://contoso.communication.azure.com/", "a2V5PQ==")] // the key's '=' padding stays
    [InlineData("AccessKey=a2V5PQ==; Endpoint=https://contoso.communication.azure.com:8443/", "https://contoso.communication.azure.com:8443/", "a2V5PQ==")] // any order and case
    public void AcsConnectionString_Parse_SplitsEndpointAndKey(string connectionString, string endpoint, string key)
    {
        var parsed = AcsConnectionString.Parse(connectionString);

        Assert.Equal(new AcsConnectionString(new Uri(endpoint), key), parsed);
        Assert.DoesNotContain(key, parsed.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("endpoint=https://contoso.communication.azure.com/")] // no key
    [InlineData("accesskey=a2V5PQ==")] // no endpoint
    [InlineData("endpoint=contoso;accesskey=a2V5PQ==")] // endpoint not absolute
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=not base64!")] // key not base64
    public void AcsConnectionString_Parse_Malformed_Throws(string connectionString)
    {
        Assert.Throws<FormatException>(() => AcsConnectionString.Parse(connectionString));
    }
}
