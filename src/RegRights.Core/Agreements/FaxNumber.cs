using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace RegRights.Core.Agreements;

/// <summary>
/// Facsimile numbers as the notice clause writes them ("(949) 788-6706") and as a fax carrier reports them
/// ("+19497886706"), brought to one form so that the two can be compared: E.164, a plus and 7 to 15 digits.
/// </summary>
/// <remarks>
/// A number written without a country code and with exactly 10 digits is read as a North American (NANP) number, as
/// the seed agreement of April 28, 2000 writes all of its numbers: "(949) 788-6706" is <c>+19497886706</c>. Any other
/// number needs its country code ("+44 20 7946 0958"). Spaces, hyphens, dots, slashes and parentheses are formatting;
/// any other character (a letter, an extension "x12") makes the text no fax number.
/// </remarks>
public static class FaxNumber
{
    /// <summary>The fewest digits a number may have (E.164 numbers without their country code can be this short).</summary>
    public const int MinDigits = 7;

    /// <summary>The most digits, country code included (E.164).</summary>
    public const int MaxDigits = 15;

    /// <summary>The number in E.164 form, e.g. <c>+19497886706</c> for "(949) 788-6706", or null when it is none.</summary>
    /// <param name="text">The number as written or reported.</param>
    /// <param name="e164">The number as <c>+</c> and its digits.</param>
    /// <returns>Whether <paramref name="text"/> is a fax number.</returns>
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? e164)
    {
        e164 = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        var trimmed = text.Trim();
        var international = trimmed.StartsWith('+');
        var digits = new StringBuilder(MaxDigits);
        foreach (var c in international ? trimmed[1..] : trimmed)
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '/' or '(' or ')'))
            {
                return false;
            }
        }

        if (!international && digits.Length == 10)
        {
            digits.Insert(0, '1');
        }

        if (digits.Length is < MinDigits or > MaxDigits || digits[0] == '0')
        {
            return false;
        }

        e164 = "+" + digits;
        return true;
    }

    /// <summary>Whether two numbers, as written or reported, are the same number.</summary>
    public static bool SameNumber(string? a, string? b) =>
        TryNormalize(a, out var x) && TryNormalize(b, out var y) && string.Equals(x, y, StringComparison.Ordinal);
}
