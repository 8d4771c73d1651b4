namespace RegRights.Application;

/// <summary>
/// A port refused a write for the state of the row it names: the closed set of <see cref="StoredRowChangedException"/>,
/// <see cref="StoredRowExistsException"/> and <see cref="StoredRowNotFoundException"/>, caught by what it means. The
/// store's own exception is the inner exception.
/// </summary>
public abstract class StoredRowException : Exception
{
    private protected StoredRowException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The row changed since the <see cref="StoredVersion"/> given was read: nothing written.</summary>
public sealed class StoredRowChangedException(string message, Exception? innerException = null) : StoredRowException(message, innerException);

/// <summary>A row with that key exists already: nothing written.</summary>
public sealed class StoredRowExistsException(string message, Exception? innerException = null) : StoredRowException(message, innerException);

/// <summary>There is no row with that key: nothing written.</summary>
public sealed class StoredRowNotFoundException(string message, Exception? innerException = null) : StoredRowException(message, innerException);
