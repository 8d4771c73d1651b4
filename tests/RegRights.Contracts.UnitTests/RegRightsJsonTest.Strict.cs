using System.Text;
using System.Text.Json;
using RegRights.Contracts.Agreements;
using RegRights.Contracts.Notices;

namespace RegRights.Contracts.UnitTests;

/// <summary>Reading is strict: a member no document declares, or one given twice, is refused with its JSON path.</summary>
public partial class RegRightsJsonTest
{
    public static TheoryData<string, string, string> UnknownMembers => new()
    {
        // A misspelt term would otherwise store the seed's 30-day Filing Date.
        { "agreement", """{"name":"RRA","terms":{"filingDay":60}}""", "$.terms.filingDay" },
        // A closing date belongs in a closing event; dropped, the agreement would have no schedule.
        { "agreement", """{"name":"RRA","closingDate":"2000-04-28"}""", "$.closingDate" },
        { "agreement", """{"name":"RRA","terms":{"closures":[{"date":"2001-09-11"},{"date":"2001-09-12","reason":"x"}]}}""", "$.terms.closures[1].reason" },
        { "agreement", """{"name":"RRA","parties":[{"name":"NeoTherapeutics, Inc.","role":"company","state":"DE"}]}""", "$.parties[0].state" },
        { "agreement", """{"name":"RRA","contacts":[{"name":"Latham","role":"companyCounsel","phone":"1"}]}""", "$.contacts[0].phone" },
        { "event", """{"id":"c","kind":"closing","date":"2000-04-28","closingDate":"2000-04-28"}""", "$.closingDate" },
        // Misspelt, the cutback clause's 45-day Filing Deadline would be the template's without a word.
        { "agreement", """{"name":"RRA","terms":{"additionalRegistration":{"section":"§ 2(b)","filingDay":30,"effectivenessDays":60}}}""", "$.terms.additionalRegistration.filingDay" },
        // Misspelt, the receipt would be lost and a § 6(h)(iv) notice stamped with no effective date.
        { "intake", """{"agreementId":"a","deliveries":[{"method":"email","sentAt":"2000-05-26T15:05:00-07:00","recievedAt":"2000-05-26T15:06:00-07:00"}]}""", "$.deliveries[0].recievedAt" },
        { "intake", """{"agreementId":"a","documentUrl":"https://example.com/n.pdf"}""", "$.documentUrl" },
        { "stamp", """{"deliveries":[{"method":"hand","sentAt":"2000-05-26T15:05:00-07:00","signedBy":"x"}]}""", "$.deliveries[0].signedBy" },
    };

    public static TheoryData<string, string, string> DuplicateMembers => new()
    {
        // Which of two names is stored would depend on the reader.
        { "agreement", """{"name":"RRA","name":"Other"}""", "$.name" },
        { "agreement", """{"name":"RRA","terms":{"filingDays":30,"filingDays":60}}""", "$.terms.filingDays" },
        // Member names match ignoring case, so these are one member given twice.
        { "agreement", """{"name":"RRA","NAME":"Other"}""", "$.NAME" },
        { "event", """{"id":"c","kind":"closing","date":"2000-04-28","date":"2000-05-28"}""", "$.date" },
        { "intake", """{"agreementId":"a","deliveries":[{"method":"email","method":"hand","sentAt":"2000-05-26T15:05:00-07:00"}]}""", "$.deliveries[0].method" },
    };

