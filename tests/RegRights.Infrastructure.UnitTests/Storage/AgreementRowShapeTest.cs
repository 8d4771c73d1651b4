using System.Text.Json;
using Azure.Data.Tables;
using RegRights.Application.Agreements;
using RegRights.Application.Agreements.Rows;
using RegRights.Contracts;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Infrastructure.Storage;
using RegRights.Testing;

namespace RegRights.Infrastructure.UnitTests.Storage;

/// <summary>
/// An agreement's stored row (<see cref="AgreementRow"/>) against the API's document: nothing dropped between the two,
/// and the rows of shape 1 (the fixtures in <c>Storage/Rows</c>, written by the version before the shapes were parted)
/// read as they were written, and are written as they were.
/// </summary>
public sealed class AgreementRowShapeTest
{
    [Fact]
    public void EveryFieldSample_SetsEveryMemberOfTheDocument()
    {
        // A member added to the API's document is unset here until the sample sets it; then the round trip below
        // fails until the stored row carries it.
        var unset = EveryMember.Unset(StoredRowSamples.EveryField());

        Assert.Empty(unset);
    }

    [Fact]
    public void Document_ToRowAndBack_IsTheDocument()
    {
        var document = StoredRowSamples.EveryField();

        var back = AgreementRows.ToDocument(AgreementRows.ToRow(document));

        Assert.Equal(ApiJson(document), ApiJson(back));
    }

    [Fact]
    public void RowStoredAsColumns_ReadsBackAsTheDocument()
    {
        var document = StoredRowSamples.EveryField();

        var entity = TableAgreementStore.HeadEntity(Id, AgreementRows.ToRow(document));
        entity["CreatedAt"] = entity["UpdatedAt"] = "2025-03-03T14:00:00Z";

        var head = TableAgreementStore.ToHead(entity);

        Assert.Equal(ApiJson(document), ApiJson(AgreementRows.ToDocument(head.Row)));
    }

    [Theory]
    [InlineData("agreement-head.every-field.v1.tsv")]
    [InlineData("agreement-head.seed-before-template.v1.tsv")]
    public void ShapeOneRow_IsWrittenColumnForColumnAsBefore(string fixture)
    {
        var written = Fixture(fixture);
        var document = AgreementRows.ToDocument(TableAgreementStore.ToHead(written).Row);

        var rewritten = TableAgreementStore.HeadEntity(Id, AgreementRows.ToRow(document));

        // Template is written only when named, and RemindDeadlinesBeforeRegistration always (false when not given);
        // the seed's fixture is a row from before both, so each is compared where the fixture has it.
        foreach (var column in Columns.Where(written.ContainsKey))
        {
            Assert.Equal(written[column], rewritten[column]);
        }

        Assert.Equal(AgreementRow.CurrentShape, rewritten["Shape"]);
    }

    [Fact]
    public void EveryFieldFixture_ReadsAsTheSample()
    {
        var head = TableAgreementStore.ToHead(Fixture("agreement-head.every-field.v1.tsv"));

        Assert.Equal(ApiJson(StoredRowSamples.EveryFieldOfTheFixtures()), ApiJson(AgreementRows.ToDocument(head.Row)));
    }

    [Fact]
    public void SeedFixtureFromBeforeTheTemplateColumn_ReadsAsTheSeedTemplateWithoutRemindersBeforeRegistration()
    {
        var head = TableAgreementStore.ToHead(Fixture("agreement-head.seed-before-template.v1.tsv"));
        var agreement = new StoredAgreement(Id, default, AgreementRows.ToDocument(head.Row), 0, default, default);

        Assert.Equal(("Registration Rights Agreement dated April 28, 2000", AgreementTemplates.DefaultName, "America/Los_Angeles", false),
            (agreement.Document.Name, agreement.Template.Name, agreement.Terms.TimeZone.Id, agreement.Document.RemindDeadlinesBeforeRegistration ?? false));
        Assert.Equal(("NeoTherapeutics, Inc.", PartyRole.Company), (agreement.Document.Parties![0].Name, agreement.Document.Parties[0].Role!.Value));
        Assert.Equal(ContactRole.CompanyCounsel, agreement.Document.Contacts![0].Role);
    }

    [Fact]
    public void IdempotencyHash_OfShapeOne_IsTheOneStoredBefore()
    {
        // A create retried across the deployment that parted the shapes is still known for the same request.
        var fixture = Fixture("agreement-head.every-field.v1.tsv");

        Assert.Equal(fixture.GetString("RequestSha256"), AgreementStore.RequestHash(AgreementRows.ToRow(StoredRowSamples.EveryFieldOfTheFixtures())));
    }

    [Theory]
    [InlineData("filing-failure-payment#01", "filing-failure-payment#1")]
    [InlineData("maintenance-failure-payment#0012", "maintenance-failure-payment#12")]
    [InlineData("filing-failure-payment#1", "filing-failure-payment#1")]
    [InlineData("filing-failure-payment#0", "filing-failure-payment#0")]
    [InlineData("filing-failure-payment#00", "filing-failure-payment#00")]
    [InlineData("filing-date", "filing-date")]
    public void EventKeyStoredBeforeDeadlineId_ReadsAsThePeriodItStoodFor(string stored, string read)
    {
        // Shape 1 accepted a payment's period with leading zeros and matched "#01" to period 1; it must still.
        var row = TableAgreementStore.EventEntity("0123456789abcdef0123456789abcdef", 1,
            new AgreementEvent("e1", AgreementEventKind.DelayPaymentMade, new NodaTime.LocalDate(2024, 7, 1)), NodaTime.Instant.FromUnixTimeSeconds(0));
        row["DeadlineKey"] = stored;

        Assert.Equal(read, TableAgreementStore.ToEvent(row).Event.DeadlineKey);
    }

    [Fact]
    public void RowOfALaterShape_IsRefused_NotReadAsThisOne()
    {
        var later = Fixture("agreement-head.every-field.v1.tsv");
        later["Shape"] = AgreementRow.CurrentShape + 1;

        var ex = Assert.Throws<InvalidDataException>(() => TableAgreementStore.ToHead(later));

        Assert.Contains("shape 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StoredRoleTheVersionDoesNotKnow_IsRefused_NotDropped()
    {
        var row = AgreementRows.ToRow(StoredRowSamples.EveryField()) with { Parties = [new PartyRow { Name = "X", Role = "guarantor" }] };

        var ex = Assert.Throws<InvalidDataException>(() => AgreementRows.ToDocument(row));

        Assert.Contains("'guarantor'", ex.Message, StringComparison.Ordinal);
    }

    private const string Id = "0123456789abcdef0123456789abcdef";

    private static readonly string[] Columns = ["Name", "Terms", "Parties", "Contacts", "Template", "RemindDeadlinesBeforeRegistration"];

    private static string ApiJson(AgreementDocument document) => JsonSerializer.Serialize(document, RegRightsJson.Options);

    // A fixture is the head row's columns as written, one "column<TAB>value" a line; the booleans are columns of their own type.
    private static TableEntity Fixture(string name)
    {
        var entity = new TableEntity(Id, TableAgreementStore.HeadRowKey(Id)) { ["EventCount"] = 0, ["CreatedAt"] = "2025-03-03T14:00:00Z", ["UpdatedAt"] = "2025-03-03T14:00:00Z" };
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Storage", "Rows", name)).Where(l => l.Length > 0))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var (column, value) = (line[..tab], line[(tab + 1)..]);
            entity[column] = value is "true" or "false" ? value == "true" : value;
        }

        return entity;
    }
}
