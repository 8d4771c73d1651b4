using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using RegRights.Application.Intake;

namespace RegRights.Infrastructure.Intake;

/// <summary>
/// Tracking numbers and envelope ids of expected notices over Table Storage (<see cref="IntakeTables.ExpectedDeliveries"/>):
/// one row each (PartitionKey and RowKey <c>{kind}.{value}</c>), added once, so a number can name one notice only.
/// </summary>
public class TableExpectedDeliveryStore : ExpectedDeliveryStore
{
    private readonly IntakeTables tables;

    /// <summary>Creates the store over <paramref name="tables"/>.</summary>
    public TableExpectedDeliveryStore(IntakeTables tables) => this.tables = tables ?? throw new ArgumentNullException(nameof(tables));

    /// <summary>Registers <paramref name="value"/> for the notice, or returns the notice it was registered for first.</summary>
    public override async Task<ExpectedDelivery> AddAsync(ExpectedKey kind, string value, ExpectedDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var key = Key(kind, value);
        try
        {
            await tables.ExpectedDeliveries.AddEntityAsync(
                new TableEntity(key, key) { ["AgreementId"] = delivery.AgreementId, ["NoticeId"] = delivery.NoticeId }, cancellationToken).ConfigureAwait(false);
            return delivery;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(kind, value, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{key} conflicted but cannot be read.", ex);
        }
    }

    /// <summary>The notice <paramref name="value"/> was registered for, or null.</summary>
    public override async Task<ExpectedDelivery?> GetAsync(ExpectedKey kind, string value, CancellationToken cancellationToken = default)
    {
        var key = Key(kind, value);
        var response = await tables.ExpectedDeliveries.GetEntityIfExistsAsync<TableEntity>(key, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new ExpectedDelivery(response.Value!.GetString("AgreementId"), response.Value.GetString("NoticeId")) : null;
    }

    // Keys may not hold / \ # ? or control characters: a normalized tracking number is letters and digits, and an
    // envelope id is hashed unless it is a plain GUID.
    private static string Key(ExpectedKey kind, string value)
    {
        var normalized = Normalize(kind, value);
        var safe = normalized.Length is > 0 and <= 64 && normalized.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? normalized
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
        return (kind == ExpectedKey.Tracking ? "tracking." : "envelope.") + safe;
    }
}
