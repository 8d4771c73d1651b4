using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using RegRights.LocalHost.Rpc;

namespace RegRights.LocalHost;

/// <summary>
/// The host's end of the worker's <c>EventStream</c>: one outbound queue (gRPC allows one writer at a time), and the
/// pending requests the worker's answers complete: start, init, metadata, each load, each invocation.
/// </summary>
internal sealed class WorkerChannel : IDisposable
{
    private readonly Channel<StreamingMessage> _outbound = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<StartStream> _started = NewSource<StartStream>();
    private readonly TaskCompletionSource<WorkerInitResponse> _initialized = NewSource<WorkerInitResponse>();
    private readonly TaskCompletionSource<FunctionMetadataResponse> _metadata = NewSource<FunctionMetadataResponse>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<FunctionLoadResponse>> _loads = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationResponse>> _invocations = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private int _writerAttached;

    public WorkerChannel(string workerId, ILoggerFactory loggerFactory)
    {
        WorkerId = workerId;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger("RegRights.LocalHost.WorkerChannel");
    }

    public string WorkerId { get; }

    public Task<StartStream> Started => _started.Task;

    public Task<WorkerInitResponse> Initialized => _initialized.Task;

    public Task<FunctionMetadataResponse> Metadata => _metadata.Task;

    /// <summary>Completes when the worker's stream has ended.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Serves one EventStream call until the worker hangs up or the host stops.</summary>
    public async Task RunStreamAsync(IAsyncStreamReader<StreamingMessage> requests, IServerStreamWriter<StreamingMessage> responses, CancellationToken callAborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callAborted, _stopping.Token);
        CancellationToken token = linked.Token;

        // The host advertises MultiStream, so a worker may open more than one stream: every stream is read, and the
        // first one carries the host's messages.
        Task writing = Interlocked.Exchange(ref _writerAttached, 1) == 0 ? WriteAsync(responses, token) : Task.CompletedTask;
        try
        {
            while (await requests.MoveNext(token).ConfigureAwait(false))
            {
                Dispatch(requests.Current);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The host is stopping or the worker went away; either way the stream is over.
        }
        catch (IOException ex)
        {
            _logger.LogDebug(ex, "The worker's stream broke.");
        }
        finally
        {
            await linked.CancelAsync().ConfigureAwait(false);
            try
            {
                await writing.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
            {
                // Writing stops with the stream.
            }

            Close(new InvalidOperationException("The worker's gRPC stream closed."));
        }
    }

    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> responses, CancellationToken token)
    {
        await foreach (StreamingMessage message in _outbound.Reader.ReadAllAsync(token).ConfigureAwait(false))
        {
            await responses.WriteAsync(message, token).ConfigureAwait(false);
        }
    }

    public void Send(StreamingMessage message)
    {
        if (!_outbound.Writer.TryWrite(message))
        {
            throw new InvalidOperationException("The worker channel is closed.");
        }
    }

    public Task<FunctionLoadResponse> ExpectLoad(string functionId) => _loads.GetOrAdd(functionId, _ => NewSource<FunctionLoadResponse>()).Task;

    public Task<InvocationResponse> ExpectInvocation(string invocationId) => _invocations.GetOrAdd(invocationId, _ => NewSource<InvocationResponse>()).Task;

    public void ForgetInvocation(string invocationId) => _invocations.TryRemove(invocationId, out _);

    /// <summary>Ends the stream: no more messages go out, the EventStream call returns, and whatever waits fails.</summary>
    public void Stop()
    {
        _outbound.Writer.TryComplete();
        _stopping.Cancel();
        Close(new OperationCanceledException("The local host is stopping."));
    }

    private void Close(Exception reason)
    {
        _outbound.Writer.TryComplete();
        _started.TrySetException(reason);
        _initialized.TrySetException(reason);
        _metadata.TrySetException(reason);
        foreach (TaskCompletionSource<FunctionLoadResponse> load in _loads.Values)
        {
            load.TrySetException(reason);
        }

        foreach (TaskCompletionSource<InvocationResponse> invocation in _invocations.Values)
        {
            invocation.TrySetException(reason);
        }

        _closed.TrySetResult();
    }

    private void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.StartStream:
                if (!string.Equals(message.StartStream.WorkerId, WorkerId, StringComparison.OrdinalIgnoreCase))
                {
                    _logger.LogWarning("A worker with id '{Id}' connected; this host expects '{Expected}'.", message.StartStream.WorkerId, WorkerId);
                }

                _started.TrySetResult(message.StartStream);
                break;
            case StreamingMessage.ContentOneofCase.WorkerInitResponse:
                _initialized.TrySetResult(message.WorkerInitResponse);
                break;
            case StreamingMessage.ContentOneofCase.FunctionMetadataResponse:
                _metadata.TrySetResult(message.FunctionMetadataResponse);
                break;
            case StreamingMessage.ContentOneofCase.FunctionLoadResponse:
                _loads.GetOrAdd(message.FunctionLoadResponse.FunctionId, _ => NewSource<FunctionLoadResponse>()).TrySetResult(message.FunctionLoadResponse);
                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                if (_invocations.TryRemove(message.InvocationResponse.InvocationId, out TaskCompletionSource<InvocationResponse>? pending))
                {
                    pending.TrySetResult(message.InvocationResponse);
                }

                break;
            case StreamingMessage.ContentOneofCase.RpcLog:
                Relay(message.RpcLog);
                break;
            case StreamingMessage.ContentOneofCase.WorkerStatusResponse:
                break;
            default:
                _logger.LogDebug("Ignored a {Message} from the worker.", message.ContentCase);
                break;
        }
    }

    private void Relay(RpcLog log)
    {
        ILogger logger = _loggerFactory.CreateLogger(string.IsNullOrEmpty(log.Category) ? "Worker" : log.Category);
        LogLevel level = log.Level switch
        {
            RpcLog.Types.Level.Trace => LogLevel.Trace,
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Information => LogLevel.Information,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            RpcLog.Types.Level.Error => LogLevel.Error,
            RpcLog.Types.Level.Critical => LogLevel.Critical,
            _ => LogLevel.None,
        };
        if (level == LogLevel.None || !logger.IsEnabled(level))
        {
            return;
        }

        string exception = log.Exception is { } e ? $"{Environment.NewLine}{e.Type}: {e.Message}{Environment.NewLine}{e.StackTrace}" : "";
        if (string.IsNullOrEmpty(log.InvocationId))
        {
            logger.Log(level, "{Message}{Exception}", log.Message, exception);
        }
        else
        {
            logger.Log(level, "{Message} (Id={InvocationId}){Exception}", log.Message, log.InvocationId, exception);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private static TaskCompletionSource<T> NewSource<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The gRPC service the worker connects to: hands every EventStream call to the host's channel.</summary>
internal sealed class FunctionRpcService(WorkerChannel channel) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
        channel.RunStreamAsync(requestStream, responseStream, context.CancellationToken);
}
