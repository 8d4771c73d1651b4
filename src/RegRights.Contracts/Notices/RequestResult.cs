namespace RegRights.Contracts.Notices;

/// <summary>
/// The outcome of checking a request: the domain value, or the field errors keyed by JSON path
/// (<c>deliveries[0].sentAt</c>), in the shape <c>TypedResults.ValidationProblem</c> takes. Never thrown.
/// </summary>
/// <typeparam name="T">The domain value a valid request becomes.</typeparam>
public sealed class RequestResult<T>
{
    private readonly T? value;

    internal RequestResult(T? value, IReadOnlyDictionary<string, string[]> errors)
    {
        this.value = value;
        Errors = errors;
    }

    /// <summary>True when the request was valid and <see cref="Value"/> holds its domain value.</summary>
    public bool Success => Errors.Count == 0;

    /// <summary>The field errors, keyed by JSON path; empty on success.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The domain value.</summary>
    /// <exception cref="InvalidOperationException">The request was not valid.</exception>
    public T Value => Success
        ? value!
        : throw new InvalidOperationException($"The request is not valid: {string.Join("; ", Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");

    /// <summary>Gets the value when the request was valid.</summary>
    /// <param name="result">The domain value, or the default when invalid.</param>
    /// <returns>Whether the request was valid.</returns>
    public bool TryGetValue(out T result)
    {
        result = value!;
        return Success;
    }
}

/// <summary>Creates <see cref="RequestResult{T}"/> values.</summary>
public static class RequestResult
{
    /// <summary>A valid result.</summary>
    public static RequestResult<T> ForValue<T>(T value) => new(value, new Dictionary<string, string[]>());

    /// <summary>An invalid result; <paramref name="errors"/> must not be empty.</summary>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public static RequestResult<T> ForErrors<T>(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("An invalid result needs at least one error.", nameof(errors));
        }

        return new(default, errors);
    }
}
