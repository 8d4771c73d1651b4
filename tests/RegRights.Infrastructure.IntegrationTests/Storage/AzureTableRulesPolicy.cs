using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace RegRights.Infrastructure.IntegrationTests.Storage;

/// <summary>
/// Refuses, before it leaves the process, every request Azure Table Storage would reject but Azurite accepts: a batch
/// spanning partitions, a batch of more than 100 operations, an Edm.DateTime before 1601-01-01. Stores under test
/// run with it, so a test that passes against Azurite would also pass against Azure on these points.
/// </summary>
internal sealed partial class AzureTableRulesPolicy : HttpPipelineSynchronousPolicy
{
    private static readonly DateTimeOffset MinDateTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override void OnSendingRequest(HttpMessage message)
    {
        if (message.Request.Content is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        message.Request.Content.WriteTo(buffer, CancellationToken.None);
        var body = Encoding.UTF8.GetString(buffer.ToArray());

        if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal))
        {
            var operations = OperationPart().Count(body);
            if (operations > 100)
            {
                throw new InvalidOperationException($"Azure rejects a batch of {operations} operations (at most 100).");
            }

            var partitions = PartitionInBody().Matches(body).Select(m => m.Groups[1].Value)
                .Concat(PartitionInUrl().Matches(body).Select(m => m.Groups[1].Value))
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            if (partitions.Length > 1)
            {
                throw new InvalidOperationException($"Azure rejects a batch spanning partitions: {string.Join(", ", partitions)}.");
            }
        }

        foreach (Match typed in DateTimeProperty().Matches(body))
        {
            var name = typed.Groups[1].Value;
            var value = Regex.Match(body, "\"" + Regex.Escape(name) + "\"\\s*:\\s*\"([^\"]+)\"");
            if (value.Success &&
                DateTimeOffset.Parse(value.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) < MinDateTime)
            {
                throw new InvalidOperationException($"Azure rejects {name} = {value.Groups[1].Value}: an Edm.DateTime before 1601.");
            }
        }
    }

    [GeneratedRegex("Content-Type:\\s*application/http", RegexOptions.IgnoreCase)]
    private static partial Regex OperationPart();

    [GeneratedRegex("\"PartitionKey\"\\s*:\\s*\"([^\"]*)\"")]
    private static partial Regex PartitionInBody();

    [GeneratedRegex("PartitionKey='([^']*)'")]
    private static partial Regex PartitionInUrl();

    [GeneratedRegex("\"([^\"]+)@odata\\.type\"\\s*:\\s*\"Edm\\.DateTime\"")]
    private static partial Regex DateTimeProperty();
}
