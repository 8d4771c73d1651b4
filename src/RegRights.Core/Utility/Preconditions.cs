using System.Runtime.CompilerServices;

namespace RegRights.Core.Utility;

/// <summary>Checks on public inputs, in the manner of NodaTime's own <c>Preconditions</c>.</summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>(T argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        where T : class =>
        argument ?? throw new ArgumentNullException(paramName);

    /// <summary>Throws unless <paramref name="value"/> lies in [min, max], both bounds inclusive.</summary>
    internal static int CheckArgumentRange(string paramName, int value, int min, int max) =>
        value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"Value should be in range [{min}-{max}]");

    internal static void CheckArgument(bool expression, string paramName, string message)
    {
        if (!expression)
        {
            throw new ArgumentException(message, paramName);
        }
    }
}
