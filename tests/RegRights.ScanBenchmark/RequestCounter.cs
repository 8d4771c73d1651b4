using Azure.Core;
using Azure.Core.Pipeline;

namespace RegRights.ScanBenchmark;

/// <summary>What the table clients sent while counting was on, by kind, with the bytes the service answered.</summary>
internal sealed record RequestCounts(long QueryPages, long EntityReads, long Writes, long Batches, long Other, long ResponseBytes)
{
    public long Reads => QueryPages + EntityReads;

    public long Total => QueryPages + EntityReads + Writes + Batches + Other;

    public override string ToString() =>
        $"{Total} requests ({QueryPages} query pages, {EntityReads} entity reads, {Writes} writes, {Batches} batches, {Other} other), {ResponseBytes / 1024.0:N0} KiB read";
}

/// <summary>
/// Counts storage requests on the wire (per try, so a retry counts twice), by what they are: a page of a query, a
/// point read, a single-entity write, a batch, or table management.
/// </summary>
internal sealed class RequestCounter : HttpPipelinePolicy
{
    private long queryPages;
    private long entityReads;
    private long writes;
    private long batches;
    private long other;
    private long responseBytes;
    private volatile bool counting;

    public void Start()
    {
        Interlocked.Exchange(ref queryPages, 0);
        Interlocked.Exchange(ref entityReads, 0);
        Interlocked.Exchange(ref writes, 0);
        Interlocked.Exchange(ref batches, 0);
        Interlocked.Exchange(ref other, 0);
        Interlocked.Exchange(ref responseBytes, 0);
        counting = true;
    }

    /// <summary>Stops counting for the harness's own requests (setup, checks) without losing the count.</summary>
    public void Pause() => counting = false;

    public void Resume() => counting = true;

    public RequestCounts Stop()
    {
        counting = false;
        return new(Interlocked.Read(ref queryPages), Interlocked.Read(ref entityReads), Interlocked.Read(ref writes),
            Interlocked.Read(ref batches), Interlocked.Read(ref other), Interlocked.Read(ref responseBytes));
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message.Request);
        ProcessNext(message, pipeline);
        CountResponse(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message.Request);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        CountResponse(message);
    }

    private void Count(Request request)
    {
        if (!counting)
        {
            return;
        }

        var path = request.Uri.Path;
        var method = request.Method;
        ref var counter = ref other;
        if (path.EndsWith("$batch", StringComparison.Ordinal))
        {
            counter = ref batches;
        }
        else if (path.Contains("/Tables", StringComparison.Ordinal))
        {
            counter = ref other;
        }
        else if (method == RequestMethod.Get)
        {
            // A point read names its keys in the path; anything else on a table is a page of a query.
            counter = ref path.Contains("(PartitionKey=", StringComparison.Ordinal) ? ref entityReads : ref queryPages;
        }
        else
        {
            counter = ref writes;
        }

        Interlocked.Increment(ref counter);
    }

    private void CountResponse(HttpMessage message)
    {
        // Responses are buffered by default, so the length is known without reading the stream again.
        if (counting && message.HasResponse && message.Response.ContentStream is { CanSeek: true } stream)
        {
            Interlocked.Add(ref responseBytes, stream.Length);
        }
    }
}