    [Theory]
    [MemberData(nameof(UnknownMembers))]
    public void Read_UnknownMember_RefusedAtItsPath(string document, string json, string path)
    {
        // Act
        var errors = ReadErrors(document, json);

        // Assert
        var message = Assert.Single(Assert.Contains(path, errors));
        Assert.Contains("is not a member here", message, StringComparison.Ordinal);
        Assert.Contains("the members are ", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DuplicateMembers))]
    public void Read_DuplicateMember_RefusedAtItsPath(string document, string json, string path)
    {
        // Act
        var errors = ReadErrors(document, json);

        // Assert
        var message = Assert.Single(Assert.Contains(path, errors));
        Assert.Contains("more than once", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MisspeltReceivedAt_NamesTheMemberMeant()
    {
        // Act
        var errors = ReadErrors("intake", """{"deliveries":[{"method":"email","sentAt":"2000-05-26T15:05:00-07:00","recievedAt":"x"}]}""");

        // Assert
        Assert.Equal(
            "'recievedAt' is not a member here, and an unknown member is refused rather than dropped; the members are method, sentAt, receivedAt, faxNumber, trackingNumber (line 1, byte 84).",
            Assert.Single(errors["$.deliveries[0].recievedAt"]));
    }

    [Fact]
    public void Read_EveryRequestDocument_RefusesAnUnknownMember()
    {
        // Every public document with settable members, nested ones included: none may drop a member silently.
        var documents = typeof(RegRightsJson).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetConstructor(Type.EmptyTypes) is not null
                && t.GetProperties().Any(p => p.SetMethod is not null))
            .ToList();
        Assert.Contains(typeof(ClosureDocument), documents);
        Assert.Contains(typeof(DeliveryRequest), documents);

        foreach (var type in documents)
        {
            // Act
            var errors = (IReadOnlyDictionary<string, string[]>)typeof(RegRightsJsonTest)
                .GetMethod(nameof(ReadUnknownMember), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type).Invoke(null, null)!;

            // Assert
            Assert.True(errors.ContainsKey("$.noSuchMember"), $"{type.Name} accepted an unknown member.");
        }
    }

    [Fact]
    public void Read_UnknownContactRole_NamesTheAllowedValues()
    {
        // Act
        var errors = ReadErrors("agreement", """{"name":"RRA","contacts":[{"name":"Latham","role":"boss"}]}""");

        // Assert
        Assert.Equal(
            "'boss' is not one of company, companyCounsel, holder, holdersCounsel, specialCounsel (line 1, byte 57).",
            Assert.Single(errors["$.contacts[0].role"]));
    }

    [Fact]
    public void Read_TwoRolesJoined_Refused()
    {
        // An enum reader that or-s "company, holder" together would store a role no contact can have.
        var errors = ReadErrors("agreement", """{"name":"RRA","contacts":[{"name":"Latham","role":"company, holder"}]}""");

        Assert.Contains("is not one of company, companyCounsel", Assert.Single(errors["$.contacts[0].role"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RoleAsNumber_Refused()
    {
        var errors = ReadErrors("agreement", """{"name":"RRA","contacts":[{"name":"Latham","role":1}]}""");

        Assert.StartsWith("Expected a string, one of company, companyCounsel", Assert.Single(errors["$.contacts[0].role"]), StringComparison.Ordinal);
    }

    [Theory]
    // The reader says what the member takes, never a .NET type name such as System.Nullable`1[System.Int32].
    [InlineData("""{"name":"RRA","terms":{"filingDays":"sixty"}}""", "$.terms.filingDays", "Expected a whole number (line 1, byte 44).")]
    [InlineData("""{"name":"RRA","terms":{"filingDays":60.5}}""", "$.terms.filingDays", "Expected a whole number (line 1, byte 41).")]
    [InlineData("""{"name":"RRA","terms":{"closures":{}}}""", "$.terms.closures", "Expected an array (line 1, byte 36).")]
    [InlineData("""{"name":"RRA","terms":{"faxCutoff":"2pm"}}""", "$.terms.faxCutoff",
        "Expected a time of day, HH:mm:ss (e.g. 14:00:00). The value string does not match the required number from the format string \"HH\" (line 1, byte 41).")]
    [InlineData("""{"name":"RRA","terms":{"closures":[{"date":"2001-02-30"}]}}""", "$.terms.closures[0].date",
        "Expected an ISO date, yyyy-MM-dd (e.g. 2000-04-28). The day 30 is out of range in month 2 of year 2001 (line 1, byte 56).")]
    [InlineData("""[]""", "$", "Expected an object (line 1, byte 2).")]
    public void Read_WrongType_SaysWhatIsExpected(string json, string path, string expected)
    {
        // Act
        var errors = ReadErrors("agreement", json);

        // Assert
        Assert.Equal(expected, Assert.Single(Assert.Contains(path, errors)));
        Assert.DoesNotContain("System.", expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "The request body is empty; a JSON object is required.")]
    [InlineData("null", "The request body is null; a JSON object is required.")]
    [InlineData("""{"name":"RRA",}""", "The JSON object contains a trailing comma at the end which is not supported in this mode (line 1, byte 15).")]
    public void Read_NoDocument_ErrorAtRoot(string json, string expected)
    {
        var errors = ReadErrors("agreement", json);

        Assert.Equal(expected, Assert.Single(Assert.Contains("$", errors)));
    }

    [Fact]
    public void Read_KnownMembersAnyCase_Read()
    {
        // Act
        var result = RegRightsJson.Read<AgreementDocument>(
            Encoding.UTF8.GetBytes("""{"Name":"RRA","terms":{"FilingDays":45},"contacts":[{"name":"Latham","role":"companyCounsel"}]}"""));

        // Assert
        Assert.True(result.Success);
        Assert.Equal("RRA", result.Value.Name);
        Assert.Equal(45, result.Value.Terms!.FilingDays);
        Assert.Equal(ContactRole.CompanyCounsel, result.Value.Contacts![0].Role);
    }

    [Fact]
    public void Options_StrictReaderFromConfigure_RefusesUnknownMember()
    {
        // ASP.NET Core's options get the same strictness through Configure.
        var options = RegRightsJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TermsDocument>("""{"filingDay":60}""", options));

        Assert.Equal("$.filingDay", ex.Path);
    }

    private static IReadOnlyDictionary<string, string[]> ReadUnknownMember<T>()
        where T : class => RegRightsJson.Read<T>("{\"noSuchMember\":1}"u8).Errors;

    private static IReadOnlyDictionary<string, string[]> ReadErrors(string document, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        IReadOnlyDictionary<string, string[]> errors = document switch
        {
            "agreement" => RegRightsJson.Read<AgreementDocument>(bytes).Errors,
            "event" => RegRightsJson.Read<AgreementEventDocument>(bytes).Errors,
            "intake" => RegRightsJson.Read<NoticeIntakeRequest>(bytes).Errors,
            "stamp" => RegRightsJson.Read<StampNoticeRequest>(bytes).Errors,
            _ => throw new ArgumentOutOfRangeException(nameof(document), document, "Not a document."),
        };
        Assert.NotEmpty(errors);
        return errors;
    }
}
