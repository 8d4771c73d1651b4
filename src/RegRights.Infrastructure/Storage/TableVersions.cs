using Azure;
using RegRights.Application;

namespace RegRights.Infrastructure.Storage;

/// <summary>
/// Table Storage's ETags and refusals in the ports' words, at the port boundary: an ETag is a
/// <see cref="StoredVersion"/> of the same text, and a write the service refuses with 404, 409 or 412 throws the
/// <see cref="StoredRowException"/> that says why.
/// </summary>
internal static class TableVersions
{
    /// <summary>The version <paramref name="etag"/> names, text for text; none for none.</summary>
    public static StoredVersion ToVersion(this ETag etag) => etag == default ? default : new StoredVersion(etag.ToString());

    /// <summary>The ETag <paramref name="version"/> names, to make a write conditional on it; none for none.</summary>
    public static ETag ToETag(this StoredVersion version) => version.IsNone ? default : new ETag(version.ToString());

    /// <summary>Runs <paramref name="write"/>, its refusals as the port's exceptions.</summary>
    /// <param name="write">The call to the service.</param>
    /// <param name="what">The row, for the message, e.g. <c>agreement '0123…'</c>.</param>
    /// <exception cref="StoredRowNotFoundException">The service answered 404.</exception>
    /// <exception cref="StoredRowExistsException">The service answered 409.</exception>
    /// <exception cref="StoredRowChangedException">The service answered 412.</exception>
    public static async Task<T> WriteAsync<T>(Func<Task<T>> write, string what)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            throw ex.Status switch
            {
                404 => new StoredRowNotFoundException($"No {what}.", ex),
                409 => new StoredRowExistsException($"The {what} exists already.", ex),
                _ => new StoredRowChangedException($"The {what} changed since it was read.", ex),
            };
        }
    }
}
